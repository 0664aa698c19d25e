import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { IconLock, IconMessage } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { type CommentVisibility, PARTY_LABELS, type Party } from '../../../lib/api-types.ts';
import { describeError } from '../../../lib/problem.ts';
import { useAddComment } from '../api/ticket-comments.ts';
import { PRIVATE_VISIBILITY, VISIBILITY_LABELS } from './ticket-labels.ts';
import classes from './tickets.module.css';

interface CommentComposerProps {
  engagementId: string;
  ticketId: string;
  /** The writer's party: its private channel is the only private choice offered. */
  party: Party;
  /** The requester portal: a plain reply box, always shared. */
  plain?: boolean;
}

/**
 * Writes a comment. Switching to a private note turns the whole composer amber, with a lock and
 * a banner naming who will see it, so nobody sends a private note by mistake, or the reverse.
 */
export function CommentComposer({ engagementId, ticketId, party, plain = false }: CommentComposerProps) {
  const [body, setBody] = useState('');
  const privateVisibility = PRIVATE_VISIBILITY[party];
  const [visibility, setVisibility] = useState<CommentVisibility>('shared');
  const add = useAddComment(engagementId, ticketId);
  const isPrivate = !plain && visibility !== 'shared';

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!body.trim()) return;
    add.mutate(
      { body, visibility: plain ? 'shared' : visibility },
      {
        onSuccess: () => {
          setBody('');
          add.reset();
        },
      },
    );
  }

  return (
    <Paper
      component="form"
      onSubmit={submit}
      withBorder
      p="sm"
      radius="md"
      className={isPrivate ? classes.privateNote : undefined}
      data-private={isPrivate || undefined}
      data-testid="composer"
      aria-label={isPrivate ? `Private note, ${PARTY_LABELS[party]} only` : 'Reply'}
    >
      <Stack gap="xs">
        {!plain && (
          <Group justify="space-between" wrap="nowrap">
            <SegmentedControl
              aria-label="Comment visibility"
              size="xs"
              value={visibility}
              onChange={(value) => setVisibility(value as CommentVisibility)}
              color={isPrivate ? 'yellow' : undefined}
              data={[
                {
                  value: 'shared',
                  label: (
                    <Group gap={4} wrap="nowrap">
                      <IconMessage size={14} /> Shared
                    </Group>
                  ),
                },
                {
                  value: privateVisibility,
                  label: (
                    <Group gap={4} wrap="nowrap">
                      <IconLock size={14} /> {VISIBILITY_LABELS[privateVisibility]}
                    </Group>
                  ),
                },
              ]}
            />
            {!isPrivate && (
              <Text size="xs" c="dimmed">
                Both parties will see this
              </Text>
            )}
          </Group>
        )}
        {isPrivate && (
          <Alert color="yellow" variant="filled" icon={<IconLock size={16} />} py={6} role="status">
            Only {PARTY_LABELS[party]} staff will see this — it is a private note, not a reply.
          </Alert>
        )}
        <Textarea
          aria-label={isPrivate ? 'Private note' : plain ? 'Your reply' : 'Comment'}
          placeholder={
            isPrivate ? `Note for ${PARTY_LABELS[party]} staff only (Markdown)` : 'Write a reply (Markdown)'
          }
          autosize
          minRows={3}
          maxRows={16}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) submit();
          }}
          error={add.isError ? describeError(add.error) : undefined}
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Ctrl+Enter to send
          </Text>
          <Button
            type="submit"
            size="xs"
            color={isPrivate ? 'yellow' : undefined}
            leftSection={isPrivate ? <IconLock size={14} /> : undefined}
            loading={add.isPending}
            disabled={!body.trim()}
          >
            {isPrivate
              ? `Add ${VISIBILITY_LABELS[privateVisibility].toLowerCase()} note`
              : plain
                ? 'Send reply'
                : 'Comment'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Party } from '../../../lib/api-types.ts';
import { describeError, fieldErrors } from '../../../lib/problem.ts';
import type { InfoRequest } from '../../../lib/sla-types.ts';
import { useAskQuestion } from '../api/ask-question.ts';

const TEAM_NAMES: Record<Party, string> = { internal: 'the internal team', provider: 'the provider' };

interface AskQuestionModalProps {
  engagementId: string;
  /** The asker's party; the question goes to the other one. */
  party: Party;
  /** The ticket it is about; without one the question opens a ticket of its own. */
  ticketId?: string | undefined;
  opened: boolean;
  onClose: () => void;
  onAsked?: (request: InfoRequest) => void;
}

/** A question for the other party. Sending it hands them the move: their clock runs, ours pauses. */
export function AskQuestionModal({
  engagementId,
  party,
  ticketId,
  opened,
  onClose,
  onAsked,
}: AskQuestionModalProps) {
  const [question, setQuestion] = useState('');
  const [title, setTitle] = useState('');
  const ask = useAskQuestion(engagementId);
  const errors = fieldErrors(ask.error);
  const other = TEAM_NAMES[party === 'provider' ? 'internal' : 'provider'];
  const close = () => {
    ask.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={`Ask ${other}`} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          ask.mutate(
            { question: question.trim(), ...(ticketId ? { ticketId } : { title: title.trim() }) },
            {
              onSuccess: (request) => {
                setQuestion('');
                setTitle('');
                onAsked?.(request);
                close();
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          {!ticketId && (
            <TextInput
              label="Title"
              description="A new information-request ticket opens with this title."
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              error={errors.title}
              required
              data-autofocus
            />
          )}
          <Textarea
            label="Question"
            description="Markdown allowed."
            autosize
            minRows={4}
            maxRows={12}
            value={question}
            onChange={(event) => setQuestion(event.currentTarget.value)}
            error={errors.question}
            required
            data-autofocus={ticketId ? true : undefined}
          />
          <Text size="xs" c="dimmed">
            The ticket then waits on {other}: their answer clock starts and yours pauses until they answer.
          </Text>
          {ask.isError && !errors.question && !errors.title && (
            <Alert color="red" variant="light" role="alert">
              {describeError(ask.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={ask.isPending} disabled={!question.trim()}>
              Send question
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

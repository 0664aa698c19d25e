import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useId } from 'react';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import type { Party } from '../../../lib/api-types.ts';
import { useInfoRequests } from '../api/list-info-requests.ts';
import { AskQuestionModal } from './ask-question-modal.tsx';
import { QuestionCard } from './question-card.tsx';

interface QuestionsForUsProps {
  engagementId: string;
  party: Party;
  canAsk: boolean;
  ticketHref: (ticketId: string) => string;
  onOpenTicket: (ticketId: string) => void;
}

/** Open questions the other party asked of ours: each one is our clock running. */
export function QuestionsForUs({
  engagementId,
  party,
  canAsk,
  ticketHref,
  onOpenTicket,
}: QuestionsForUsProps) {
  const [asking, ask] = useDisclosure(false);
  const headingId = useId();
  const requests = useInfoRequests(engagementId, { state: 'open', toParty: party });
  const items = requests.data?.items ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between">
        <Title order={2} size="h4" id={headingId}>
          Questions for us
        </Title>
        {canAsk && (
          <Button variant="default" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={ask.open}>
            New question
          </Button>
        )}
      </Group>
      {requests.isError && <QueryErrorAlert error={requests.error} onRetry={() => requests.refetch()} />}
      {requests.isPending && (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      )}
      {requests.isSuccess && items.length === 0 && (
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            Nothing waiting for an answer from us.
          </Text>
        </Paper>
      )}
      {items.map((request) => (
        <QuestionCard
          key={request.id}
          engagementId={engagementId}
          request={request}
          heading={
            <Group gap={6} wrap="nowrap">
              <Text size="sm" ff="monospace" c="dimmed">
                {request.ticketNumber}
              </Text>
              <Anchor
                href={ticketHref(request.ticketId)}
                size="sm"
                fw={500}
                lineClamp={1}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  onOpenTicket(request.ticketId);
                }}
              >
                {request.ticketTitle}
              </Anchor>
            </Group>
          }
        />
      ))}
      {canAsk && (
        <AskQuestionModal
          engagementId={engagementId}
          party={party}
          opened={asking}
          onClose={ask.close}
          onAsked={(request) => onOpenTicket(request.ticketId)}
        />
      )}
    </Stack>
  );
}

import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMessageQuestion } from '@tabler/icons-react';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import type { Party } from '../../../lib/api-types.ts';
import { useInfoRequests } from '../api/list-info-requests.ts';
import { AskQuestionModal } from './ask-question-modal.tsx';
import { QuestionCard } from './question-card.tsx';

interface TicketQuestionsPanelProps {
  engagementId: string;
  ticketId: string;
  party: Party;
  canAsk: boolean;
}

/** A ticket's questions between the parties, with the way to ask one and to answer those asked of us. */
export function TicketQuestionsPanel({ engagementId, ticketId, party, canAsk }: TicketQuestionsPanelProps) {
  const [asking, ask] = useDisclosure(false);
  const requests = useInfoRequests(engagementId, { ticketId });
  const items = requests.data?.items ?? [];
  if (!canAsk && items.length === 0) return null;

  return (
    <Stack gap="sm" data-testid="ticket-questions">
      <Group justify="space-between">
        <Title order={2} size="h5">
          Questions between the parties
        </Title>
        {canAsk && (
          <Button
            variant="light"
            size="compact-sm"
            leftSection={<IconMessageQuestion size={14} />}
            onClick={ask.open}
          >
            Ask the other party
          </Button>
        )}
      </Group>
      {requests.isError && <QueryErrorAlert error={requests.error} onRetry={() => requests.refetch()} />}
      {requests.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No questions yet. Asking one hands the ticket to the other party until they answer.
        </Text>
      )}
      {items.map((request) => (
        <QuestionCard key={request.id} engagementId={engagementId} request={request} />
      ))}
      {canAsk && (
        <AskQuestionModal
          engagementId={engagementId}
          party={party}
          ticketId={ticketId}
          opened={asking}
          onClose={ask.close}
        />
      )}
    </Stack>
  );
}

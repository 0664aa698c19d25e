import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Markdown } from '../../../components/markdown.tsx';
import { PartyBadge } from '../../../components/party-badge.tsx';
import type { InfoRequest, InfoRequestState } from '../../../lib/sla-types.ts';
import { formatRelative, formatUtc } from '../../../lib/time-format.ts';
import { AnswerForm } from './answer-form.tsx';

const STATE_LABELS: Record<InfoRequestState, string> = {
  open: 'Open',
  answered: 'Answered',
  withdrawn: 'Withdrawn',
};
const STATE_COLORS: Record<InfoRequestState, string> = {
  open: 'orange',
  answered: 'green',
  withdrawn: 'gray',
};

interface QuestionCardProps {
  engagementId: string;
  request: InfoRequest;
  /** Above the question, e.g. the ticket it is about. */
  heading?: ReactNode;
}

/** One question, who asked whom and when, its answer, and an answer box for the party asked. */
export function QuestionCard({ engagementId, request, heading }: QuestionCardProps) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid="info-request" data-state={request.state}>
      <Stack gap={6}>
        {heading}
        <Group gap={6} wrap="wrap">
          <PartyBadge party={request.fromParty} size="xs" />
          <Text size="xs" c="dimmed">
            asked
          </Text>
          <PartyBadge party={request.toParty} size="xs" />
          <Text size="xs">
            <Text span fw={600} size="xs">
              {request.askedBy.name}
            </Text>{' '}
            <Text span c="dimmed" size="xs" title={formatUtc(request.createdAt)}>
              {formatRelative(request.createdAt)}
            </Text>
          </Text>
          <Badge size="xs" variant="light" color={STATE_COLORS[request.state]} ml="auto">
            {STATE_LABELS[request.state]}
          </Badge>
        </Group>
        <Markdown>{request.question}</Markdown>
        {request.answer !== null && (
          <Stack gap={2} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-green-light-color)' }}>
            <Text size="xs" c="dimmed">
              {request.answeredBy?.name ?? 'Answered'}
              {request.answeredAt && (
                <span title={formatUtc(request.answeredAt)}> · {formatRelative(request.answeredAt)}</span>
              )}
            </Text>
            <Markdown>{request.answer}</Markdown>
          </Stack>
        )}
        {request.canAnswer && request.state === 'open' && (
          <AnswerForm
            engagementId={engagementId}
            infoRequestId={request.id}
            label={`Answer to ${request.ticketNumber}`}
          />
        )}
      </Stack>
    </Paper>
  );
}

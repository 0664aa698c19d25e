import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { Ticket, TicketEscalation } from '../../../lib/api-types.ts';
import { formatDateTime } from '../../../lib/time-format.ts';
import { formatCountdown, useNowSeconds } from '../../../lib/use-seconds.ts';
import { incidentState } from './incident-state.ts';

interface EscalationCountdownProps {
  ticket: Pick<Ticket, 'status' | 'escalation'>;
}

/**
 * "L1 escalates in 4:05", counting down every second from the server's `nextAt`; once nobody is
 * left to page (acknowledged, resolved, or the policy ran out) it stops and says why.
 */
export function EscalationCountdown({ ticket }: EscalationCountdownProps) {
  const escalation = ticket.escalation ?? null;
  const state = incidentState(ticket);
  if (!escalation) {
    return (
      <Text size="sm" c="dimmed" data-testid="escalation-countdown" data-state="none">
        No policy
      </Text>
    );
  }
  if (escalation.nextAt) return <Running escalation={escalation} nextAt={escalation.nextAt} />;
  const word = state === 'resolved' ? 'ended' : state === 'acknowledged' ? 'acknowledged' : 'last level';
  return (
    <Group gap={6} wrap="nowrap" data-testid="escalation-countdown" data-state="stopped">
      <Badge variant="light" color="gray" radius="sm" size="sm" style={{ flexShrink: 0 }}>
        L{escalation.level}
      </Badge>
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {state === 'acknowledged' && <IconCheck size={12} style={{ verticalAlign: -1 }} />} {word}
      </Text>
    </Group>
  );
}

function Running({ escalation, nextAt }: { escalation: TicketEscalation; nextAt: string }) {
  const now = Math.max(useNowSeconds(), Date.now());
  const left = Date.parse(nextAt) - now;
  const text = left > 0 ? formatCountdown(left) : 'due';
  return (
    <Tooltip
      label={`Unless acknowledged, the next page goes out at ${formatDateTime(nextAt)}`}
      openDelay={300}
    >
      <Group
        gap={6}
        wrap="nowrap"
        data-testid="escalation-countdown"
        data-state="running"
        aria-label={`Escalation at level ${escalation.level}, escalates in ${text}`}
      >
        <Badge variant="filled" color="red" radius="sm" size="sm" style={{ flexShrink: 0 }}>
          L{escalation.level}
        </Badge>
        <Text size="sm" ff="monospace" fw={600} c="red" style={{ whiteSpace: 'nowrap' }}>
          escalates in {text}
        </Text>
      </Group>
    </Tooltip>
  );
}

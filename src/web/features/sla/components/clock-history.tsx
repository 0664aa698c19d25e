import { Stack, Text, Timeline } from '@mantine/core';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { formatMinutes } from '../../../lib/duration.ts';
import { clockName } from '../../../lib/sla-clock.ts';
import type { LedgerEvent } from '../../../lib/sla-types.ts';
import { formatDateTime, formatUtc } from '../../../lib/time-format.ts';
import { useTicketSla } from '../api/get-ticket-sla.ts';

const EVENT_LABELS: Record<LedgerEvent, string> = {
  started: 'Started',
  paused: 'Paused',
  resumed: 'Resumed',
  retargeted: 'Target changed',
  warned: 'Warning',
  breached: 'Breached',
  met: 'Met',
  stopped: 'Stopped',
  cancelled: 'Cancelled',
};

const EVENT_COLORS: Partial<Record<LedgerEvent, string>> = {
  started: 'green',
  resumed: 'green',
  warned: 'orange',
  breached: 'red',
  paused: 'gray',
};

/** Every clock the ticket has had, and why each started, paused, resumed or stopped. */
export function ClockHistory({ engagementId, ticketId }: { engagementId: string; ticketId: string }) {
  const sla = useTicketSla(engagementId, ticketId, true);
  if (sla.isError)
    return (
      <QueryErrorAlert
        error={sla.error}
        title="Could not load the clock history"
        onRetry={() => sla.refetch()}
      />
    );
  if (!sla.data)
    return (
      <Text size="xs" c="dimmed">
        Loading…
      </Text>
    );
  if (sla.data.clocks.length === 0)
    return (
      <Text size="xs" c="dimmed">
        No clock has run on this ticket.
      </Text>
    );
  return (
    <Stack gap="md" pt={4} data-testid="clock-history">
      {sla.data.clocks.map((clock) => (
        <Stack key={clock.id} gap={6}>
          <Text size="xs" fw={600}>
            {clockName(clock)}
          </Text>
          <Timeline bulletSize={10} lineWidth={1}>
            {clock.ledger.map((entry, index) => (
              <Timeline.Item
                // biome-ignore lint/suspicious/noArrayIndexKey: ledger entries are append-only and have no id
                key={index}
                color={EVENT_COLORS[entry.event] ?? 'gray'}
                title={
                  <Text size="xs" fw={500}>
                    {EVENT_LABELS[entry.event] ?? entry.event}{' '}
                    <Text span size="xs" c="dimmed" title={formatUtc(entry.at)}>
                      {formatDateTime(entry.at)}
                    </Text>
                  </Text>
                }
              >
                {entry.reason && <Text size="xs">{entry.reason}</Text>}
                <Text size="xs" c="dimmed">
                  {formatMinutes(Math.max(0, entry.elapsedMinutes))} of {formatMinutes(entry.targetMinutes)}{' '}
                  used
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      ))}
    </Stack>
  );
}

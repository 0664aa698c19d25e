import { Button, Collapse, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useId } from 'react';
import { SlaBadge } from '../../../components/sla-badge.tsx';
import { formatMinutes } from '../../../lib/duration.ts';
import { CLOCK_KIND_LABELS, mostUrgentClock } from '../../../lib/sla-clock.ts';
import type { SlaClock } from '../../../lib/sla-types.ts';
import { ClockHistory } from './clock-history.tsx';

interface TicketClocksPanelProps {
  engagementId: string;
  ticketId: string;
  /** The ticket's current clock of each party and kind. */
  clocks: readonly SlaClock[];
}

/** Whose clocks run on this ticket and how each stands; the history of each behind a disclosure. */
export function TicketClocksPanel({ engagementId, ticketId, clocks }: TicketClocksPanelProps) {
  const [open, history] = useDisclosure(false);
  const historyId = useId();
  const urgent = mostUrgentClock(clocks);
  // The most pressing first, then the others in the server's order.
  const ordered = urgent ? [urgent, ...clocks.filter((clock) => clock !== urgent)] : [...clocks];

  return (
    <Paper withBorder p="md" radius="md" data-testid="sla-clocks">
      <Stack gap="xs">
        <Text size="xs" c="dimmed" fw={600}>
          SLA clocks
        </Text>
        {ordered.length === 0 && (
          <Text size="sm" c="dimmed">
            No SLA target applies to this ticket.
          </Text>
        )}
        {ordered.map((clock) => (
          <Stack key={clock.id} gap={2}>
            <Text size="sm" fw={500}>
              {CLOCK_KIND_LABELS[clock.kind]}
            </Text>
            <div>
              <SlaBadge clock={clock} hideKind />
            </div>
            <Text size="xs" c="dimmed">
              {formatMinutes(Math.max(0, clock.elapsedMinutes))} of {formatMinutes(clock.targetMinutes)} used
              · {clock.calendarName}
            </Text>
          </Stack>
        ))}
        <Button
          variant="subtle"
          size="compact-xs"
          w="fit-content"
          px={0}
          leftSection={open ? <IconChevronDown size={12} /> : <IconChevronRight size={12} />}
          aria-expanded={open}
          aria-controls={historyId}
          onClick={history.toggle}
        >
          Clock history
        </Button>
        <Collapse expanded={open} id={historyId}>
          {open && <ClockHistory engagementId={engagementId} ticketId={ticketId} />}
        </Collapse>
      </Stack>
    </Paper>
  );
}

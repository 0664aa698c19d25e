import { Badge, Group, Paper, Skeleton, Table, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { browserZone, formatUtc } from '../../../lib/time-format.ts';
import { useNow } from '../../../lib/use-now.ts';
import { type MyShift, useMyShifts } from '../api/my-shifts.ts';
import { TrackBadge } from './track-badge.tsx';

const DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

const dayTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayKey = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });

/** "Mon, 30 Nov, 09:00 – 17:00", or both dates when the shift runs past midnight; browser's zone. */
export function shiftSpan(start: string, end: string): string {
  const from = new Date(start);
  const to = new Date(end);
  const sameDay = dayKey.format(from) === dayKey.format(to);
  return `${dayTime.format(from)} – ${sameDay ? timeOnly.format(to) : dayTime.format(to)}`;
}

/**
 * The server clips shifts to the window asked for: one already under way reads "Until …", one
 * running past the window "From … on", rather than showing the window's edge as if it were the shift's.
 */
function spanLabel(shift: MyShift, range: { from: string; to: string }): string {
  const clippedStart = Date.parse(shift.start) <= Date.parse(range.from);
  const clippedEnd = Date.parse(shift.end) >= Date.parse(range.to);
  if (clippedStart && clippedEnd) return 'All of the next two weeks';
  if (clippedStart) return `Until ${dayTime.format(new Date(shift.end))}`;
  if (clippedEnd) return `From ${dayTime.format(new Date(shift.start))} on`;
  return shiftSpan(shift.start, shift.end);
}

/** The caller's own shifts over the coming two weeks, across every schedule and both tracks. */
export function MyShiftsPanel({ engagementId }: { engagementId: string }) {
  // Fixed when the panel mounts, so the query key stays put while the clock ticks.
  const [range] = useState(() => {
    const from = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    return { from: from.toISOString(), to: new Date(from.getTime() + DAYS * DAY_MS).toISOString() };
  });
  const shifts = useMyShifts(engagementId, range);
  const now = useNow();
  const list = [...(shifts.data ?? [])]
    .filter((shift) => Date.parse(shift.end) > now)
    .sort((a, b) => a.start.localeCompare(b.start) || a.scheduleName.localeCompare(b.scheduleName));
  const isNow = (shift: MyShift) => Date.parse(shift.start) <= now && now < Date.parse(shift.end);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="My shifts">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          My shifts
        </Title>
        <Text size="xs" c="dimmed">
          Next two weeks · times in {browserZone()}
        </Text>
      </Group>
      {shifts.isError && <QueryErrorAlert error={shifts.error} onRetry={() => shifts.refetch()} />}
      {shifts.isPending && <Skeleton height={60} radius="sm" />}
      {shifts.isSuccess && list.length === 0 && (
        <Text size="sm" c="dimmed">
          You have no shifts in the next two weeks.
        </Text>
      )}
      {list.length > 0 && (
        <Table verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Schedule</Table.Th>
              <Table.Th style={{ minWidth: 112 }}>Track</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((shift) => {
              const current = isNow(shift);
              return (
                <Table.Tr
                  key={`${shift.scheduleId}-${shift.start}`}
                  bg={current ? 'var(--mantine-color-green-light)' : undefined}
                  aria-current={current ? 'true' : undefined}
                  data-shift={shift.scheduleName}
                >
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Tooltip label={`${formatUtc(shift.start)} – ${formatUtc(shift.end)}`} openDelay={300}>
                        <Text size="sm" fw={current ? 600 : undefined}>
                          {spanLabel(shift, range)}
                        </Text>
                      </Tooltip>
                      {current && (
                        <Badge size="sm" color="green" radius="sm" style={{ flexShrink: 0 }}>
                          Now
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {shift.scheduleName}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <TrackBadge track={shift.track} size="sm" style={{ overflow: 'visible' }} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

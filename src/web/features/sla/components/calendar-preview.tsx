import { Alert, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { formatMinutes, parseMinutes } from '../../../lib/duration.ts';
import { describeError } from '../../../lib/problem.ts';
import type { Calendar } from '../../../lib/sla-types.ts';
import { browserZone, formatDateTime } from '../../../lib/time-format.ts';
import { formatInZone, nextWeekdayAt, zonedWallToUtc } from '../../../lib/zoned-time.ts';
import { useDueAfter } from '../api/add-business-time.ts';

const FRIDAY = 5;

interface CalendarPreviewProps {
  engagementId: string;
  calendar: Calendar;
  /** The form holds changes not saved yet; the server computes with the saved calendar. */
  dirty: boolean;
}

/**
 * "A ticket opened at [Friday 16:30] with [4h] of business time is due Monday 10:30": the
 * server's own business-time arithmetic on this calendar, so what you see is what clocks do.
 */
export function CalendarPreview({ engagementId, calendar, dirty }: CalendarPreviewProps) {
  const zone = calendar.timeZone;
  const [opened, setOpened] = useState(() => nextWeekdayAt(FRIDAY, '16:30', zone));
  const [spanText, setSpanText] = useState('4h');
  const [debouncedSpan] = useDebouncedValue(spanText, 300);
  const minutes = parseMinutes(debouncedSpan);
  const start = zonedWallToUtc(opened, zone);
  const due = useDueAfter(engagementId, calendar.id, start, minutes);
  const otherZone = browserZone() !== zone;

  return (
    <Paper withBorder p="md" radius="md" data-testid="calendar-preview">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          Preview
        </Text>
        <Group gap={6} align="center" wrap="wrap">
          <Text size="sm">A ticket opened at</Text>
          <TextInput
            type="datetime-local"
            size="xs"
            aria-label={`Opened at, ${zone} time`}
            value={opened}
            onChange={(event) => setOpened(event.currentTarget.value)}
          />
          <Text size="sm">({zone}) with</Text>
          <TextInput
            size="xs"
            w={80}
            aria-label="Business time"
            value={spanText}
            onChange={(event) => setSpanText(event.currentTarget.value)}
            error={spanText.trim() !== '' && parseMinutes(spanText) === null}
          />
          <Text size="sm">of business time is due</Text>
        </Group>
        {dirty && (
          <Text size="xs" c="dimmed">
            Computed with the saved hours; save to preview your changes.
          </Text>
        )}
        {due.isError ? (
          <Alert color="red" variant="light" py={6}>
            {describeError(due.error)}
          </Alert>
        ) : due.data && start && minutes ? (
          <Stack gap={2} aria-live="polite">
            <Text size="sm" fw={600} data-testid="preview-due">
              Opened {formatInZone(start, zone)} → due {formatInZone(due.data, zone)}
            </Text>
            <Text size="xs" c="dimmed">
              {formatMinutes(minutes)} of business time; due {formatInZone(due.data, zone, true)} {zone}
              {otherZone && ` · ${formatDateTime(due.data)} your time (${browserZone()})`}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {start && minutes ? 'Working it out…' : 'Give an opening time and a span such as 4h, 90m or 2d.'}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

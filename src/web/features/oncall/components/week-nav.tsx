import { ActionIcon, Button, Group, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { browserZone } from '../../../lib/time-format.ts';
import { addDaysToDate, weekTitle, type ZonedWeek } from './week-in-zone.ts';

interface WeekNavProps {
  week: ZonedWeek;
  /** A Monday, or undefined for this week. */
  onChange: (monday: string | undefined) => void;
  /** Why times are in this zone, e.g. "the schedule's zone". */
  zoneNote: string;
}

/** Previous / today / next, the week's dates and the zone its times are read in. */
export function WeekNav({ week, onChange, zoneNote }: WeekNavProps) {
  const mine = browserZone();
  return (
    <Group justify="space-between" gap="sm">
      <Group gap="xs">
        <ActionIcon
          variant="default"
          aria-label="Previous week"
          onClick={() => onChange(addDaysToDate(week.monday, -7))}
        >
          <IconChevronLeft size={16} />
        </ActionIcon>
        <Button variant="default" size="xs" onClick={() => onChange(undefined)}>
          Today
        </Button>
        <ActionIcon
          variant="default"
          aria-label="Next week"
          onClick={() => onChange(addDaysToDate(week.monday, 7))}
        >
          <IconChevronRight size={16} />
        </ActionIcon>
        <Title order={2} size="h4" ml="xs" data-testid="week-title">
          {weekTitle(week)}
        </Title>
      </Group>
      <Text size="xs" c="dimmed" data-testid="zone-note">
        Times in {week.zone}, {zoneNote}
        {mine !== week.zone && ` · you are in ${mine}`}
      </Text>
    </Group>
  );
}

import { ActionIcon, Alert, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { browserZone } from '../../../lib/time-format.ts';
import type { Change } from '../api/change-types.ts';
import { useChangesInRange } from '../api/list-changes.ts';
import { useFreezeWindows } from '../api/list-freeze-windows.ts';
import { CalendarLegend, ChangeCalendarGrid } from './change-calendar-grid.tsx';
import type { ChangesSearch } from './changes-search.ts';
import { addDays, calendarDays, dayKey, parseDayKey, shiftAnchor } from './local-time.ts';

interface ChangeCalendarViewProps {
  engagementId: string;
  search: ChangesSearch;
  onSearchChange: (search: ChangesSearch) => void;
  hrefOf: (change: Change) => string;
  onOpen: (change: Change) => void;
}

const monthTitle = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });
const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** The change calendar: a month or a week of change windows and freeze windows, in the viewer's zone. */
export function ChangeCalendarView({
  engagementId,
  search,
  onSearchChange,
  hrefOf,
  onOpen,
}: ChangeCalendarViewProps) {
  const span = search.span ?? 'month';
  const anchor = (search.date && parseDayKey(search.date)) || new Date();
  const days = calendarDays(anchor, span);
  const first = days[0] as Date;
  const last = days[days.length - 1] as Date;
  const changes = useChangesInRange(engagementId, first.toISOString(), addDays(last, 1).toISOString());
  const freezeWindows = useFreezeWindows(engagementId);
  const go = (date: Date | undefined) => onSearchChange({ ...search, date: date ? dayKey(date) : undefined });
  const title =
    span === 'month' ? monthTitle.format(anchor) : `${shortDay.format(first)} – ${shortDay.format(last)}`;

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <Group gap="xs">
          <ActionIcon
            variant="default"
            aria-label={span === 'month' ? 'Previous month' : 'Previous week'}
            onClick={() => go(shiftAnchor(anchor, span, -1))}
          >
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Button variant="default" size="xs" onClick={() => go(undefined)}>
            Today
          </Button>
          <ActionIcon
            variant="default"
            aria-label={span === 'month' ? 'Next month' : 'Next week'}
            onClick={() => go(shiftAnchor(anchor, span, 1))}
          >
            <IconChevronRight size={16} />
          </ActionIcon>
          <Title order={2} size="h4" ml="xs" data-testid="calendar-title">
            {title}
          </Title>
        </Group>
        <Group gap="sm">
          <Text size="xs" c="dimmed">
            Times in {browserZone()}
          </Text>
          <SegmentedControl
            size="xs"
            aria-label="Calendar span"
            data={[
              { value: 'month', label: 'Month' },
              { value: 'week', label: 'Week' },
            ]}
            value={span}
            onChange={(value) => onSearchChange({ ...search, span: value === 'week' ? 'week' : undefined })}
          />
        </Group>
      </Group>
      {changes.isError && <QueryErrorAlert error={changes.error} onRetry={() => changes.refetch()} />}
      {freezeWindows.isError && (
        <QueryErrorAlert error={freezeWindows.error} title="Could not load the freeze windows" />
      )}
      {changes.data && !changes.data.complete && (
        <Alert color="yellow" variant="light">
          This period holds more changes than the calendar shows; narrow it with the week view or the list.
        </Alert>
      )}
      <ChangeCalendarGrid
        days={days}
        span={span}
        month={anchor.getMonth()}
        changes={changes.data?.items ?? []}
        freezeWindows={freezeWindows.data ?? []}
        hrefOf={hrefOf}
        onOpen={onOpen}
      />
      <CalendarLegend />
    </Stack>
  );
}

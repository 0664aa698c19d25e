import { Button, Grid, NavLink, Paper, Stack, Text } from '@mantine/core';
import { IconCalendarTime, IconPlus } from '@tabler/icons-react';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { useCalendars } from '../api/list-calendars.ts';
import { CalendarForm } from './calendar-form.tsx';

interface CalendarsPageProps {
  engagementId: string;
  canManage: boolean;
  /** The calendar open in the editor, `new`, or none (the first one). */
  selected: string | undefined;
  onSelect: (calendarId: string | undefined) => void;
}

/** The engagement's business calendars: the hours every SLA clock counts in. */
export function CalendarsPage({ engagementId, canManage, selected, onSelect }: CalendarsPageProps) {
  const calendars = useCalendars(engagementId);
  const list = calendars.data ?? [];
  const creating = selected === 'new' && canManage;
  const current = creating ? null : (list.find((calendar) => calendar.id === selected) ?? list[0] ?? null);

  return (
    <Stack gap={0}>
      <PageHeader
        title="Calendars"
        description="Time zones, weekly open hours and holidays. SLA clocks count only the open time of their calendar."
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={14} />} onClick={() => onSelect('new')} disabled={creating}>
              New calendar
            </Button>
          )
        }
      />
      {calendars.isError ? (
        <QueryErrorAlert error={calendars.error} onRetry={() => calendars.refetch()} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Paper withBorder radius="md" p={4}>
              <nav aria-label="Calendars">
                {calendars.isPending && (
                  <Text size="sm" c="dimmed" p="sm">
                    Loading…
                  </Text>
                )}
                {calendars.isSuccess && list.length === 0 && (
                  <Text size="sm" c="dimmed" p="sm">
                    No calendars yet.
                  </Text>
                )}
                {list.map((calendar) => (
                  <NavLink
                    key={calendar.id}
                    component="button"
                    label={calendar.name}
                    description={calendar.timeZone}
                    leftSection={<IconCalendarTime size={16} />}
                    active={!creating && current?.id === calendar.id}
                    aria-current={!creating && current?.id === calendar.id ? 'page' : undefined}
                    onClick={() => onSelect(calendar.id)}
                  />
                ))}
              </nav>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            {(creating || current) && (
              <CalendarForm
                key={current?.id ?? 'new'}
                engagementId={engagementId}
                calendar={current}
                canManage={canManage}
                onSaved={(calendar) => onSelect(calendar.id)}
              />
            )}
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

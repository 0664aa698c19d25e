import { Anchor, Button, Center, Group, Loader, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconPlus } from '@tabler/icons-react';
import { type MouseEvent, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import type { Party } from '../../../lib/api-types.ts';
import { useNow } from '../../../lib/use-now.ts';
import { useDeleteOverride } from '../api/delete-override.ts';
import { useSchedule } from '../api/get-schedule.ts';
import { useShifts } from '../api/get-shifts.ts';
import { useOverrides } from '../api/list-overrides.ts';
import { useScheduleEvents } from '../api/schedule-events.ts';
import type { Override } from '../api/schedule-types.ts';
import { type OncallDirectory, staffOptions } from './directory.ts';
import { OverrideForm } from './override-form.tsx';
import { OverridesPanel } from './overrides-panel.tsx';
import { personColors } from './person-colors.ts';
import { ScheduleForm } from './schedule-form.tsx';
import { TimeOffPanel } from './time-off-panel.tsx';
import { TimelineGrid } from './timeline-grid.tsx';
import { TrackBadge } from './track-badge.tsx';
import { formatLong, nextMidnightIn, weekOf } from './week-in-zone.ts';
import { WeekNav } from './week-nav.tsx';

interface ScheduleTimelinePageProps {
  engagementId: string;
  scheduleId: string;
  /** The Monday shown, or undefined for this week. */
  week: string | undefined;
  onWeekChange: (monday: string | undefined) => void;
  viewerId: string;
  viewerParty: Party;
  canManage: boolean;
  canOverride: boolean;
  directory: OncallDirectory;
  back: { href: string; onOpen: () => void };
}

const HOUR_MS = 3_600_000;

/** One schedule's week: its layers, who is on call, the gaps, overrides (drag to add) and time off. */
export function ScheduleTimelinePage(props: ScheduleTimelinePageProps) {
  const { engagementId, scheduleId, directory } = props;
  const schedule = useSchedule(engagementId, scheduleId);
  useScheduleEvents(engagementId);
  const now = useNow();
  const zone = schedule.data?.timeZone ?? 'UTC';
  const week = weekOf(props.week, zone, now);
  const range = { from: new Date(week.start).toISOString(), to: new Date(week.end).toISOString() };
  const shifts = useShifts(engagementId, scheduleId, range);
  const overrides = useOverrides(engagementId, scheduleId, range);
  const removeOverride = useDeleteOverride(engagementId, scheduleId);
  const [removing, setRemoving] = useState<Override | null>(null);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);

  if (schedule.isError)
    return <QueryErrorAlert error={schedule.error} title="Could not load this schedule" />;
  if (!schedule.data) {
    return (
      <Center mih={200}>
        <Loader size="sm" aria-label="Loading" />
      </Center>
    );
  }
  const current = schedule.data;
  // Staff swap shifts on their own party's schedules; managers on any they manage.
  const canOverride = props.canOverride && (props.canManage || current.party === props.viewerParty);
  const names = new Map<string, string>(directory.members.map((m) => [m.userId, m.name]));
  for (const user of shifts.data?.users ?? []) names.set(user.id, user.name);
  for (const override of overrides.data ?? []) names.set(override.userId, override.userName);
  const nameOf = (userId: string) => names.get(userId) ?? 'someone';
  const colorOf = personColors(
    current,
    (overrides.data ?? []).map((o) => o.userId),
  );
  const candidates = staffOptions(directory, current.party);
  const people = [...new Set(current.layers.flatMap((layer) => layer.users))].map((id) => ({
    value: id,
    label: nameOf(id),
  }));
  const teamName = directory.teams.find((team) => team.id === current.teamId)?.name;
  const nextHour = Math.ceil(now / HOUR_MS) * HOUR_MS;

  return (
    <Stack gap="md">
      <Anchor
        href={props.back.href}
        onClick={(event: MouseEvent) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          props.back.onOpen();
        }}
        size="sm"
      >
        <Group gap={4}>
          <IconArrowLeft size={14} /> On-call
        </Group>
      </Anchor>
      <PageHeader
        title={current.name}
        description={
          <Group gap={6} component="span">
            <TrackBadge track={current.track} size="sm" />
            <PartyBadge party={current.party} size="sm" />
            <span>
              {teamName ? `${teamName} · ` : ''}
              {current.timeZone}
            </span>
          </Group>
        }
        actions={
          <>
            {canOverride && (
              <Button variant="default" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
                Add override
              </Button>
            )}
            {props.canManage && (
              <Button
                variant="default"
                leftSection={<IconPencil size={14} />}
                onClick={() => setEditing(true)}
              >
                Edit schedule
              </Button>
            )}
          </>
        }
      />
      <WeekNav week={week} onChange={props.onWeekChange} zoneNote="the schedule's zone" />
      {shifts.isError && (
        <QueryErrorAlert
          error={shifts.error}
          title="Could not load the shifts"
          onRetry={() => shifts.refetch()}
        />
      )}
      <TimelineGrid
        week={week}
        now={now}
        layers={shifts.data?.layers ?? current.layers.map((layer) => ({ name: layer.name, shifts: [] }))}
        final={shifts.data?.shifts ?? []}
        gaps={shifts.data?.gaps ?? []}
        overrides={overrides.data ?? []}
        nameOf={nameOf}
        colorOf={colorOf}
        canOverride={canOverride}
        onRemoveOverride={setRemoving}
        renderSelection={(selection, close) => (
          <OverrideForm
            key={`${selection.start}-${selection.end}`}
            engagementId={engagementId}
            scheduleId={scheduleId}
            zone={zone}
            people={candidates}
            start={selection.start}
            end={selection.end}
            onDone={close}
          />
        )}
      />
      <Text size="xs" c="dimmed">
        Striped red: nobody on call. Dashed: an override.
        {canOverride ? ' Drag across the “On call” row to have someone cover a span.' : ''}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <OverridesPanel
          overrides={overrides.data ?? []}
          zone={zone}
          colorOf={colorOf}
          canOverride={canOverride}
          onRemove={setRemoving}
        />
        <TimeOffPanel
          engagementId={engagementId}
          range={range}
          defaultStart={new Date(nextMidnightIn(week, now)).toISOString()}
          zone={zone}
          people={people}
          viewerId={props.viewerId}
          canOverride={canOverride}
          canManage={props.canManage}
        />
      </SimpleGrid>
      <ConfirmDialog
        opened={removing !== null}
        title="Remove this override?"
        confirmLabel="Remove override"
        danger
        loading={removeOverride.isPending}
        onConfirm={() =>
          removing && removeOverride.mutate(removing.id, { onSuccess: () => setRemoving(null) })
        }
        onClose={() => setRemoving(null)}
      >
        {removing &&
          `${removing.userName} will no longer cover ${formatLong(removing.start, zone)} – ${formatLong(removing.end, zone)}; the rotation decides again.`}
      </ConfirmDialog>
      <Modal opened={adding} onClose={() => setAdding(false)} title="New override">
        {adding && (
          <OverrideForm
            engagementId={engagementId}
            scheduleId={scheduleId}
            zone={zone}
            people={candidates}
            start={nextHour}
            end={nextHour + 4 * HOUR_MS}
            onDone={() => setAdding(false)}
          />
        )}
      </Modal>
      <Modal opened={editing} onClose={() => setEditing(false)} title={`Edit ${current.name}`} size="xl">
        {editing && (
          <ScheduleForm
            engagementId={engagementId}
            schedule={current}
            defaultParty={current.party}
            directory={directory}
            onSaved={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        )}
      </Modal>
    </Stack>
  );
}

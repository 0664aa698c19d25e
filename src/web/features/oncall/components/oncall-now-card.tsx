import { Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { RouterAnchor } from '../../../components/router-anchor.tsx';
import { useSchedules } from '../api/list-schedules.ts';
import { useScheduleEvents } from '../api/schedule-events.ts';
import { TRACKS } from '../api/schedule-types.ts';
import { OnCallNowText } from './on-call-now-text.tsx';
import { TrackBadge } from './track-badge.tsx';

interface OnCallNowCardProps {
  engagementId: string;
  engagementSlug: string;
}

/** The home page's answer to "who do we page right now?": per schedule, its track and the person on call. */
export function OnCallNowCard({ engagementId, engagementSlug }: OnCallNowCardProps) {
  const schedules = useSchedules(engagementId);
  useScheduleEvents(engagementId);
  const params = { engagement: engagementSlug };
  const sorted = [...(schedules.data ?? [])].sort(
    (a, b) => TRACKS.indexOf(a.track) - TRACKS.indexOf(b.track) || a.name.localeCompare(b.name),
  );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Who's on call now">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          Who's on call now
        </Title>
        <RouterAnchor to="/e/$engagement/oncall" params={params} size="sm">
          Open on-call
        </RouterAnchor>
      </Group>
      {schedules.isError && (
        <Text size="sm" c="dimmed">
          Schedules could not be loaded.
        </Text>
      )}
      {schedules.isPending && <Skeleton height={60} radius="sm" />}
      {schedules.isSuccess && sorted.length === 0 && (
        <Text size="sm" c="dimmed">
          No on-call schedules yet.
        </Text>
      )}
      <Stack gap={8}>
        {sorted.map((schedule) => (
          <Group
            key={schedule.id}
            justify="space-between"
            wrap="nowrap"
            gap="xs"
            data-schedule={schedule.name}
          >
            <Group gap={6} wrap="nowrap" miw={0}>
              <TrackBadge track={schedule.track} size="sm" />
              <RouterAnchor
                to="/e/$engagement/oncall/$scheduleId"
                params={{ ...params, scheduleId: schedule.id }}
                search={{}}
                size="sm"
                truncate
              >
                {schedule.name}
              </RouterAnchor>
              <PartyBadge party={schedule.party} size="xs" variant="dot" />
            </Group>
            <OnCallNowText engagementId={engagementId} scheduleId={schedule.id} />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

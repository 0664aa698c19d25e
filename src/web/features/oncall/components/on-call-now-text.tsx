import { Group, Skeleton, Text } from '@mantine/core';
import { browserZone } from '../../../lib/time-format.ts';
import { useOnCallNow } from '../api/get-oncall-now.ts';
import { formatLong, formatShort } from './week-in-zone.ts';

const DAY_MS = 86_400_000;

/** "Mon 09:00" within the coming days, else with its date; in the viewer's zone. */
function when(iso: string): string {
  const zone = browserZone();
  return Date.parse(iso) - Date.now() < 5 * DAY_MS ? formatShort(iso, zone) : formatLong(iso, zone);
}

/** Who is on call on a schedule right now and until when, or that nobody is; refreshed every minute. */
export function OnCallNowText({ engagementId, scheduleId }: { engagementId: string; scheduleId: string }) {
  const now = useOnCallNow(engagementId, scheduleId);
  if (now.isError) {
    return (
      <Text size="sm" c="dimmed">
        Not known
      </Text>
    );
  }
  if (!now.data) return <Skeleton height={18} width={140} radius="sm" />;
  const state = now.data;
  if (state.kind === 'gap') {
    return (
      <Group gap={6} wrap="nowrap" data-testid="oncall-now" data-state="gap">
        <Text size="sm" fw={600} c="red">
          Nobody
        </Text>
        <Text size="xs" c="dimmed">
          {state.next
            ? `${state.next.users[0]?.name ?? 'someone'} from ${when(state.next.from)}`
            : 'this week'}
        </Text>
      </Group>
    );
  }
  const names = state.users.map((user) => user.name).join(', ');
  return (
    <Group gap={6} wrap="nowrap" data-testid="oncall-now" data-state="on-call">
      <Text size="sm" fw={600}>
        {names}
      </Text>
      <Text size="xs" c="dimmed">
        until {when(state.until)}
      </Text>
    </Group>
  );
}

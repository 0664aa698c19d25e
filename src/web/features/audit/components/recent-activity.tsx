import { Code, Group, Paper, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { RouterAnchor } from '../../../components/router-anchor.tsx';
import { formatRelative, formatUtc } from '../../../lib/time-format.ts';
import { useAuditEvents } from '../api/list-audit-events.ts';
import { targetLabel } from '../target-label.ts';

interface RecentActivityProps {
  engagementId: string;
  engagementSlug: string;
  /** Names of records the log names only by id (members, teams). */
  targetNames: ReadonlyMap<string, string>;
  /** How many of the newest audit events to show. */
  count?: number;
}

/** The newest changes in the engagement, straight from its audit log. */
export function RecentActivity({
  engagementId,
  engagementSlug,
  targetNames,
  count = 8,
}: RecentActivityProps) {
  const events = useAuditEvents(engagementId, {});
  const recent = events.data?.pages[0]?.items.slice(0, count);

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          Recent activity
        </Title>
        <RouterAnchor to="/e/$engagement/admin/audit" params={{ engagement: engagementSlug }} size="sm">
          Open audit log
        </RouterAnchor>
      </Group>
      {!recent && <Skeleton height={120} radius="sm" />}
      {recent?.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing has happened here yet.
        </Text>
      )}
      <Stack gap={8}>
        {recent?.map((event) => (
          <Group key={event.seq} justify="space-between" wrap="nowrap" gap="md">
            <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
              <Text size="sm" fw={500} style={{ flexShrink: 0 }}>
                {event.actor?.name ?? 'Tandem'}
              </Text>
              <Code style={{ flexShrink: 0 }}>{event.action}</Code>
              <Text size="sm" c="dimmed" truncate>
                {targetLabel(event) ??
                  (event.targetId && targetNames.get(event.targetId)) ??
                  event.targetType}
              </Text>
            </Group>
            <Tooltip label={formatUtc(event.at)} openDelay={300}>
              <Text
                size="xs"
                c="dimmed"
                component="time"
                dateTime={event.at}
                style={{ whiteSpace: 'nowrap' }}
              >
                {formatRelative(event.at)}
              </Text>
            </Tooltip>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

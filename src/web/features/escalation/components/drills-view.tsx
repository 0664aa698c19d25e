import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { formatDateTime } from '../../../lib/time-format.ts';
import { formatCountdown, useNowSeconds } from '../../../lib/use-seconds.ts';
import { useAcknowledgeDrill, useDrill, useDrills } from '../api/drills.ts';
import type { Drill } from '../api/escalation-types.ts';

interface DrillsViewProps {
  engagementId: string;
  userId: string;
  selected: string | null;
  onSelect: (drillId: string | null) => void;
}

const startedByName = (drill: Drill) =>
  typeof drill.startedBy === 'string' ? drill.startedBy : (drill.startedBy?.name ?? '—');

/** Drills run so far, newest first; one opened shows each level, who was paged and who answered when. */
export function DrillsView({ engagementId, userId, selected, onSelect }: DrillsViewProps) {
  const drills = useDrills(engagementId);
  if (drills.isError) return <QueryErrorAlert error={drills.error} onRetry={() => drills.refetch()} />;
  return (
    <Stack gap="md">
      {selected && <DrillDetail engagementId={engagementId} drillId={selected} userId={userId} />}
      <Table highlightOnHover withTableBorder fz="sm" verticalSpacing={4} data-testid="drills">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Policy</Table.Th>
            <Table.Th w={110}>State</Table.Th>
            <Table.Th w={180}>Started</Table.Th>
            <Table.Th w={160}>By</Table.Th>
            <Table.Th w={160}>Levels answered</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {drills.data?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text size="sm" c="dimmed" ta="center" py="sm">
                  No drills yet. A manager runs one from a policy: every level pages for real, marked as a
                  drill.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {drills.data?.map((drill) => (
            <Table.Tr
              key={drill.id}
              onClick={() => onSelect(drill.id)}
              style={{ cursor: 'pointer' }}
              bg={drill.id === selected ? 'var(--mantine-color-blue-light)' : undefined}
            >
              <Table.Td>{drill.policyName}</Table.Td>
              <Table.Td>
                <Badge
                  color={drill.state === 'running' ? 'orange' : 'gray'}
                  variant="light"
                  radius="sm"
                  size="sm"
                >
                  {drill.state}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDateTime(drill.startedAt)}</Table.Td>
              <Table.Td>{startedByName(drill)}</Table.Td>
              <Table.Td>
                {drill.levels.filter((level) => level.pages.some((page) => page.acknowledgedAt)).length} of{' '}
                {drill.levels.length}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function DrillDetail({
  engagementId,
  drillId,
  userId,
}: {
  engagementId: string;
  drillId: string;
  userId: string;
}) {
  const drill = useDrill(engagementId, drillId);
  const acknowledge = useAcknowledgeDrill(engagementId);
  if (drill.isError) return <QueryErrorAlert error={drill.error} onRetry={() => drill.refetch()} />;
  const data = drill.data;
  if (!data) return <Text c="dimmed">Loading…</Text>;
  const mine = data.levels.some((level) =>
    level.pages.some((page) => page.userId === userId && !page.acknowledgedAt),
  );
  return (
    <Paper withBorder p="md" radius="md" data-testid="drill-detail" data-state={data.state}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={2} size="h5">
              Drill of {data.policyName}
            </Title>
            <Badge color={data.state === 'running' ? 'orange' : 'gray'} variant="light" radius="sm">
              {data.state}
            </Badge>
            {data.state === 'running' && data.nextAt && <NextLevel nextAt={data.nextAt} />}
          </Group>
          {data.state === 'running' && mine && (
            <Button
              size="xs"
              color="red"
              leftSection={<IconCheck size={14} />}
              loading={acknowledge.isPending}
              onClick={() => acknowledge.mutate(data.id)}
            >
              Acknowledge my drill page
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          Started {formatDateTime(data.startedAt)} by {startedByName(data)}
          {data.endedAt ? ` · ended ${formatDateTime(data.endedAt)}` : ''}
        </Text>
        {data.levels.map((level) => (
          <Stack key={level.level} gap={4} data-testid="drill-level" data-missed={level.missed || undefined}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                Level {level.level}
              </Text>
              {level.missed && (
                <Badge color="red" variant="light" size="xs" radius="sm">
                  missed: nobody answered in time
                </Badge>
              )}
              {level.pages.length === 0 && !level.missed && (
                <Text size="xs" c="dimmed">
                  not reached
                </Text>
              )}
            </Group>
            {level.pages.map((page) => (
              <Group key={page.id} gap={6} pl="md">
                <Text size="sm">{page.userName}</Text>
                {page.party && <PartyBadge party={page.party} size="xs" />}
                <Text size="xs" c="dimmed">
                  paged {formatDateTime(page.pagedAt)}
                </Text>
                {page.acknowledgedAt ? (
                  <Badge color="green" variant="light" size="xs" radius="sm">
                    acknowledged {formatDateTime(page.acknowledgedAt)} (after{' '}
                    {formatCountdown(Date.parse(page.acknowledgedAt) - Date.parse(page.pagedAt))})
                  </Badge>
                ) : (
                  <Badge color="gray" variant="outline" size="xs" radius="sm">
                    no answer
                  </Badge>
                )}
              </Group>
            ))}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

function NextLevel({ nextAt }: { nextAt: string }) {
  const now = Math.max(useNowSeconds(), Date.now());
  const left = Date.parse(nextAt) - now;
  return (
    <Text size="xs" c="orange" ff="monospace">
      next level {left > 0 ? `in ${formatCountdown(left)}` : 'due'}
    </Text>
  );
}

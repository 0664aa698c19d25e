import {
  Alert,
  Anchor,
  Badge,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconRoute } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Instant } from '../../../components/instant.tsx';
import { PartyBadge } from '../../../components/party-badge.tsx';
import { describeError, isApiError } from '../../../lib/problem.ts';
import { browserZone } from '../../../lib/time-format.ts';
import type { Matrix, ResolvedRoute, RouteQuestion, Track } from '../api/matrix-types.ts';
import { useResolvedRoute } from '../api/resolve-route.ts';
import type { MatrixReferences } from './use-references.ts';

interface RoutingExplainerProps {
  engagementId: string;
  /** Offers its functions and scenarios. */
  matrix: Matrix;
  refs: MatrixReferences;
}

const pick = (rows: Matrix['functions'], preferred: string) =>
  rows.find((row) => row.key === preferred)?.key ?? rows[0]?.key ?? '';

/** "Who gets this, now or at a chosen time, and why", read from the signed version in effect. */
export function RoutingExplainer({ engagementId, matrix, refs }: RoutingExplainerProps) {
  const [functionKey, setFunctionKey] = useState(() => pick(matrix.functions, 'security-monitoring'));
  const [scenario, setScenario] = useState(() => pick(matrix.scenarios, 'incident'));
  const [track, setTrack] = useState<Track>('security');
  const [when, setWhen] = useState<'now' | 'at'>('now');
  const [local, setLocal] = useState('');
  const atIso =
    when === 'at' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)
      ? new Date(local).toISOString()
      : undefined;
  const ready = functionKey && scenario && (when === 'now' || atIso);
  const question: RouteQuestion | null = ready
    ? { functionKey, scenario, track, ...(atIso ? { at: atIso } : {}) }
    : null;
  const route = useResolvedRoute(engagementId, question);

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm" role="group" aria-label="Routing question">
            <Select
              label="Function"
              data={matrix.functions.map((row) => ({ value: row.key, label: row.name }))}
              value={functionKey}
              allowDeselect={false}
              searchable
              onChange={(key) => key && setFunctionKey(key)}
            />
            <Select
              label="Scenario"
              data={matrix.scenarios.map((row) => ({ value: row.key, label: row.name }))}
              value={scenario}
              allowDeselect={false}
              onChange={(key) => key && setScenario(key)}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Track
              </Text>
              <SegmentedControl
                aria-label="Track"
                data={[
                  { value: 'security', label: 'Security (SOC)' },
                  { value: 'operations', label: 'Operations (on-call)' },
                ]}
                value={track}
                onChange={(value) => setTrack(value as Track)}
              />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                When
              </Text>
              <SegmentedControl
                aria-label="When"
                data={[
                  { value: 'now', label: 'Now' },
                  { value: 'at', label: 'At a time' },
                ]}
                value={when}
                onChange={(value) => setWhen(value as 'now' | 'at')}
              />
              {when === 'at' && (
                <TextInput
                  type="datetime-local"
                  aria-label={`Date and time, ${browserZone()}`}
                  description={`Your time (${browserZone()})`}
                  value={local}
                  onChange={(event) => setLocal(event.currentTarget.value)}
                />
              )}
            </Stack>
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {route.isError ? (
          <Alert color={isApiError(route.error, 409) ? 'yellow' : 'red'} variant="light" role="alert">
            {isApiError(route.error, 409)
              ? 'No version is in effect yet: routing starts once a manager of each party has signed one.'
              : describeError(route.error)}
          </Alert>
        ) : route.data ? (
          <RouteAnswer route={route.data} refs={refs} />
        ) : (
          <Text c="dimmed">{ready ? 'Asking…' : 'Pick a date and time.'}</Text>
        )}
      </Grid.Col>
    </Grid>
  );
}

function RouteAnswer({ route, refs }: { route: ResolvedRoute; refs: MatrixReferences }) {
  const row = (label: string, value: ReactNode) => (
    <Table.Tr>
      <Table.Th w={170} fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Paper withBorder p="md" radius="md" data-testid="route-answer">
      <Stack gap="sm">
        <Group gap="xs">
          <IconRoute size={18} />
          <Text size="sm" fw={600}>
            Version {route.matrixVersion} decides, at
          </Text>
          <Instant iso={route.at} fw={600} />
        </Group>
        <Table verticalSpacing={6} fz="sm">
          <Table.Tbody>
            {row(
              'Owner',
              <Group gap={6}>
                <PartyBadge party={route.party} size="sm" />
                {route.teamId && <Text size="sm">{refs.teamName(route.teamId) ?? 'a deleted team'}</Text>}
              </Group>,
            )}
            {row(
              'Schedule',
              route.scheduleId ? (refs.scheduleName(route.scheduleId) ?? 'a deleted schedule') : 'None',
            )}
            {row(
              'Paged',
              route.users.length ? (
                <Group gap={4} data-testid="route-users">
                  {route.users.map((user) => (
                    <Badge key={user.id} variant="light" tt="none">
                      {user.name}
                    </Badge>
                  ))}
                </Group>
              ) : (
                <Text size="sm" c="red.7" data-testid="route-users">
                  Nobody is paged
                </Text>
              ),
            )}
            {row('Escalation policy', route.escalationPolicy ?? 'None')}
            {row(
              'Runbook',
              route.runbookUrl ? (
                <Anchor href={route.runbookUrl} target="_blank" rel="noopener noreferrer" size="sm">
                  {route.runbookUrl}
                </Anchor>
              ) : (
                'None'
              ),
            )}
            {row(
              'Why',
              <Text size="sm" data-testid="route-reasons">
                {route.reasons.join(' → ')}
              </Text>,
            )}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

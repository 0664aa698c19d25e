import { Badge, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { formatRelative, formatUtc } from '../../../lib/time-format.ts';
import { useIncidentAlerts } from '../api/get-incident.ts';
import type { AlertStatus } from '../api/incident-types.ts';
import { SeverityBadge } from './incident-badges.tsx';

const STATUS_COLORS: Record<AlertStatus, string> = {
  triggered: 'red',
  acknowledged: 'yellow',
  resolved: 'green',
};

/** The alerts grouped into the incident: what fired, from where, how often, and where each stands. */
export function IncidentAlerts({ engagementId, ticketId }: { engagementId: string; ticketId: string }) {
  const alerts = useIncidentAlerts(engagementId, ticketId);
  return (
    <Paper withBorder p="md" radius="md" data-testid="incident-alerts">
      <Stack gap="sm">
        <Title order={2} size="h5">
          Alerts {alerts.data ? `(${alerts.data.items.length})` : ''}
        </Title>
        {alerts.isError && <QueryErrorAlert error={alerts.error} onRetry={() => alerts.refetch()} />}
        {alerts.data?.items.length === 0 && (
          <Text size="sm" c="dimmed">
            No alerts: this incident was opened by hand.
          </Text>
        )}
        {!!alerts.data?.items.length && (
          <Table.ScrollContainer minWidth={640}>
            <Table fz="sm" verticalSpacing={4} horizontalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Summary</Table.Th>
                  <Table.Th w={80}>Severity</Table.Th>
                  <Table.Th w={110}>Status</Table.Th>
                  <Table.Th w={160}>Source</Table.Th>
                  <Table.Th w={60}>Events</Table.Th>
                  <Table.Th w={110}>Last</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {alerts.data.items.map((alert) => (
                  <Table.Tr key={alert.id} data-alert-status={alert.status}>
                    <Table.Td>
                      <Stack gap={0}>
                        <Text size="sm">{alert.summary}</Text>
                        <Text size="xs" c="dimmed">
                          {alert.integrationName} · {alert.dedupKey}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <SeverityBadge severity={alert.severity} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Badge color={STATUS_COLORS[alert.status]} variant="light" size="sm" radius="sm">
                          {alert.status}
                        </Badge>
                        {alert.flapping && (
                          <Badge color="orange" variant="outline" size="sm" radius="sm">
                            flapping
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" truncate maw={160}>
                        {[alert.source, alert.component].filter(Boolean).join(' · ') || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{alert.eventCount}</Table.Td>
                    <Table.Td>
                      <Tooltip label={formatUtc(alert.lastAt)} openDelay={300}>
                        <Text size="sm" c="dimmed" component="time" dateTime={alert.lastAt}>
                          {formatRelative(alert.lastAt)}
                        </Text>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

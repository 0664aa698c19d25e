import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { RouterAnchor } from '../../../components/router-anchor.tsx';
import { formatDateTime, formatUtc } from '../../../lib/time-format.ts';
import type { PageGap } from '../api/schedule-types.ts';

interface CoveragePageGapsProps {
  pageGaps: readonly PageGap[];
  /** Incident numbers by ticket id, as far as they are known yet. */
  numbers: ReadonlyMap<string, string | undefined>;
}

const TARGET_KINDS: Record<PageGap['target']['type'], string> = {
  schedule: 'schedule',
  team: 'team',
  user: 'person',
};

/** The real incident pages of the week that reached a target with nobody on call, oldest first. */
export function CoveragePageGaps({ pageGaps, numbers }: CoveragePageGapsProps) {
  if (pageGaps.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="coverage-page-gaps-empty">
        No incident page ran into a gap this week.
      </Text>
    );
  }
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Pages that hit a gap">
      <Title order={2} size="h5" mb="xs">
        Pages that hit a gap{' '}
        <Badge color="red" variant="light" size="sm">
          {pageGaps.length}
        </Badge>
      </Title>
      <Table verticalSpacing={4} data-testid="coverage-page-gaps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Paged at</Table.Th>
            <Table.Th>Incident</Table.Th>
            <Table.Th>Level</Table.Th>
            <Table.Th>Nobody on call in</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pageGaps.map((gap) => (
            <Table.Tr key={`${gap.at}-${gap.ticketId}-${gap.level}-${gap.target.id}`}>
              <Table.Td>
                <Text size="sm" title={formatUtc(gap.at)}>
                  {formatDateTime(gap.at)}
                </Text>
              </Table.Td>
              <Table.Td>
                {gap.ticketId ? (
                  <RouterAnchor
                    to="/e/$engagement/tickets/$ticketId"
                    params={(prev) => ({
                      ...prev,
                      engagement: prev.engagement ?? '',
                      ticketId: gap.ticketId ?? '',
                    })}
                    size="sm"
                  >
                    {numbers.get(gap.ticketId) ?? 'Incident'}
                  </RouterAnchor>
                ) : (
                  <Text size="sm" c="dimmed">
                    unknown
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">Level {gap.level}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} span>
                  {gap.target.name}
                </Text>
                <Text size="xs" c="dimmed" span>
                  {' '}
                  {TARGET_KINDS[gap.target.type]}
                  {gap.reason && gap.reason !== 'nobody on call' ? ` · ${gap.reason}` : ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { PartyBadge } from '../../../components/party-badge.tsx';
import type { CoverageLine, SinglePoint } from '../api/schedule-types.ts';
import { formatLength, formatRange } from './week-in-zone.ts';

/** More rows than anyone reads; the heatmap shows the rest. */
const MAX_ROWS = 60;

interface CoverageListsProps {
  zone: string;
  lines: CoverageLine[];
  singlePoints: SinglePoint[];
}

/** The gaps of a track, longest first, and the people on call alone for too long. */
export function CoverageLists({ zone, lines, singlePoints }: CoverageListsProps) {
  const names = new Map(lines.map((line) => [line.functionKey, line.functionName]));
  const gaps = grouped(
    lines.flatMap((line) => line.gaps.map((gap) => ({ ...gap, functionKey: line.functionKey }))),
    (gap) => `${gap.start}|${gap.end}|${gap.party}`,
  );
  const alone = grouped(singlePoints, (point) => `${point.userId}|${point.start}|${point.end}`);
  const functionsOf = (keys: string[]) => {
    const all = keys.map((key) => names.get(key) ?? key);
    const label =
      keys.length === lines.length && lines.length > 2
        ? `All ${keys.length} functions`
        : all.length > 3
          ? `${all.slice(0, 2).join(', ')} and ${all.length - 2} more`
          : all.join(', ');
    return (
      <Text size="sm" title={all.join(', ')}>
        {label}
      </Text>
    );
  };
  return (
    <>
      <Paper withBorder radius="md" p="md" component="section" aria-label="Gaps">
        <Title order={2} size="h5" mb="xs">
          Gaps{' '}
          <Badge color={gaps.length ? 'red' : 'gray'} variant="light" size="sm">
            {gaps.length}
          </Badge>
        </Title>
        {gaps.length === 0 ? (
          <Text size="sm" c="dimmed">
            Someone is on call for every function around the clock this week.
          </Text>
        ) : (
          <Table verticalSpacing={4} data-testid="coverage-gaps">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Functions</Table.Th>
                <Table.Th>Nobody on call</Table.Th>
                <Table.Th>For</Table.Th>
                <Table.Th>Owner on paper</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {gaps.slice(0, MAX_ROWS).map(({ first: gap, functionKeys, ms }) => (
                <Table.Tr key={`${gap.start}-${gap.end}-${gap.party}`}>
                  <Table.Td>{functionsOf(functionKeys)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatRange(gap.start, gap.end, zone)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatLength(ms)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {gap.party ? (
                      <PartyBadge party={gap.party} size="xs" />
                    ) : (
                      <Text size="xs" c="dimmed">
                        no cell in effect
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {gaps.length > MAX_ROWS && (
          <Text size="xs" c="dimmed" mt="xs">
            And {gaps.length - MAX_ROWS} shorter ones.
          </Text>
        )}
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-label="Single points of failure">
        <Title order={2} size="h5" mb="xs">
          Single points of failure{' '}
          <Badge color={alone.length ? 'orange' : 'gray'} variant="light" size="sm">
            {alone.length}
          </Badge>
        </Title>
        {alone.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody is on call alone for a whole day at a stretch.
          </Text>
        ) : (
          <Table verticalSpacing={4} data-testid="coverage-single-points">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Functions</Table.Th>
                <Table.Th>Alone on call</Table.Th>
                <Table.Th>From – until</Table.Th>
                <Table.Th>For</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {alone.slice(0, MAX_ROWS).map(({ first: point, functionKeys }) => (
                <Table.Tr key={`${point.userId}-${point.start}-${point.end}`}>
                  <Table.Td>{functionsOf(functionKeys)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {point.userName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatRange(point.start, point.end, zone)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatLength(Date.parse(point.end) - Date.parse(point.start))}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </>
  );
}

/**
 * Pieces with the same span (and party or person) across functions, as one row naming the
 * functions: a schedule's hole is usually every function's hole at once. Longest first.
 */
function grouped<T extends { functionKey: string; start: string; end: string }>(
  pieces: readonly T[],
  keyOf: (piece: T) => string,
) {
  const groups = new Map<string, { first: T; functionKeys: string[]; ms: number }>();
  for (const piece of pieces) {
    const key = keyOf(piece);
    const group = groups.get(key);
    if (group) group.functionKeys.push(piece.functionKey);
    else
      groups.set(key, {
        first: piece,
        functionKeys: [piece.functionKey],
        ms: Date.parse(piece.end) - Date.parse(piece.start),
      });
  }
  return [...groups.values()].sort((a, b) => b.ms - a.ms || a.first.start.localeCompare(b.first.start));
}

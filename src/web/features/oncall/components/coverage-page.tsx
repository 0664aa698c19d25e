import { Alert, Group, Paper, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { PageHeader } from '../../../components/page-header.tsx';
import { PARTY_COLORS } from '../../../components/party-badge.tsx';
import { QueryErrorAlert } from '../../../components/query-error-alert.tsx';
import { PARTY_LABELS } from '../../../lib/api-types.ts';
import { describeError, isApiError } from '../../../lib/problem.ts';
import { browserZone } from '../../../lib/time-format.ts';
import { useNow } from '../../../lib/use-now.ts';
import { useCoverage } from '../api/get-coverage.ts';
import { usePageGapTicketNumbers } from '../api/page-gap-tickets.ts';
import { useScheduleEvents } from '../api/schedule-events.ts';
import { TRACK_LABELS, TRACKS, type Track } from '../api/schedule-types.ts';
import classes from './coverage.module.css';
import { percent, trackScore } from './coverage-cells.ts';
import { CoverageHeatmap } from './coverage-heatmap.tsx';
import { CoverageLists } from './coverage-lists.tsx';
import { CoveragePageGaps } from './coverage-page-gaps.tsx';
import { weekOf } from './week-in-zone.ts';
import { WeekNav } from './week-nav.tsx';

export interface CoverageSearch {
  week?: string;
  track?: Track;
}

interface CoveragePageProps {
  engagementId: string;
  search: CoverageSearch;
  onSearchChange: (search: CoverageSearch) => void;
}

/** How much of the week someone is on call for each function, per track, in the viewer's zone. */
export function CoveragePage({ engagementId, search, onSearchChange }: CoveragePageProps) {
  const zone = browserZone();
  const now = useNow();
  const week = weekOf(search.week, zone, now);
  const track = search.track ?? 'security';
  const query = {
    from: new Date(week.start).toISOString(),
    to: new Date(week.end).toISOString(),
    scenario: 'incident',
  };
  const coverage = useCoverage(engagementId, query);
  useScheduleEvents(engagementId);
  const report = coverage.data;
  const lines = report?.lines.filter((line) => line.track === track) ?? [];
  // A page with no track (its policy named none) belongs on both tabs.
  const pageGaps = (report?.pageGaps ?? []).filter((gap) => gap.track === track || gap.track === null);
  const numbers = usePageGapTicketNumbers(
    engagementId,
    pageGaps.flatMap((gap) => (gap.ticketId ? [gap.ticketId] : [])),
  );

  return (
    <Stack gap="md">
      <PageHeader
        title="Coverage"
        description="For each function of the responsibility matrix (incident response), who is on call each hour of the week — and where nobody is."
      />
      <WeekNav
        week={week}
        onChange={(monday) => onSearchChange({ ...search, week: monday })}
        zoneNote="your zone"
      />
      {coverage.isError && isApiError(coverage.error, 404) && (
        <Alert
          color="gray"
          variant="light"
          icon={<IconInfoCircle size={18} />}
          title="Coverage not available"
          data-testid="coverage-unavailable"
        >
          This server does not offer the coverage report yet. The schedules and who is on call are on the
          On-call page.
        </Alert>
      )}
      {coverage.isError && isApiError(coverage.error, 409) && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconInfoCircle size={18} />}
          title="No coverage to show yet"
          data-testid="coverage-unavailable"
        >
          {describeError(coverage.error)}
        </Alert>
      )}
      {coverage.isError && !isApiError(coverage.error, 404) && !isApiError(coverage.error, 409) && (
        <QueryErrorAlert
          error={coverage.error}
          title="Could not load the coverage"
          onRetry={() => coverage.refetch()}
        />
      )}
      {coverage.isPending && <Skeleton height={320} radius="md" />}
      {report && (
        <>
          <Paper withBorder radius="md" p="md">
            <Group justify="space-between" align="flex-end">
              <Stack gap={0}>
                <Text
                  fz={40}
                  fw={700}
                  lh={1.1}
                  c={report.score < 1 ? 'red' : 'teal'}
                  data-testid="coverage-score"
                >
                  {percent(report.score)} always-on
                </Text>
                <Text size="sm" c="dimmed">
                  Share of every function's week, on both tracks, with someone on call
                </Text>
              </Stack>
              <Legend />
            </Group>
          </Paper>
          <Tabs
            value={track}
            onChange={(value) =>
              onSearchChange({ ...search, track: value === 'operations' ? 'operations' : undefined })
            }
          >
            <Tabs.List>
              {TRACKS.map((each) => {
                const score = trackScore(
                  report.lines.filter((line) => line.track === each),
                  report.from,
                  report.to,
                );
                return (
                  <Tabs.Tab key={each} value={each}>
                    {TRACK_LABELS[each]}
                    {score !== null ? ` · ${percent(score)}` : ''}
                  </Tabs.Tab>
                );
              })}
            </Tabs.List>
          </Tabs>
          {lines.length === 0 ? (
            <Text size="sm" c="dimmed">
              The matrix in effect has no functions yet.
            </Text>
          ) : (
            <CoverageHeatmap week={week} lines={lines} pageGaps={pageGaps} numbers={numbers} />
          )}
          <Stack gap="md">
            <CoveragePageGaps pageGaps={pageGaps} numbers={numbers} />
            <CoverageLists
              zone={zone}
              lines={lines}
              singlePoints={report.singlePoints.filter((point) => point.track === track)}
            />
          </Stack>
        </>
      )}
    </Stack>
  );
}

function Legend() {
  const swatch = (background: string, label: string) => (
    <Group gap={6} key={label}>
      <span className={classes.swatch} style={{ background }} />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
  return (
    <Group gap="md">
      {(['internal', 'provider'] as const).map((party) =>
        swatch(`var(--mantine-color-${PARTY_COLORS[party]}-5)`, `${PARTY_LABELS[party]} on call`),
      )}
      {swatch('var(--mantine-color-red-filled)', 'Nobody on call')}
    </Group>
  );
}

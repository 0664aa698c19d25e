import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useMembers } from '../../features/members/api/list-members.ts';
import { useTeams } from '../../features/members/api/list-teams.ts';
import type { Track } from '../../features/oncall/api/schedule-types.ts';
import { CoveragePage, type CoverageSearch } from '../../features/oncall/components/coverage-page.tsx';
import type { OncallDirectory } from '../../features/oncall/components/directory.ts';
import { ScheduleTimelinePage } from '../../features/oncall/components/schedule-timeline-page.tsx';
import { SchedulesPage } from '../../features/oncall/components/schedules-page.tsx';
import { validateWeekSearch } from '../../features/oncall/components/week-in-zone.ts';
import { useCalendars } from '../../features/sla/api/list-calendars.ts';
import type { EngagementDetail } from '../../lib/api-types.ts';
import { useCurrentEngagement, usePageTitle } from './current-engagement.ts';
import { NotFoundPage } from './route-states.tsx';

const scheduleRoute = getRouteApi('/_app/e/$engagement/oncall/$scheduleId');
const coverageRoute = getRouteApi('/_app/e/$engagement/coverage');

/** The week shown: a Monday, else this week. */
export function validateTimelineSearch(search: Record<string, unknown>): { week?: string } {
  const week = validateWeekSearch(search.week);
  return week ? { week } : {};
}

export function validateCoverageSearch(search: Record<string, unknown>): CoverageSearch {
  const week = validateWeekSearch(search.week);
  const track: Track | undefined = search.track === 'operations' ? 'operations' : undefined;
  return { ...(week ? { week } : {}), ...(track ? { track } : {}) };
}

/** People, teams and calendars for the schedule screens, from the features that own them. */
function useDirectory(engagement: EngagementDetail): OncallDirectory {
  const can = (action: string) => engagement.allowedActions.includes(action);
  const members = useMembers(engagement.id, can('member.read'));
  const teams = useTeams(engagement.id, can('team.read'));
  const calendars = useCalendars(engagement.id);
  return {
    members: (members.data ?? []).map(({ userId, name, party, role }) => ({ userId, name, party, role })),
    teams: (teams.data ?? []).map(({ id, name, party }) => ({ id, name, party })),
    calendars: (calendars.data ?? []).map(({ id, name, timeZone }) => ({ id, name, timeZone })),
  };
}

const pathOf = (slug: string, scheduleId: string) =>
  `/e/${encodeURIComponent(slug)}/oncall/${encodeURIComponent(scheduleId)}`;

export function OnCallRoute() {
  const { engagement } = useCurrentEngagement();
  const navigate = useNavigate();
  const directory = useDirectory(engagement);
  usePageTitle('On-call', engagement.name);
  if (!engagement.allowedActions.includes('schedule.read')) return <NotFoundPage />;
  const params = { engagement: engagement.slug };
  return (
    <SchedulesPage
      engagementId={engagement.id}
      viewerParty={engagement.party}
      canManage={engagement.allowedActions.includes('schedule.manage')}
      directory={directory}
      hrefOf={(scheduleId) => pathOf(engagement.slug, scheduleId)}
      onOpen={(scheduleId) =>
        navigate({ to: '/e/$engagement/oncall/$scheduleId', params: { ...params, scheduleId }, search: {} })
      }
      coverage={{
        href: `/e/${encodeURIComponent(engagement.slug)}/coverage`,
        onOpen: () => navigate({ to: '/e/$engagement/coverage', params, search: {} }),
      }}
    />
  );
}

export function ScheduleRoute() {
  const { engagement, me } = useCurrentEngagement();
  const { scheduleId } = scheduleRoute.useParams();
  const search = scheduleRoute.useSearch();
  const navigate = useNavigate();
  const directory = useDirectory(engagement);
  const can = (action: string) => engagement.allowedActions.includes(action);
  usePageTitle('Schedule', engagement.name);
  if (!can('schedule.read')) return <NotFoundPage />;
  const params = { engagement: engagement.slug };
  return (
    <ScheduleTimelinePage
      key={scheduleId}
      engagementId={engagement.id}
      scheduleId={scheduleId}
      week={search.week}
      onWeekChange={(week) =>
        navigate({
          to: '/e/$engagement/oncall/$scheduleId',
          params: { ...params, scheduleId },
          search: week ? { week } : {},
          replace: true,
        })
      }
      viewerId={me.id}
      viewerParty={engagement.party}
      canManage={can('schedule.manage')}
      canOverride={can('schedule.override')}
      directory={directory}
      back={{
        href: `/e/${encodeURIComponent(engagement.slug)}/oncall`,
        onOpen: () => navigate({ to: '/e/$engagement/oncall', params }),
      }}
    />
  );
}

export function CoverageRoute() {
  const { engagement } = useCurrentEngagement();
  const search = coverageRoute.useSearch();
  const navigate = useNavigate();
  usePageTitle('Coverage', engagement.name);
  if (!engagement.allowedActions.includes('schedule.read')) return <NotFoundPage />;
  return (
    <CoveragePage
      engagementId={engagement.id}
      search={search}
      onSearchChange={(next) =>
        navigate({
          to: '/e/$engagement/coverage',
          params: { engagement: engagement.slug },
          search: validateCoverageSearch({ ...next }),
          replace: true,
        })
      }
    />
  );
}

import { getRouteApi, useNavigate } from '@tanstack/react-router';
import {
  EscalationPoliciesPage,
  type EscalationTab,
} from '../../features/escalation/components/escalation-policies-page.tsx';
import type { EscalationDirectory } from '../../features/escalation/components/target-picker.tsx';
import { useMembers } from '../../features/members/api/list-members.ts';
import { useTeams } from '../../features/members/api/list-teams.ts';
import { useSchedules } from '../../features/oncall/api/list-schedules.ts';
import type { EngagementDetail } from '../../lib/api-types.ts';
import { useCurrentEngagement, usePageTitle } from './current-engagement.ts';
import { NotFoundPage } from './route-states.tsx';

const policiesRoute = getRouteApi('/_app/e/$engagement/escalation-policies');

export interface EscalationSearch {
  tab?: 'drills';
  selected?: string;
}

export function validateEscalationSearch(search: Record<string, unknown>): EscalationSearch {
  return {
    ...(search.tab === 'drills' ? { tab: 'drills' as const } : {}),
    ...(typeof search.selected === 'string' && search.selected ? { selected: search.selected } : {}),
  };
}

/** Whom a level can page: staff, schedules and teams of both parties, from the features that own them. */
function useEscalationDirectory(engagement: EngagementDetail): EscalationDirectory {
  const can = (action: string) => engagement.allowedActions.includes(action);
  const members = useMembers(engagement.id, can('member.read'));
  const teams = useTeams(engagement.id, can('team.read'));
  const schedules = useSchedules(engagement.id, can('schedule.read'));
  return {
    people: (members.data ?? [])
      .filter((member) => !member.disabled && member.role !== 'requester')
      .map(({ userId, name, party }) => ({ id: userId, name, party })),
    teams: (teams.data ?? []).map(({ id, name, party }) => ({ id, name, party })),
    schedules: (schedules.data ?? []).map(({ id, name, party, track }) => ({ id, name, party, track })),
  };
}

export function EscalationPoliciesRoute() {
  const { engagement, me } = useCurrentEngagement();
  const search = policiesRoute.useSearch();
  const navigate = useNavigate();
  const directory = useEscalationDirectory(engagement);
  const can = (action: string) => engagement.allowedActions.includes(action);
  usePageTitle('Escalation policies', engagement.name);
  if (!can('escalation.read')) return <NotFoundPage />;
  return (
    <EscalationPoliciesPage
      engagementId={engagement.id}
      userId={me.id}
      can={{ manage: can('escalation.manage'), drill: can('drill.run') }}
      directory={directory}
      tab={search.tab ?? 'policies'}
      selected={search.selected}
      onChange={({ tab, selected }: { tab: EscalationTab; selected?: string | undefined }) =>
        navigate({
          to: '/e/$engagement/escalation-policies',
          params: { engagement: engagement.slug },
          search: validateEscalationSearch({ tab, selected }),
          replace: true,
        })
      }
    />
  );
}

import { getRouteApi } from '@tanstack/react-router';
import { MembersPage, type MembersTab } from '../../features/members/components/members-page.tsx';
import { useCurrentEngagement, usePageTitle } from './current-engagement.ts';

const route = getRouteApi('/_app/e/$engagement/admin/members');

export function validateMembersSearch(search: Record<string, unknown>): { tab?: 'teams' } {
  return search.tab === 'teams' ? { tab: 'teams' } : {};
}

export function MembersRoute() {
  const { engagement, me } = useCurrentEngagement();
  const { tab } = route.useSearch();
  const navigate = route.useNavigate();
  usePageTitle('Members & teams', engagement.name);
  return (
    <MembersPage
      engagementId={engagement.id}
      allowedActions={engagement.allowedActions}
      currentUserId={me.id}
      tab={tab ?? 'members'}
      onTabChange={(next: MembersTab) => navigate({ search: next === 'teams' ? { tab: 'teams' } : {} })}
    />
  );
}

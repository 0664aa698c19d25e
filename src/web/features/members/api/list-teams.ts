import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Page, Team } from '../../../lib/api-types.ts';
import { engagementScope } from '../../../lib/query-keys.ts';

export async function listTeams(engagementId: string): Promise<Team[]> {
  const page = await apiRequest<Page<Team>>(`/engagements/${segment(engagementId)}/teams`);
  return page.items;
}

export function teamsQueryOptions(engagementId: string) {
  return queryOptions({
    queryKey: [...engagementScope(engagementId), 'teams'],
    queryFn: () => listTeams(engagementId),
  });
}

/** `enabled: false` when the caller's role may not read them (see `allowedActions`). */
export function useTeams(engagementId: string, enabled = true) {
  return useQuery({ ...teamsQueryOptions(engagementId), enabled });
}

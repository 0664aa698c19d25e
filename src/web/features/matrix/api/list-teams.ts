import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { referencesKey } from './matrix-keys.ts';
import type { TeamRef } from './matrix-types.ts';

export async function listTeams(engagementId: string, signal?: AbortSignal): Promise<TeamRef[]> {
  const { items } = await apiRequest<{ items: TeamRef[] }>(
    `/engagements/${segment(engagementId)}/teams`,
    signal ? { signal } : {},
  );
  return items;
}

export function teamsQueryOptions(engagementId: string) {
  return queryOptions({
    queryKey: referencesKey(engagementId, 'teams'),
    queryFn: ({ signal }) => listTeams(engagementId, signal),
  });
}

/** The engagement's teams of both parties, for RACI entries and coverage rules. */
export function useMatrixTeams(engagementId: string) {
  return useQuery(teamsQueryOptions(engagementId));
}

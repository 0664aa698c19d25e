import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { referencesKey } from './matrix-keys.ts';
import type { ScheduleRef } from './matrix-types.ts';

export async function listSchedules(engagementId: string, signal?: AbortSignal): Promise<ScheduleRef[]> {
  const { items } = await apiRequest<{ items: ScheduleRef[] }>(
    `/engagements/${segment(engagementId)}/schedules`,
    signal ? { signal } : {},
  );
  return items;
}

export function schedulesQueryOptions(engagementId: string) {
  return queryOptions({
    queryKey: referencesKey(engagementId, 'schedules'),
    queryFn: ({ signal }) => listSchedules(engagementId, signal),
  });
}

/** On-call schedules; a coverage rule names one per track. */
export function useMatrixSchedules(engagementId: string) {
  return useQuery(schedulesQueryOptions(engagementId));
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { schedulesKey } from './oncall-keys.ts';
import type { Schedule } from './schedule-types.ts';

/** Both parties' on-call schedules. */
export async function listSchedules(engagementId: string, signal?: AbortSignal): Promise<Schedule[]> {
  const { items } = await apiRequest<{ items: Schedule[] }>(
    `/engagements/${segment(engagementId)}/schedules`,
    signal ? { signal } : {},
  );
  return items;
}

export function schedulesQueryOptions(engagementId: string) {
  return queryOptions({
    queryKey: schedulesKey(engagementId),
    queryFn: ({ signal }) => listSchedules(engagementId, signal),
  });
}

export function useSchedules(engagementId: string, enabled = true) {
  return useQuery({ ...schedulesQueryOptions(engagementId), enabled });
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { timeOffKey } from './oncall-keys.ts';
import type { TimeOff } from './schedule-types.ts';

/** Everyone's time off overlapping [from, to), across the engagement. */
export async function listTimeOff(
  engagementId: string,
  range: { from: string; to: string },
  signal?: AbortSignal,
): Promise<TimeOff[]> {
  const { items } = await apiRequest<{ items: TimeOff[] }>(`/engagements/${segment(engagementId)}/time-off`, {
    query: range,
    ...(signal ? { signal } : {}),
  });
  return items;
}

export function timeOffQueryOptions(engagementId: string, range: { from: string; to: string }) {
  return queryOptions({
    queryKey: [...timeOffKey(engagementId), range.from, range.to] as const,
    queryFn: ({ signal }) => listTimeOff(engagementId, range, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTimeOff(engagementId: string, range: { from: string; to: string }) {
  return useQuery(timeOffQueryOptions(engagementId, range));
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { scheduleTimesKey } from './oncall-keys.ts';
import type { Shifts } from './schedule-types.ts';

/** The final shifts, each layer's shifts and the gaps of [from, to). */
export function getShifts(
  engagementId: string,
  scheduleId: string,
  range: { from: string; to: string },
  signal?: AbortSignal,
): Promise<Shifts> {
  return apiRequest<Shifts>(`/engagements/${segment(engagementId)}/schedules/${segment(scheduleId)}/shifts`, {
    query: range,
    ...(signal ? { signal } : {}),
  });
}

export function shiftsQueryOptions(
  engagementId: string,
  scheduleId: string,
  range: { from: string; to: string },
) {
  return queryOptions({
    queryKey: [...scheduleTimesKey(engagementId, scheduleId), 'shifts', range.from, range.to] as const,
    queryFn: ({ signal }) => getShifts(engagementId, scheduleId, range, signal),
    placeholderData: keepPreviousData,
  });
}

export function useShifts(engagementId: string, scheduleId: string, range: { from: string; to: string }) {
  return useQuery(shiftsQueryOptions(engagementId, scheduleId, range));
}

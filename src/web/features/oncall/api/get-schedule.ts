import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { scheduleKey } from './oncall-keys.ts';
import type { Schedule } from './schedule-types.ts';

export function getSchedule(
  engagementId: string,
  scheduleId: string,
  signal?: AbortSignal,
): Promise<Schedule> {
  return apiRequest<Schedule>(`/engagements/${segment(engagementId)}/schedules/${segment(scheduleId)}`, {
    ...(signal ? { signal } : {}),
  });
}

export function scheduleQueryOptions(engagementId: string, scheduleId: string) {
  return queryOptions({
    queryKey: scheduleKey(engagementId, scheduleId),
    queryFn: ({ signal }) => getSchedule(engagementId, scheduleId, signal),
  });
}

/** One schedule: its zone, track, party and layers. */
export function useSchedule(engagementId: string, scheduleId: string) {
  return useQuery(scheduleQueryOptions(engagementId, scheduleId));
}

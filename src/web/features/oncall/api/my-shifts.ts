import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { oncallScope } from './oncall-keys.ts';
import type { Track } from './schedule-types.ts';

/** One stretch the caller is on call, on one schedule. */
export interface MyShift {
  scheduleId: string;
  scheduleName: string;
  track: Track;
  start: string;
  end: string;
}

/** Under the on-call scope, so any schedule, override or time-off write refreshes it. */
export function myShiftsKey(engagementId: string) {
  return [...oncallScope(engagementId), 'my-shifts'] as const;
}

/** The caller's own shifts across every schedule in [from, to). */
export async function getMyShifts(
  engagementId: string,
  range: { from: string; to: string },
  signal?: AbortSignal,
): Promise<MyShift[]> {
  const { shifts } = await apiRequest<{ shifts: MyShift[] }>(
    `/engagements/${segment(engagementId)}/my-shifts`,
    { query: range, ...(signal ? { signal } : {}) },
  );
  return shifts;
}

export function myShiftsQueryOptions(engagementId: string, range: { from: string; to: string }) {
  return queryOptions({
    queryKey: [...myShiftsKey(engagementId), range.from, range.to] as const,
    queryFn: ({ signal }) => getMyShifts(engagementId, range, signal),
  });
}

export function useMyShifts(engagementId: string, range: { from: string; to: string }) {
  return useQuery(myShiftsQueryOptions(engagementId, range));
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { scheduleTimesKey } from './oncall-keys.ts';
import type { Override } from './schedule-types.ts';

/** The overrides of a schedule that overlap [from, to). */
export async function listOverrides(
  engagementId: string,
  scheduleId: string,
  range: { from: string; to: string },
  signal?: AbortSignal,
): Promise<Override[]> {
  const { items } = await apiRequest<{ items: Override[] }>(
    `/engagements/${segment(engagementId)}/schedules/${segment(scheduleId)}/overrides`,
    { query: range, ...(signal ? { signal } : {}) },
  );
  return items;
}

export function overridesQueryOptions(
  engagementId: string,
  scheduleId: string,
  range: { from: string; to: string },
) {
  return queryOptions({
    queryKey: [...scheduleTimesKey(engagementId, scheduleId), 'overrides', range.from, range.to] as const,
    queryFn: ({ signal }) => listOverrides(engagementId, scheduleId, range, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOverrides(engagementId: string, scheduleId: string, range: { from: string; to: string }) {
  return useQuery(overridesQueryOptions(engagementId, scheduleId, range));
}

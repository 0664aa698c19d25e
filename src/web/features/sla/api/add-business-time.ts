import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { slaScope } from './sla-keys.ts';

/** When `minutes` of business time on the calendar have passed after `start` (ISO UTC). */
export async function addBusinessTime(
  engagementId: string,
  calendarId: string,
  start: string,
  minutes: number,
  signal?: AbortSignal,
): Promise<string> {
  const { due } = await apiRequest<{ due: string }>(
    `/engagements/${segment(engagementId)}/calendars/${segment(calendarId)}/add-business-time`,
    { method: 'POST', body: { start, minutes }, ...(signal ? { signal } : {}) },
  );
  return due;
}

export function dueAfterQueryOptions(
  engagementId: string,
  calendarId: string,
  start: string,
  minutes: number,
) {
  return queryOptions({
    queryKey: [...slaScope(engagementId), 'due-after', calendarId, start, minutes] as const,
    queryFn: ({ signal }) => addBusinessTime(engagementId, calendarId, start, minutes, signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** A preview of a due time; asks only once calendar, start and minutes are all given. */
export function useDueAfter(
  engagementId: string,
  calendarId: string | null,
  start: string | null,
  minutes: number | null,
) {
  return useQuery({
    ...dueAfterQueryOptions(engagementId, calendarId ?? '', start ?? '', minutes ?? 0),
    enabled: !!calendarId && !!start && minutes !== null && minutes > 0,
    placeholderData: keepPreviousData,
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { engagementScope } from '../../../lib/query-keys.ts';

/** An iCalendar subscription; its secret URL is never listed. */
export interface CalendarFeed {
  id: string;
  /** null: the caller's own shifts across every schedule. */
  scheduleId: string | null;
  scheduleName: string | null;
  createdAt: string;
}

/** The answer to creating a feed: the only time its URL is sent. */
export interface CreatedCalendarFeed {
  id: string;
  scheduleId: string | null;
  url: string;
  createdAt: string;
}

export function calendarFeedsKey(engagementId: string) {
  return [...engagementScope(engagementId), 'calendar-feeds'] as const;
}

export async function listCalendarFeeds(engagementId: string, signal?: AbortSignal): Promise<CalendarFeed[]> {
  const { items } = await apiRequest<{ items: CalendarFeed[] }>(
    `/engagements/${segment(engagementId)}/calendar-feeds`,
    signal ? { signal } : {},
  );
  return items;
}

export function calendarFeedsQueryOptions(engagementId: string) {
  return queryOptions({
    queryKey: calendarFeedsKey(engagementId),
    queryFn: ({ signal }) => listCalendarFeeds(engagementId, signal),
  });
}

export function useCalendarFeeds(engagementId: string) {
  return useQuery(calendarFeedsQueryOptions(engagementId));
}

export function createCalendarFeed(
  engagementId: string,
  scheduleId: string | null,
): Promise<CreatedCalendarFeed> {
  return apiRequest<CreatedCalendarFeed>(`/engagements/${segment(engagementId)}/calendar-feeds`, {
    method: 'POST',
    body: { scheduleId },
  });
}

export function useCreateCalendarFeed(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scheduleId: string | null) => createCalendarFeed(engagementId, scheduleId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarFeedsKey(engagementId) }),
  });
}

/** Revokes a feed; its URL stops answering at once. */
export function revokeCalendarFeed(engagementId: string, feedId: string): Promise<void> {
  return apiRequest<void>(`/engagements/${segment(engagementId)}/calendar-feeds/${segment(feedId)}`, {
    method: 'DELETE',
  });
}

export function useRevokeCalendarFeed(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (feedId: string) => revokeCalendarFeed(engagementId, feedId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarFeedsKey(engagementId) }),
  });
}

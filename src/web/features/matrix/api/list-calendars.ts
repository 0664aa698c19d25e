import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { referencesKey } from './matrix-keys.ts';
import type { CalendarRef } from './matrix-types.ts';

export async function listCalendars(engagementId: string, signal?: AbortSignal): Promise<CalendarRef[]> {
  const { items } = await apiRequest<{ items: CalendarRef[] }>(
    `/engagements/${segment(engagementId)}/calendars`,
    signal ? { signal } : {},
  );
  return items;
}

export function calendarsQueryOptions(engagementId: string) {
  return queryOptions({
    queryKey: referencesKey(engagementId, 'calendars'),
    queryFn: ({ signal }) => listCalendars(engagementId, signal),
  });
}

/** Business calendars that business_hours / after_hours rules are read on. */
export function useMatrixCalendars(engagementId: string) {
  return useQuery(calendarsQueryOptions(engagementId));
}

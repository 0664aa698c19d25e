import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Calendar } from '../../../lib/sla-types.ts';
import { calendarsKey } from './sla-keys.ts';

export async function listCalendars(engagementId: string, signal?: AbortSignal): Promise<Calendar[]> {
  const { items } = await apiRequest<{ items: Calendar[] }>(
    `/engagements/${segment(engagementId)}/calendars`,
    signal ? { signal } : {},
  );
  return items;
}

export function calendarsQueryOptions(engagementId: string) {
  return queryOptions({
    queryKey: calendarsKey(engagementId),
    queryFn: ({ signal }) => listCalendars(engagementId, signal),
  });
}

/** The engagement's business calendars. */
export function useCalendars(engagementId: string) {
  return useQuery(calendarsQueryOptions(engagementId));
}

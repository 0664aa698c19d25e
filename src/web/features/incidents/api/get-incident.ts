import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Page } from '../../../lib/api-types.ts';
import { incidentKey } from './incident-keys.ts';
import type { Alert, IncidentDetail } from './incident-types.ts';

/** Severity, track, roles, the escalation with its pages and gaps, the checklist and the responders. */
export function getIncident(engagementId: string, ticketId: string, signal?: AbortSignal) {
  return apiRequest<IncidentDetail>(
    `/engagements/${segment(engagementId)}/tickets/${segment(ticketId)}/incident`,
    signal ? { signal } : {},
  );
}

export function incidentQueryOptions(engagementId: string, ticketId: string) {
  return queryOptions({
    queryKey: [...incidentKey(engagementId, ticketId), 'detail'],
    queryFn: ({ signal }) => getIncident(engagementId, ticketId, signal),
    // Kept current by the incident's own events (see incident-events.ts), so a board of many
    // rows does not read every incident again whenever one of them is looked at.
    staleTime: 60_000,
  });
}

export function useIncident(engagementId: string, ticketId: string, enabled = true) {
  return useQuery({ ...incidentQueryOptions(engagementId, ticketId), enabled });
}

/** The alerts grouped into one incident, newest first. */
export function useIncidentAlerts(engagementId: string, ticketId: string, enabled = true) {
  return useQuery({
    queryKey: [...incidentKey(engagementId, ticketId), 'alerts'],
    queryFn: ({ signal }) =>
      apiRequest<Page<Alert>>(`/engagements/${segment(engagementId)}/alerts`, {
        query: { incidentId: ticketId, limit: 100 },
        signal,
      }),
    enabled,
  });
}

import { useQueryClient } from '@tanstack/react-query';
import { STREAM_REOPENED, useEngagementEvents } from '../../../lib/engagement-events.ts';
import { incidentBoardAllKey, incidentKey, incidentListKey, incidentsScope } from './incident-keys.ts';

/**
 * Incidents change by ticket events (opened, acknowledged, escalated, resolved), alert events
 * (joined, re-triggered) and escalation steps; the events carry no content, so every incident
 * query of the engagement refetches and shows only what the API then returns to this user.
 */
const INCIDENT_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'ticket.commented',
  'alert.created',
  'alert.updated',
  'page.created',
  STREAM_REOPENED,
] as const;

export function useIncidentEvents(engagementIds: readonly string[]) {
  const queryClient = useQueryClient();
  useEngagementEvents(engagementIds, INCIDENT_EVENTS, (engagementId, event) => {
    void queryClient.invalidateQueries({ queryKey: incidentListKey(engagementId) });
    void queryClient.invalidateQueries({ queryKey: incidentBoardAllKey });
    // A ticket event names the incident; only its own detail and alerts need reading again.
    if (event.id && event.type.startsWith('ticket.'))
      void queryClient.invalidateQueries({ queryKey: incidentKey(engagementId, event.id) });
    // A page names its incident in its data: that escalation moved on.
    const paged = (event.data as { incidentId?: unknown } | null)?.incidentId;
    if (event.type === 'page.created' && typeof paged === 'string')
      void queryClient.invalidateQueries({ queryKey: incidentKey(engagementId, paged) });
    if (event.type === STREAM_REOPENED)
      void queryClient.invalidateQueries({ queryKey: incidentsScope(engagementId) });
  });
}

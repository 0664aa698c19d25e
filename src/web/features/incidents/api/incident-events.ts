import { useQueryClient } from '@tanstack/react-query';
import { STREAM_REOPENED, useEngagementEvents } from '../../../lib/engagement-events.ts';
import { incidentBoardAllKey, incidentsScope } from './incident-keys.ts';

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
  useEngagementEvents(engagementIds, INCIDENT_EVENTS, (engagementId) => {
    void queryClient.invalidateQueries({ queryKey: incidentsScope(engagementId) });
    void queryClient.invalidateQueries({ queryKey: incidentBoardAllKey });
  });
}

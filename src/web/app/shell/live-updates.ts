import { useNavigate } from '@tanstack/react-router';
import { useInfoRequestEvents } from '../../features/info-requests/api/info-request-events.ts';
import { usePageToasts } from '../../features/notifications/components/page-toasts.tsx';
import { useSlaToasts } from '../../features/sla/components/sla-toasts.tsx';
import { useTicketEvents } from '../../features/tickets/api/ticket-events.ts';
import type { EngagementSummary } from '../../lib/api-types.ts';

/**
 * Every open screen of the engagement follows changes others make: tickets, questions and
 * clocks refetch on their events, staff hear of clocks nearing or passing their targets, and a
 * person paged here gets a toast linking to the incident.
 * The features share one event stream (see lib/engagement-events.ts).
 */
export function useLiveUpdates(engagement: Pick<EngagementSummary, 'id' | 'slug' | 'role'>, userId: string) {
  const navigate = useNavigate();
  const ids = [engagement.id];
  useTicketEvents(ids);
  useInfoRequestEvents(ids);
  // Pages of this engagement only: one stream per engagement, and a browser has six connections.
  usePageToasts(ids, {
    userId,
    hrefOf: (page) =>
      `/e/${encodeURIComponent(engagement.slug)}/tickets/${encodeURIComponent(page.incidentId ?? '')}`,
    onOpen: (page) =>
      page.incidentId &&
      navigate({
        to: '/e/$engagement/tickets/$ticketId',
        params: { engagement: engagement.slug, ticketId: page.incidentId },
      }),
  });
  useSlaToasts(ids, {
    enabled: engagement.role !== 'requester',
    hrefOf: (alert) =>
      `/e/${encodeURIComponent(engagement.slug)}/tickets/${encodeURIComponent(alert.ticketId)}`,
    onOpen: (alert) =>
      navigate({
        to: '/e/$engagement/tickets/$ticketId',
        params: { engagement: engagement.slug, ticketId: alert.ticketId },
      }),
  });
}

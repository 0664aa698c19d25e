import { useNavigate } from '@tanstack/react-router';
import { useInfoRequestEvents } from '../../features/info-requests/api/info-request-events.ts';
import { useSlaToasts } from '../../features/sla/components/sla-toasts.tsx';
import { useTicketEvents } from '../../features/tickets/api/ticket-events.ts';
import type { EngagementSummary } from '../../lib/api-types.ts';

/**
 * Every open screen of the engagement follows changes others make: tickets, questions and
 * clocks refetch on their events, and staff hear of clocks nearing or passing their targets.
 * The features share one event stream (see lib/engagement-events.ts).
 */
export function useLiveUpdates(engagement: Pick<EngagementSummary, 'id' | 'slug' | 'role'>) {
  const navigate = useNavigate();
  const ids = [engagement.id];
  useTicketEvents(ids);
  useInfoRequestEvents(ids);
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

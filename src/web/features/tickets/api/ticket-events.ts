import { useQueryClient } from '@tanstack/react-query';
import { STREAM_REOPENED, useEngagementEvents } from '../../../lib/engagement-events.ts';
import { ticketQueueKey } from '../../../lib/query-keys.ts';
import { ticketKey, ticketListKey, ticketsScope } from './ticket-keys.ts';

/** Ticket changes, and SLA clocks reaching their warning or breach (which change the ticket's clocks). */
const TICKET_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'ticket.commented',
  'sla.warning',
  'sla.breached',
  STREAM_REOPENED,
] as const;

/**
 * Keeps every ticket screen current: listens to the engagements' event streams and, on a ticket
 * event, refetches the lists and that ticket's detail, comments and activity. The events carry
 * no ticket content; what appears on screen is only ever what the API then returns to this user.
 */
export function useTicketEvents(engagementIds: readonly string[]) {
  const queryClient = useQueryClient();
  useEngagementEvents(engagementIds, TICKET_EVENTS, (engagementId, event) => {
    void queryClient.invalidateQueries({ queryKey: ticketListKey(engagementId) });
    void queryClient.invalidateQueries({ queryKey: ticketQueueKey });
    if (event.id) void queryClient.invalidateQueries({ queryKey: ticketKey(engagementId, event.id) });
    // Back after a drop: any ticket may have changed meanwhile.
    if (event.type === STREAM_REOPENED)
      void queryClient.invalidateQueries({ queryKey: ticketsScope(engagementId) });
  });
}

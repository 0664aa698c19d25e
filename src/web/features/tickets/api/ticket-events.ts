import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ticketQueueKey } from '../../../lib/query-keys.ts';
import { ticketKey, ticketListKey } from './ticket-keys.ts';

const TICKET_EVENTS = ['ticket.created', 'ticket.updated', 'ticket.commented'] as const;

/**
 * Keeps every ticket screen current: listens to the engagements' event streams and, on a ticket
 * event, refetches the lists and that ticket's detail, comments and activity. The events carry
 * no ticket content; what appears on screen is only ever what the API then returns to this user.
 */
export function useTicketEvents(engagementIds: readonly string[]) {
  const queryClient = useQueryClient();
  const key = engagementIds.join(',');

  useEffect(() => {
    if (!key || typeof EventSource === 'undefined') return;
    const sources = key.split(',').map((engagementId) => {
      const source = new EventSource(`/api/v1/engagements/${encodeURIComponent(engagementId)}/events`, {
        withCredentials: true,
      });
      const onEvent = (event: MessageEvent<string>) => {
        let ticketId: string | null = null;
        try {
          const parsed = JSON.parse(event.data) as { id?: unknown };
          ticketId = typeof parsed.id === 'string' ? parsed.id : null;
        } catch {
          ticketId = null;
        }
        void queryClient.invalidateQueries({ queryKey: ticketListKey(engagementId) });
        void queryClient.invalidateQueries({ queryKey: ticketQueueKey });
        if (ticketId) void queryClient.invalidateQueries({ queryKey: ticketKey(engagementId, ticketId) });
      };
      for (const type of TICKET_EVENTS) source.addEventListener(type, onEvent);
      return source;
    });
    return () => {
      for (const source of sources) source.close();
    };
  }, [key, queryClient]);
}

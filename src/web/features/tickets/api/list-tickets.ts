import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Page, Ticket, TicketQuery } from '../../../lib/api-types.ts';
import { ticketListKey, ticketQueueListKey } from './ticket-keys.ts';

const PAGE_SIZE = 50;

export function listTickets(
  engagementId: string,
  query: TicketQuery,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<Ticket>> {
  return apiRequest<Page<Ticket>>(`/engagements/${segment(engagementId)}/tickets`, {
    query: { ...query, cursor, limit: PAGE_SIZE },
    ...(signal ? { signal } : {}),
  });
}

/** Provider staff's one queue: the same filters across every engagement they belong to. */
export function listTicketQueue(
  query: TicketQuery,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<Ticket>> {
  return apiRequest<Page<Ticket>>('/tickets', {
    query: { ...query, cursor, limit: PAGE_SIZE },
    ...(signal ? { signal } : {}),
  });
}

export function ticketsQueryOptions(engagementId: string, query: TicketQuery) {
  return infiniteQueryOptions({
    queryKey: ticketListKey(engagementId, query),
    queryFn: ({ pageParam, signal }) => listTickets(engagementId, query, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
    placeholderData: keepPreviousData,
  });
}

export function ticketQueueQueryOptions(query: TicketQuery) {
  return infiniteQueryOptions({
    queryKey: ticketQueueListKey(query),
    queryFn: ({ pageParam, signal }) => listTicketQueue(query, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
    placeholderData: keepPreviousData,
  });
}

/** One engagement's tickets, 50 at a time. */
export function useTickets(engagementId: string, query: TicketQuery) {
  return useInfiniteQuery(ticketsQueryOptions(engagementId, query));
}

export function useTicketQueue(query: TicketQuery) {
  return useInfiniteQuery(ticketQueueQueryOptions(query));
}

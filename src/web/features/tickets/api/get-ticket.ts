import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Ticket } from '../../../lib/api-types.ts';
import { ticketKey } from './ticket-keys.ts';

export function getTicket(engagementId: string, ticketId: string, signal?: AbortSignal): Promise<Ticket> {
  return apiRequest<Ticket>(`/engagements/${segment(engagementId)}/tickets/${segment(ticketId)}`, {
    ...(signal ? { signal } : {}),
  });
}

export function ticketQueryOptions(engagementId: string, ticketId: string) {
  return queryOptions({
    queryKey: [...ticketKey(engagementId, ticketId), 'detail'],
    queryFn: ({ signal }) => getTicket(engagementId, ticketId, signal),
  });
}

export function useTicket(engagementId: string, ticketId: string) {
  return useQuery(ticketQueryOptions(engagementId, ticketId));
}

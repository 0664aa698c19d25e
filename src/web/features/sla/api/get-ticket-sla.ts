import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { TicketSla } from '../../../lib/sla-types.ts';
import { ticketSlaKey } from './sla-keys.ts';

/** Every clock the ticket has had, oldest first, each with the ledger of why it started, paused or stopped. */
export function getTicketSla(
  engagementId: string,
  ticketId: string,
  signal?: AbortSignal,
): Promise<TicketSla> {
  return apiRequest<TicketSla>(`/engagements/${segment(engagementId)}/tickets/${segment(ticketId)}/sla`, {
    ...(signal ? { signal } : {}),
  });
}

export function ticketSlaQueryOptions(engagementId: string, ticketId: string) {
  return queryOptions({
    queryKey: ticketSlaKey(engagementId, ticketId),
    queryFn: ({ signal }) => getTicketSla(engagementId, ticketId, signal),
  });
}

/** Loads only when asked (`enabled`): the history sits behind a disclosure. */
export function useTicketSla(engagementId: string, ticketId: string, enabled: boolean) {
  return useQuery({ ...ticketSlaQueryOptions(engagementId, ticketId), enabled });
}

import { useQueries } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Ticket } from '../../../lib/api-types.ts';
import { engagementScope } from '../../../lib/query-keys.ts';

/**
 * The human numbers (LOGI-42) of the incidents behind the coverage map's page gaps. A number never
 * changes, so each ticket is read once; an unreadable one simply stays without a number.
 */
export function usePageGapTicketNumbers(engagementId: string, ticketIds: readonly string[]) {
  const unique = [...new Set(ticketIds)];
  return useQueries({
    queries: unique.map((ticketId) => ({
      queryKey: [...engagementScope(engagementId), 'ticket-number', ticketId] as const,
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiRequest<Ticket>(`/engagements/${segment(engagementId)}/tickets/${segment(ticketId)}`, {
          signal,
        }).then((ticket) => ticket.number),
      staleTime: Number.POSITIVE_INFINITY,
      retry: false,
    })),
    combine: (results) => new Map(unique.map((id, i) => [id, results[i]?.data] as const)),
  });
}

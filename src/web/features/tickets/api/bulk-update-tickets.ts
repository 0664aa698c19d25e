import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { BulkTicketResult, Party, TicketPriority, TicketStatus } from '../../../lib/api-types.ts';
import { isApiError } from '../../../lib/problem.ts';
import { ticketQueueKey } from '../../../lib/query-keys.ts';
import { ticketsScope } from './ticket-keys.ts';

export interface BulkChanges {
  status?: TicketStatus;
  priority?: TicketPriority;
  assigneeId?: string | null;
  teamId?: string | null;
  ownerParty?: Party;
}

export function bulkUpdateTickets(
  engagementId: string,
  ticketIds: string[],
  changes: BulkChanges,
): Promise<BulkTicketResult> {
  return apiRequest<BulkTicketResult>(`/engagements/${segment(engagementId)}/tickets/bulk`, {
    method: 'POST',
    body: { ticketIds, changes },
  });
}

/**
 * Whether this server offers bulk changes: an empty request changes nothing, and a server
 * without the endpoint answers 404 (any other answer, even a 400, means it is there).
 */
export function bulkAvailableQueryOptions(engagementId: string) {
  return queryOptions({
    queryKey: [...ticketsScope(engagementId), 'bulk-available'],
    queryFn: async () => {
      try {
        await bulkUpdateTickets(engagementId, [], {});
        return true;
      } catch (error) {
        return !isApiError(error, 404) && !isApiError(error, 405);
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useBulkAvailable(engagementId: string, enabled: boolean) {
  return useQuery({ ...bulkAvailableQueryOptions(engagementId), enabled });
}

export function useBulkUpdateTickets(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ticketIds, changes }: { ticketIds: string[]; changes: BulkChanges }) =>
      bulkUpdateTickets(engagementId, ticketIds, changes),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ticketsScope(engagementId) }),
        queryClient.invalidateQueries({ queryKey: ticketQueueKey }),
      ]);
    },
  });
}

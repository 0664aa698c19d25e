import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { BulkTicketResult, Party, TicketPriority, TicketStatus } from '../../../lib/api-types.ts';
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

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Ticket, TicketChanges } from '../../../lib/api-types.ts';
import { ticketQueueKey } from '../../../lib/query-keys.ts';
import { ticketQueryOptions } from './get-ticket.ts';
import { ticketKey, ticketListKey } from './ticket-keys.ts';

/** Changes a ticket; a status outside `allowedStatuses` answers 409 with a readable `detail`. */
export function updateTicket(
  engagementId: string,
  ticketId: string,
  changes: TicketChanges,
): Promise<Ticket> {
  return apiRequest<Ticket>(`/engagements/${segment(engagementId)}/tickets/${segment(ticketId)}`, {
    method: 'PATCH',
    body: changes,
  });
}

export function useUpdateTicket(engagementId: string, ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: TicketChanges) => updateTicket(engagementId, ticketId, changes),
    onSuccess: async (ticket) => {
      queryClient.setQueryData(ticketQueryOptions(engagementId, ticketId).queryKey, ticket);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ticketKey(engagementId, ticketId) }),
        queryClient.invalidateQueries({ queryKey: ticketListKey(engagementId) }),
        queryClient.invalidateQueries({ queryKey: ticketQueueKey }),
      ]);
    },
  });
}

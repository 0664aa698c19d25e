import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { NewTicket, Ticket } from '../../../lib/api-types.ts';
import { ticketQueueKey } from '../../../lib/query-keys.ts';
import { ticketListKey } from './ticket-keys.ts';

export function createTicket(engagementId: string, ticket: NewTicket): Promise<Ticket> {
  return apiRequest<Ticket>(`/engagements/${segment(engagementId)}/tickets`, {
    method: 'POST',
    body: ticket,
  });
}

export function useCreateTicket(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ticket: NewTicket) => createTicket(engagementId, ticket),
    meta: { errorsShownInForm: true },
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ticketListKey(engagementId) }),
        queryClient.invalidateQueries({ queryKey: ticketQueueKey }),
      ]);
    },
  });
}

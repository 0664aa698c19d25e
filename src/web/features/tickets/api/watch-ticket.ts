import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { ticketKey } from './ticket-keys.ts';

/** Follows (PUT) or stops following (DELETE) a ticket as the given user. */
export function watchTicket(
  engagementId: string,
  ticketId: string,
  userId: string,
  watching: boolean,
): Promise<void> {
  return apiRequest<void>(
    `/engagements/${segment(engagementId)}/tickets/${segment(ticketId)}/watchers/${segment(userId)}`,
    { method: watching ? 'PUT' : 'DELETE' },
  );
}

export function useWatchTicket(engagementId: string, ticketId: string, userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (watching: boolean) => watchTicket(engagementId, ticketId, userId, watching),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketKey(engagementId, ticketId) }),
  });
}

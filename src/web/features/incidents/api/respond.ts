import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Ticket } from '../../../lib/api-types.ts';
import { incidentBoardAllKey, incidentKey, incidentListKey } from './incident-keys.ts';
import type { EscalateRequest } from './incident-types.ts';

function ticketPath(engagementId: string, ticketId: string) {
  return `/engagements/${segment(engagementId)}/tickets/${segment(ticketId)}`;
}

export type Response =
  | { action: 'acknowledge'; ticketId: string }
  | { action: 'resolve'; ticketId: string }
  | { action: 'escalate'; ticketId: string; request: EscalateRequest };

/** Acknowledge (stops the escalation), resolve (ends it) or escalate by hand; answers the ticket. */
export function respond(engagementId: string, response: Response): Promise<Ticket> {
  return apiRequest<Ticket>(`${ticketPath(engagementId, response.ticketId)}/${response.action}`, {
    method: 'POST',
    ...(response.action === 'escalate' ? { body: response.request } : {}),
  });
}

/**
 * Not optimistic: the board shows the escalation as the server now has it. The ticket screens
 * follow through the ticket event the write publishes.
 */
export function useRespond(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (response: Response) => respond(engagementId, response),
    onSettled: async (_ticket, _error, response) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: incidentListKey(engagementId) }),
        queryClient.invalidateQueries({ queryKey: incidentKey(engagementId, response.ticketId) }),
        queryClient.invalidateQueries({ queryKey: incidentBoardAllKey }),
      ]);
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { engagementScope } from '../../../lib/query-keys.ts';
import type { InfoRequest } from '../../../lib/sla-types.ts';

export interface NewQuestion {
  /** The ticket it is about; without one, a new information-request ticket is opened. */
  ticketId?: string;
  /** Markdown. */
  question: string;
  /** The new ticket's title, when there is no ticket yet. */
  title?: string;
}

/** Asks the other party; their clock starts and the asker's pauses. */
export function askQuestion(engagementId: string, question: NewQuestion): Promise<InfoRequest> {
  return apiRequest<InfoRequest>(`/engagements/${segment(engagementId)}/info-requests`, {
    method: 'POST',
    body: question,
  });
}

export function useAskQuestion(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (question: NewQuestion) => askQuestion(engagementId, question),
    meta: { errorsShownInForm: true },
    // Asking hands over the move: the ticket, its clocks, the lists and the questions all change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: engagementScope(engagementId) }),
  });
}

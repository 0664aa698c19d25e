import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { engagementScope } from '../../../lib/query-keys.ts';
import type { InfoRequest } from '../../../lib/sla-types.ts';

/** Answers a question asked of the caller's party; the move goes back to the asker. */
export function answerQuestion(
  engagementId: string,
  infoRequestId: string,
  answer: string,
): Promise<InfoRequest> {
  return apiRequest<InfoRequest>(
    `/engagements/${segment(engagementId)}/info-requests/${segment(infoRequestId)}/answer`,
    { method: 'POST', body: { answer } },
  );
}

export function useAnswerQuestion(engagementId: string, infoRequestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: string) => answerQuestion(engagementId, infoRequestId, answer),
    meta: { errorsShownInForm: true },
    // Answering hands the move back: the ticket, its clocks, the lists and the questions all change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: engagementScope(engagementId) }),
  });
}

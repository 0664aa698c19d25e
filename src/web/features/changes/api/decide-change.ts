import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { changesScope } from './change-keys.ts';
import type { Change } from './change-types.ts';

export interface ChangeDecision {
  changeId: string;
  decision: 'approve' | 'reject';
  /** Required to reject. */
  reason?: string;
}

/** Records the caller's approval or rejection; the answer is the change as it now stands. */
export function decideChange(
  engagementId: string,
  { changeId, decision, reason }: ChangeDecision,
): Promise<Change> {
  return apiRequest<Change>(`/engagements/${segment(engagementId)}/changes/${segment(changeId)}/approvals`, {
    method: 'POST',
    body: reason ? { decision, reason } : { decision },
  });
}

/** Not optimistic: the queue and the change refresh once the server has counted the vote. */
export function useDecideChange(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: ChangeDecision) => decideChange(engagementId, decision),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: changesScope(engagementId) }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { draftKey, matrixScope } from './matrix-keys.ts';
import type { MatrixDraft } from './matrix-types.ts';

/**
 * Signs the draft for the caller's party. `contentHash` is the draft the signer looked at: the
 * server answers 409 when the draft changed since, so nobody signs words they did not see.
 */
export function signMatrix(engagementId: string, contentHash: string): Promise<MatrixDraft> {
  return apiRequest<MatrixDraft>(`/engagements/${segment(engagementId)}/matrix/sign`, {
    method: 'POST',
    body: { contentHash },
  });
}

export function useSignMatrix(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contentHash: string) => signMatrix(engagementId, contentHash),
    meta: { errorsShownInForm: true },
    onSuccess: (draft) => {
      queryClient.setQueryData(draftKey(engagementId), draft);
      return queryClient.invalidateQueries({ queryKey: matrixScope(engagementId) });
    },
    // A refused signature (changed draft, problems) means the page shows stale words: reload them.
    onError: () => queryClient.invalidateQueries({ queryKey: matrixScope(engagementId) }),
  });
}

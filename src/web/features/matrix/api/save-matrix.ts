import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { draftKey, matrixScope } from './matrix-keys.ts';
import type { Matrix, MatrixDraft } from './matrix-types.ts';

/** Replaces the whole draft; an edit clears every signature already given. */
export function saveMatrix(engagementId: string, matrix: Matrix): Promise<MatrixDraft> {
  return apiRequest<MatrixDraft>(`/engagements/${segment(engagementId)}/matrix`, {
    method: 'PUT',
    body: matrix,
  });
}

export function useSaveMatrix(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (matrix: Matrix) => saveMatrix(engagementId, matrix),
    meta: { errorsShownInForm: true },
    onSuccess: (draft) => {
      queryClient.setQueryData(draftKey(engagementId), draft);
      return queryClient.invalidateQueries({ queryKey: matrixScope(engagementId) });
    },
  });
}

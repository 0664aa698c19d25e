import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { changesScope } from './change-keys.ts';
import type { Change, ChangeEdit } from './change-types.ts';
import { changeQueryOptions } from './get-change.ts';

/**
 * Edits a change or moves it (`state`). A move outside `allowedStates`, or a window inside a
 * freeze window, answers 409 with a readable `detail`.
 */
export function updateChange(engagementId: string, changeId: string, edit: ChangeEdit): Promise<Change> {
  return apiRequest<Change>(`/engagements/${segment(engagementId)}/changes/${segment(changeId)}`, {
    method: 'PATCH',
    body: edit,
  });
}

/** The caller shows the error itself (the freeze conflict, field errors). */
export function useUpdateChange(engagementId: string, changeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (edit: ChangeEdit) => updateChange(engagementId, changeId, edit),
    meta: { errorsShownInForm: true },
    onSuccess: async (change) => {
      queryClient.setQueryData(changeQueryOptions(engagementId, changeId).queryKey, change);
      await queryClient.invalidateQueries({ queryKey: changesScope(engagementId) });
    },
  });
}

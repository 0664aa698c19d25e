import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { changesScope } from './change-keys.ts';
import type { Change, NewChange } from './change-types.ts';
import { updateChange } from './update-change.ts';

/** Creates a change as a draft; a 400 carries field errors. */
export function createChange(engagementId: string, change: NewChange): Promise<Change> {
  return apiRequest<Change>(`/engagements/${segment(engagementId)}/changes`, {
    method: 'POST',
    body: change,
  });
}

export interface CreatedChange {
  change: Change;
  /** Why submitting failed after the draft was saved; null when it went out or was not asked. */
  submitError: unknown;
}

/**
 * Creates a change and, when asked, submits it for approval. A draft that saves but cannot be
 * submitted is not an error of the whole: it comes back with `submitError`.
 */
export function useCreateChange(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      change,
      submit,
    }: {
      change: NewChange;
      submit: boolean;
    }): Promise<CreatedChange> => {
      const created = await createChange(engagementId, change);
      if (!submit) return { change: created, submitError: null };
      try {
        return {
          change: await updateChange(engagementId, created.id, { state: 'submitted' }),
          submitError: null,
        };
      } catch (submitError) {
        return { change: created, submitError };
      }
    },
    meta: { errorsShownInForm: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: changesScope(engagementId) }),
  });
}

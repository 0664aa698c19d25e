import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { freezeWindowsKey } from './change-keys.ts';
import type { FreezeWindow, NewFreezeWindow } from './change-types.ts';

export function createFreezeWindow(engagementId: string, window: NewFreezeWindow): Promise<FreezeWindow> {
  return apiRequest<FreezeWindow>(`/engagements/${segment(engagementId)}/freeze-windows`, {
    method: 'POST',
    body: window,
  });
}

export function useCreateFreezeWindow(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (window: NewFreezeWindow) => createFreezeWindow(engagementId, window),
    meta: { errorsShownInForm: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: freezeWindowsKey(engagementId) }),
  });
}

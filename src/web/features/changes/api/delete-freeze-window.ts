import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { freezeWindowsKey } from './change-keys.ts';

export function deleteFreezeWindow(engagementId: string, freezeWindowId: string): Promise<void> {
  return apiRequest<void>(`/engagements/${segment(engagementId)}/freeze-windows/${segment(freezeWindowId)}`, {
    method: 'DELETE',
  });
}

export function useDeleteFreezeWindow(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (freezeWindowId: string) => deleteFreezeWindow(engagementId, freezeWindowId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: freezeWindowsKey(engagementId) }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { oncallScope } from './oncall-keys.ts';

export function deleteTimeOff(engagementId: string, timeOffId: string): Promise<void> {
  return apiRequest<void>(`/engagements/${segment(engagementId)}/time-off/${segment(timeOffId)}`, {
    method: 'DELETE',
  });
}

export function useDeleteTimeOff(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (timeOffId: string) => deleteTimeOff(engagementId, timeOffId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: oncallScope(engagementId) }),
  });
}

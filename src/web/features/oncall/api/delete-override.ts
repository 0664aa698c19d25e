import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { coverageKey, scheduleTimesKey } from './oncall-keys.ts';

export function deleteOverride(engagementId: string, scheduleId: string, overrideId: string): Promise<void> {
  return apiRequest<void>(
    `/engagements/${segment(engagementId)}/schedules/${segment(scheduleId)}/overrides/${segment(overrideId)}`,
    { method: 'DELETE' },
  );
}

export function useDeleteOverride(engagementId: string, scheduleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (overrideId: string) => deleteOverride(engagementId, scheduleId, overrideId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: scheduleTimesKey(engagementId, scheduleId) }),
        queryClient.invalidateQueries({ queryKey: coverageKey(engagementId) }),
      ]),
  });
}

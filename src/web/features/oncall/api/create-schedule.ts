import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { oncallScope } from './oncall-keys.ts';
import type { Schedule, ScheduleInput } from './schedule-types.ts';

export function createSchedule(engagementId: string, schedule: ScheduleInput): Promise<Schedule> {
  return apiRequest<Schedule>(`/engagements/${segment(engagementId)}/schedules`, {
    method: 'POST',
    body: schedule,
  });
}

export function useCreateSchedule(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (schedule: ScheduleInput) => createSchedule(engagementId, schedule),
    meta: { errorsShownInForm: true },
    // A new schedule changes who is on call and the coverage map, not only the list.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: oncallScope(engagementId) }),
  });
}

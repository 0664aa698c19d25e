import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { oncallScope } from './oncall-keys.ts';
import type { Schedule, ScheduleInput } from './schedule-types.ts';

/** Replaces a schedule's settings and layers. */
export function updateSchedule(
  engagementId: string,
  scheduleId: string,
  schedule: ScheduleInput,
): Promise<Schedule> {
  return apiRequest<Schedule>(`/engagements/${segment(engagementId)}/schedules/${segment(scheduleId)}`, {
    method: 'PUT',
    body: schedule,
  });
}

export function useUpdateSchedule(engagementId: string, scheduleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (schedule: ScheduleInput) => updateSchedule(engagementId, scheduleId, schedule),
    meta: { errorsShownInForm: true },
    // New layers move every shift of this schedule, who is on call now and the coverage map.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: oncallScope(engagementId) }),
  });
}

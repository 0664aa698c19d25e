import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { oncallScope } from './oncall-keys.ts';
import type { TimeOff } from './schedule-types.ts';

export interface TimeOffInput {
  userId: string;
  start: string;
  end: string;
  reason?: string;
}

/** Staff enter their own time off; managers anyone's. */
export function addTimeOff(engagementId: string, input: TimeOffInput): Promise<TimeOff> {
  return apiRequest<TimeOff>(`/engagements/${segment(engagementId)}/time-off`, {
    method: 'POST',
    body: input,
  });
}

export function useAddTimeOff(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TimeOffInput) => addTimeOff(engagementId, input),
    meta: { errorsShownInForm: true },
    // Time off empties the person's turns in every schedule.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: oncallScope(engagementId) }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { coverageKey, scheduleTimesKey } from './oncall-keys.ts';
import type { Override } from './schedule-types.ts';

export interface OverrideInput {
  userId: string;
  start: string;
  end: string;
}

/** Someone covers [start, end) for whoever would be on call. */
export function createOverride(
  engagementId: string,
  scheduleId: string,
  input: OverrideInput,
): Promise<Override> {
  return apiRequest<Override>(
    `/engagements/${segment(engagementId)}/schedules/${segment(scheduleId)}/overrides`,
    { method: 'POST', body: input },
  );
}

export function useCreateOverride(engagementId: string, scheduleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OverrideInput) => createOverride(engagementId, scheduleId, input),
    meta: { errorsShownInForm: true },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: scheduleTimesKey(engagementId, scheduleId) }),
        queryClient.invalidateQueries({ queryKey: coverageKey(engagementId) }),
      ]),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { SlaPolicy, SlaPolicyInput } from '../../../lib/sla-types.ts';
import { policiesKey } from './sla-keys.ts';

export function createSlaPolicy(engagementId: string, policy: SlaPolicyInput): Promise<SlaPolicy> {
  return apiRequest<SlaPolicy>(`/engagements/${segment(engagementId)}/sla-policies`, {
    method: 'POST',
    body: policy,
  });
}

export function useCreateSlaPolicy(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: SlaPolicyInput) => createSlaPolicy(engagementId, policy),
    meta: { errorsShownInForm: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policiesKey(engagementId) }),
  });
}

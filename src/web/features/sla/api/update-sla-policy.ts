import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { SlaPolicy, SlaPolicyInput } from '../../../lib/sla-types.ts';
import { policiesKey } from './sla-keys.ts';

/** Replaces a policy's name, ticket kinds, warning share and targets. */
export function updateSlaPolicy(
  engagementId: string,
  policyId: string,
  policy: SlaPolicyInput,
): Promise<SlaPolicy> {
  return apiRequest<SlaPolicy>(`/engagements/${segment(engagementId)}/sla-policies/${segment(policyId)}`, {
    method: 'PUT',
    body: policy,
  });
}

export function useUpdateSlaPolicy(engagementId: string, policyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: SlaPolicyInput) => updateSlaPolicy(engagementId, policyId, policy),
    meta: { errorsShownInForm: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policiesKey(engagementId) }),
  });
}

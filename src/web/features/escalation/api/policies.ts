import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { policiesKey } from './escalation-keys.ts';
import type { EscalationPolicy, PolicyInput } from './escalation-types.ts';

const path = (engagementId: string) => `/engagements/${segment(engagementId)}/escalation-policies`;

export async function listPolicies(engagementId: string, signal?: AbortSignal): Promise<EscalationPolicy[]> {
  const { items } = await apiRequest<{ items: EscalationPolicy[] }>(
    path(engagementId),
    signal ? { signal } : {},
  );
  return items;
}

export function policiesQueryOptions(engagementId: string) {
  return queryOptions({
    queryKey: policiesKey(engagementId),
    queryFn: ({ signal }) => listPolicies(engagementId, signal),
  });
}

export function usePolicies(engagementId: string, enabled = true) {
  return useQuery({ ...policiesQueryOptions(engagementId), enabled });
}

/** Creates (no id) or replaces (an id) a policy; incidents already paging keep their snapshot. */
export function useSavePolicy(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: PolicyInput }) =>
      apiRequest<EscalationPolicy>(id ? `${path(engagementId)}/${segment(id)}` : path(engagementId), {
        method: id ? 'PUT' : 'POST',
        body: input,
      }),
    meta: { errorsShownInForm: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policiesKey(engagementId) }),
  });
}

export function useDeletePolicy(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<void>(`${path(engagementId)}/${segment(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policiesKey(engagementId) }),
  });
}

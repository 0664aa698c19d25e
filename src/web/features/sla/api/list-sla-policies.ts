import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { SlaPolicy } from '../../../lib/sla-types.ts';
import { policiesKey } from './sla-keys.ts';

export async function listSlaPolicies(engagementId: string, signal?: AbortSignal): Promise<SlaPolicy[]> {
  const { items } = await apiRequest<{ items: SlaPolicy[] }>(
    `/engagements/${segment(engagementId)}/sla-policies`,
    signal ? { signal } : {},
  );
  return items;
}

export function slaPoliciesQueryOptions(engagementId: string) {
  return queryOptions({
    queryKey: policiesKey(engagementId),
    queryFn: ({ signal }) => listSlaPolicies(engagementId, signal),
  });
}

/** The engagement's SLA policies, with every target. */
export function useSlaPolicies(engagementId: string) {
  return useQuery(slaPoliciesQueryOptions(engagementId));
}

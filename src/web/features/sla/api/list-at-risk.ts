import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Party } from '../../../lib/api-types.ts';
import type { AtRiskItem, Risk } from '../../../lib/sla-types.ts';
import { atRiskKey } from './sla-keys.ts';

export interface AtRiskQuery {
  party: Party;
  risk: Risk[];
}

/** Clocks of one party that are breached or near it (or, when asked, on track), soonest due first. */
export async function listAtRisk(
  engagementId: string,
  query: AtRiskQuery,
  signal?: AbortSignal,
): Promise<AtRiskItem[]> {
  const { items } = await apiRequest<{ items: AtRiskItem[] }>(
    `/engagements/${segment(engagementId)}/sla/at-risk`,
    {
      query: { party: query.party, risk: query.risk },
      ...(signal ? { signal } : {}),
    },
  );
  return items;
}

export function atRiskQueryOptions(engagementId: string, query: AtRiskQuery) {
  return queryOptions({
    queryKey: atRiskKey(engagementId, query),
    queryFn: ({ signal }) => listAtRisk(engagementId, query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAtRisk(engagementId: string, query: AtRiskQuery) {
  return useQuery(atRiskQueryOptions(engagementId, query));
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { coverageKey } from './oncall-keys.ts';
import type { Coverage } from './schedule-types.ts';

export interface CoverageQuery {
  from: string;
  to: string;
  scenario: string;
}

/** Every function × track over [from, to): who covers when, the gaps and the single points of failure. */
export function getCoverage(
  engagementId: string,
  query: CoverageQuery,
  signal?: AbortSignal,
): Promise<Coverage> {
  return apiRequest<Coverage>(`/engagements/${segment(engagementId)}/coverage`, {
    query: { ...query },
    ...(signal ? { signal } : {}),
  });
}

export function coverageQueryOptions(engagementId: string, query: CoverageQuery) {
  return queryOptions({
    queryKey: [...coverageKey(engagementId), query] as const,
    queryFn: ({ signal }) => getCoverage(engagementId, query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCoverage(engagementId: string, query: CoverageQuery) {
  return useQuery(coverageQueryOptions(engagementId, query));
}

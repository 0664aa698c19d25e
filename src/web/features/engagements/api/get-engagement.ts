import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { EngagementDetail } from '../../../lib/api-types.ts';
import { engagementScope } from '../../../lib/query-keys.ts';

export function getEngagement(engagementId: string): Promise<EngagementDetail> {
  return apiRequest<EngagementDetail>(`/engagements/${segment(engagementId)}`);
}

export function engagementQueryOptions(engagementId: string) {
  return queryOptions({
    queryKey: [...engagementScope(engagementId), 'detail'],
    queryFn: () => getEngagement(engagementId),
  });
}

/** One engagement with its parties, member and team counts, and the caller's allowed actions. */
export function useEngagement(engagementId: string) {
  return useQuery(engagementQueryOptions(engagementId));
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { EngagementSummary, Page } from '../../../lib/api-types.ts';
import { engagementsKey } from '../../../lib/query-keys.ts';

export async function listEngagements(): Promise<EngagementSummary[]> {
  const page = await apiRequest<Page<EngagementSummary>>('/engagements');
  return page.items;
}

export function engagementsQueryOptions() {
  return queryOptions({ queryKey: engagementsKey, queryFn: listEngagements, staleTime: 60_000 });
}

/** The engagements the signed-in user belongs to. */
export function useEngagements() {
  return useQuery(engagementsQueryOptions());
}

/** Finds an engagement by the slug or id used in a URL. */
export function findEngagement(
  engagements: readonly EngagementSummary[],
  slugOrId: string,
): EngagementSummary | undefined {
  return engagements.find((engagement) => engagement.slug === slugOrId || engagement.id === slugOrId);
}

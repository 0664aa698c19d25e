import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { routeKey } from './matrix-keys.ts';
import type { ResolvedRoute, RouteQuestion } from './matrix-types.ts';

/** Who owns this function and scenario at `at` (default now) on a track, who is paged, and why. */
export function resolveRoute(
  engagementId: string,
  question: RouteQuestion,
  signal?: AbortSignal,
): Promise<ResolvedRoute> {
  return apiRequest<ResolvedRoute>(`/engagements/${segment(engagementId)}/routing/resolve`, {
    method: 'POST',
    body: question,
    ...(signal ? { signal } : {}),
  });
}

export function routeQueryOptions(engagementId: string, question: RouteQuestion) {
  return queryOptions({
    queryKey: routeKey(engagementId, question),
    queryFn: ({ signal }) => resolveRoute(engagementId, question, signal),
    // "Now" moves on: asked again, it is asked anew.
    staleTime: question.at ? 60_000 : 0,
  });
}

/** A read that happens to be a POST; `question` null asks nothing yet. */
export function useResolvedRoute(engagementId: string, question: RouteQuestion | null) {
  return useQuery({
    ...routeQueryOptions(engagementId, question ?? { functionKey: '', scenario: '', track: 'operations' }),
    enabled: question !== null,
    placeholderData: keepPreviousData,
  });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { Me } from '../../../lib/api-types.ts';
import { meKey } from '../../../lib/query-keys.ts';

export function getMe(): Promise<Me> {
  return apiRequest<Me>('/me');
}

export function meQueryOptions() {
  return queryOptions({ queryKey: meKey, queryFn: getMe, staleTime: 5 * 60_000 });
}

/** The signed-in user; routes under the app shell load it before rendering. */
export function useMe() {
  return useQuery(meQueryOptions());
}

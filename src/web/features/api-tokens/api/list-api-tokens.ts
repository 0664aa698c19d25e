import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { ApiToken, Page } from '../../../lib/api-types.ts';
import { apiTokensKey } from '../../../lib/query-keys.ts';

export async function listApiTokens(): Promise<ApiToken[]> {
  const page = await apiRequest<Page<ApiToken>>('/auth/tokens');
  return page.items;
}

export function apiTokensQueryOptions() {
  return queryOptions({ queryKey: apiTokensKey, queryFn: listApiTokens });
}

/** The signed-in user's API tokens, revoked ones included. */
export function useApiTokens() {
  return useQuery(apiTokensQueryOptions());
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { Organization, Page } from '../../../lib/api-types.ts';
import { organizationsKey } from '../../../lib/query-keys.ts';

export async function listOrganizations(): Promise<Organization[]> {
  const page = await apiRequest<Page<Organization>>('/organizations');
  return page.items;
}

export function organizationsQueryOptions() {
  return queryOptions({ queryKey: organizationsKey, queryFn: listOrganizations });
}

/** Organizations the caller can see: all of them for provider admins, else only their own. */
export function useOrganizations() {
  return useQuery(organizationsQueryOptions());
}

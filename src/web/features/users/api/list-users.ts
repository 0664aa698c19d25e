import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { Page, User } from '../../../lib/api-types.ts';
import { usersKey } from '../../../lib/query-keys.ts';

export async function listUsers(): Promise<User[]> {
  const page = await apiRequest<Page<User>>('/users');
  return page.items;
}

export function usersQueryOptions() {
  return queryOptions({ queryKey: usersKey, queryFn: listUsers });
}

/** Users the caller administers: every organization's for provider admins, else their own's. */
export function useUsers() {
  return useQuery(usersQueryOptions());
}

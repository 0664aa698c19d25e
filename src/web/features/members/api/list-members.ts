import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Member, Page } from '../../../lib/api-types.ts';
import { engagementScope } from '../../../lib/query-keys.ts';

export async function listMembers(engagementId: string): Promise<Member[]> {
  const page = await apiRequest<Page<Member>>(`/engagements/${segment(engagementId)}/members`);
  return page.items;
}

export function membersQueryOptions(engagementId: string) {
  return queryOptions({
    queryKey: [...engagementScope(engagementId), 'members'],
    queryFn: () => listMembers(engagementId),
  });
}

/** `enabled: false` when the caller's role may not read them (see `allowedActions`). */
export function useMembers(engagementId: string, enabled = true) {
  return useQuery({ ...membersQueryOptions(engagementId), enabled });
}

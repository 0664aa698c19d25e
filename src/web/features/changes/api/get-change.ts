import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { changeKey } from './change-keys.ts';
import type { Change } from './change-types.ts';

export function getChange(engagementId: string, changeId: string, signal?: AbortSignal): Promise<Change> {
  return apiRequest<Change>(`/engagements/${segment(engagementId)}/changes/${segment(changeId)}`, {
    ...(signal ? { signal } : {}),
  });
}

export function changeQueryOptions(engagementId: string, changeId: string) {
  return queryOptions({
    queryKey: [...changeKey(engagementId, changeId), 'detail'],
    queryFn: ({ signal }) => getChange(engagementId, changeId, signal),
  });
}

export function useChange(engagementId: string, changeId: string) {
  return useQuery(changeQueryOptions(engagementId, changeId));
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { freezeWindowsKey } from './change-keys.ts';
import type { FreezeWindow } from './change-types.ts';

export function listFreezeWindows(engagementId: string, signal?: AbortSignal): Promise<FreezeWindow[]> {
  return apiRequest<{ items: FreezeWindow[] }>(`/engagements/${segment(engagementId)}/freeze-windows`, {
    ...(signal ? { signal } : {}),
  }).then((answer) => answer.items);
}

export function freezeWindowsQueryOptions(engagementId: string) {
  return queryOptions({
    queryKey: freezeWindowsKey(engagementId),
    queryFn: ({ signal }) => listFreezeWindows(engagementId, signal),
    staleTime: 60_000,
  });
}

/** The engagement's freeze windows: no change may be scheduled inside one. */
export function useFreezeWindows(engagementId: string) {
  return useQuery(freezeWindowsQueryOptions(engagementId));
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { changeTemplatesKey } from './change-keys.ts';
import type { ChangeTemplate } from './change-types.ts';

export function listChangeTemplates(engagementId: string, signal?: AbortSignal): Promise<ChangeTemplate[]> {
  return apiRequest<{ items: ChangeTemplate[] }>(`/engagements/${segment(engagementId)}/change-templates`, {
    ...(signal ? { signal } : {}),
  }).then((answer) => answer.items);
}

/** Pre-approved recipes for standard changes; fetched only when the form asks for them. */
export function useChangeTemplates(engagementId: string, enabled: boolean) {
  return useQuery({
    ...queryOptions({
      queryKey: changeTemplatesKey(engagementId),
      queryFn: ({ signal }) => listChangeTemplates(engagementId, signal),
      staleTime: 5 * 60_000,
    }),
    enabled,
  });
}

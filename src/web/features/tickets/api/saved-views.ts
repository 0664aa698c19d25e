import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { SavedView, TicketQuery } from '../../../lib/api-types.ts';
import { savedViewsKey } from '../../../lib/query-keys.ts';

/** The caller's saved views. */
export async function listSavedViews(): Promise<SavedView[]> {
  const { items } = await apiRequest<{ items: SavedView[] }>('/me/views');
  return items;
}

export function savedViewsQueryOptions() {
  return queryOptions({ queryKey: savedViewsKey, queryFn: listSavedViews, retry: false });
}

export function useSavedViews() {
  return useQuery(savedViewsQueryOptions());
}

export interface NewSavedView {
  name: string;
  engagementId: string | null;
  query: TicketQuery;
}

export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (view: NewSavedView) => apiRequest<SavedView>('/me/views', { method: 'POST', body: view }),
    meta: { errorsShownInForm: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewsKey }),
  });
}

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (viewId: string) => apiRequest<void>(`/me/views/${segment(viewId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewsKey }),
  });
}

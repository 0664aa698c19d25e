import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';

/**
 * One private, loopback or link-local target webhooks may be sent to (`/webhook-allowlist`),
 * written by hand from src/modules/notifications/schema.ts until the OpenAPI types are generated.
 */
export interface AllowlistEntry {
  id: string;
  /** A host, host:port or CIDR range, lower-cased by the server. */
  target: string;
  /** The user who added it; null once that account is gone. */
  createdBy: string | null;
  createdAt: string;
}

/** Installation-wide, outside any engagement. */
const allowlistKey = ['webhook-allowlist'] as const;
const path = '/webhook-allowlist';

export function useAllowlist() {
  return useQuery({
    queryKey: allowlistKey,
    queryFn: async ({ signal }) => (await apiRequest<{ items: AllowlistEntry[] }>(path, { signal })).items,
  });
}

/** 422 when the target is not a host, host:port or CIDR range; 409 when it is already listed. */
export function useAllowTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: string) => apiRequest<AllowlistEntry>(path, { method: 'POST', body: { target } }),
    meta: { errorsShownInForm: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allowlistKey }),
  });
}

export function useDisallowTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entryId: string) => apiRequest<void>(`${path}/${segment(entryId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allowlistKey }),
  });
}

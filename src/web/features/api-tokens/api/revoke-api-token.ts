import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { apiTokensKey } from '../../../lib/query-keys.ts';

/** Revokes a token at once; anything still using it gets 401 from then on. */
export function revokeApiToken(tokenId: string): Promise<void> {
  return apiRequest<void>(`/auth/tokens/${segment(tokenId)}`, { method: 'DELETE' });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKey }),
  });
}

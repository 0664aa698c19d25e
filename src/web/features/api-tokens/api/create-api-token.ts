import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { CreatedApiToken, Role } from '../../../lib/api-types.ts';
import { apiTokensKey, engagementsKey } from '../../../lib/query-keys.ts';

export interface NewApiToken {
  name: string;
  /** Caps the token below the owner's role; left out, the token acts with the owner's role. */
  role?: Role;
  /** Limits the token to these engagements; left out, it reaches all of the owner's. */
  engagementIds?: string[];
}

export function createApiToken(token: NewApiToken): Promise<CreatedApiToken> {
  return apiRequest<CreatedApiToken>('/auth/tokens', { method: 'POST', body: token });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiToken,
    meta: { errorsShownInForm: true },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: apiTokensKey });
      // Creating a token is audited in the engagements it reaches.
      await queryClient.invalidateQueries({ queryKey: engagementsKey, predicate: isAuditQuery });
    },
  });
}

function isAuditQuery(query: { queryKey: readonly unknown[] }): boolean {
  return query.queryKey.includes('audit');
}

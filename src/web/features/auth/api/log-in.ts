import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { Me } from '../../../lib/api-types.ts';
import { meKey } from '../../../lib/query-keys.ts';

export interface Credentials {
  email: string;
  password: string;
}

export async function logIn(credentials: Credentials): Promise<Me> {
  const { user } = await apiRequest<{ user: Me }>('/auth/login', { method: 'POST', body: credentials });
  return user;
}

/** Signs in; the server sets the session cookie and the user is cached as `me`. */
export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logIn,
    meta: { errorsShownInForm: true },
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(meKey, me);
    },
  });
}

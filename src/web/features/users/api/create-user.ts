import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { OrgRole, User } from '../../../lib/api-types.ts';
import { usersKey } from '../../../lib/query-keys.ts';

/** The server's minimum; it checks again. */
export const MIN_PASSWORD_LENGTH = 10;

export interface NewUser {
  email: string;
  name: string;
  /** The initial password, at least {@link MIN_PASSWORD_LENGTH} characters. */
  password: string;
  /** Left out, the user joins the caller's organization. */
  organizationId?: string;
  /** Left out, the user is a member. */
  orgRole?: OrgRole;
}

/** Creates an account that can sign in at once; engagements are granted separately. */
export function createUser(user: NewUser): Promise<User> {
  return apiRequest<User>('/users', { method: 'POST', body: user });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    meta: { errorsShownInForm: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { OrgRole, User } from '../../../lib/api-types.ts';
import { engagementsKey, usersKey } from '../../../lib/query-keys.ts';

export interface UserChanges {
  name?: string;
  orgRole?: OrgRole;
  /** true ends the user's sessions at once; false lets them sign in again. */
  disabled?: boolean;
}

export function updateUser(userId: string, changes: UserChanges): Promise<User> {
  return apiRequest<User>(`/users/${segment(userId)}`, { method: 'PATCH', body: changes });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, changes }: { userId: string; changes: UserChanges }) =>
      updateUser(userId, changes),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: usersKey });
      // Member and team lists show people's names, and members whether they are disabled.
      await queryClient.invalidateQueries({ queryKey: engagementsKey, predicate: isPeopleQuery });
    },
  });
}

function isPeopleQuery(query: { queryKey: readonly unknown[] }): boolean {
  return query.queryKey.includes('members') || query.queryKey.includes('teams');
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Member, Role } from '../../../lib/api-types.ts';
import { engagementScope } from '../../../lib/query-keys.ts';

export function changeMemberRole(engagementId: string, userId: string, role: Role): Promise<Member> {
  return apiRequest<Member>(`/engagements/${segment(engagementId)}/members/${segment(userId)}`, {
    method: 'PATCH',
    body: { role },
  });
}

export function useChangeMemberRole(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      changeMemberRole(engagementId, userId, role),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: engagementScope(engagementId) }),
  });
}

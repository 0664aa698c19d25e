import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Member, Role } from '../../../lib/api-types.ts';
import { engagementScope } from '../../../lib/query-keys.ts';

export interface NewMember {
  email: string;
  role: Role;
}

/** Gives an existing user a role in the engagement. */
export function addMember(engagementId: string, member: NewMember): Promise<Member> {
  return apiRequest<Member>(`/engagements/${segment(engagementId)}/members`, {
    method: 'POST',
    body: member,
  });
}

export function useAddMember(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (member: NewMember) => addMember(engagementId, member),
    meta: { errorsShownInForm: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: engagementScope(engagementId) }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { engagementScope } from '../../../lib/query-keys.ts';

/** Takes a user out of the engagement; their account and other engagements are untouched. */
export function removeMember(engagementId: string, userId: string): Promise<void> {
  return apiRequest<void>(`/engagements/${segment(engagementId)}/members/${segment(userId)}`, {
    method: 'DELETE',
  });
}

export function useRemoveMember(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(engagementId, userId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: engagementScope(engagementId) }),
  });
}

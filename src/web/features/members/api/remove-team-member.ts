import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { engagementScope } from '../../../lib/query-keys.ts';

export function removeTeamMember(engagementId: string, teamId: string, userId: string): Promise<void> {
  const path = `/engagements/${segment(engagementId)}/teams/${segment(teamId)}/members/${segment(userId)}`;
  return apiRequest<void>(path, { method: 'DELETE' });
}

export function useRemoveTeamMember(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ teamId, userId }: { teamId: string; userId: string }) =>
      removeTeamMember(engagementId, teamId, userId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: engagementScope(engagementId) }),
  });
}

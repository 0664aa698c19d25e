import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { engagementScope } from '../../../lib/query-keys.ts';

export function deleteTeam(engagementId: string, teamId: string): Promise<void> {
  return apiRequest<void>(`/engagements/${segment(engagementId)}/teams/${segment(teamId)}`, {
    method: 'DELETE',
  });
}

export function useDeleteTeam(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (teamId: string) => deleteTeam(engagementId, teamId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: engagementScope(engagementId) }),
  });
}

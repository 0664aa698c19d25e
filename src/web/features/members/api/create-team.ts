import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Party, Team } from '../../../lib/api-types.ts';
import { engagementScope } from '../../../lib/query-keys.ts';

export interface NewTeam {
  name: string;
  party: Party;
  description?: string;
}

export function createTeam(engagementId: string, team: NewTeam): Promise<Team> {
  return apiRequest<Team>(`/engagements/${segment(engagementId)}/teams`, { method: 'POST', body: team });
}

export function useCreateTeam(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (team: NewTeam) => createTeam(engagementId, team),
    meta: { errorsShownInForm: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: engagementScope(engagementId) }),
  });
}

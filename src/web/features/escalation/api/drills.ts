import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { useEngagementEvents } from '../../../lib/engagement-events.ts';
import { drillsKey, escalationScope } from './escalation-keys.ts';
import type { Drill } from './escalation-types.ts';

const base = (engagementId: string) => `/engagements/${segment(engagementId)}`;

export function useDrills(engagementId: string, enabled = true) {
  return useQuery({
    queryKey: [...drillsKey(engagementId), 'list'],
    queryFn: async ({ signal }) =>
      (await apiRequest<{ items: Drill[] }>(`${base(engagementId)}/drills`, { signal })).items,
    enabled,
  });
}

export function useDrill(engagementId: string, drillId: string | null) {
  return useQuery({
    queryKey: [...drillsKey(engagementId), 'one', drillId],
    queryFn: ({ signal }) =>
      apiRequest<Drill>(`${base(engagementId)}/drills/${segment(drillId ?? '')}`, { signal }),
    enabled: drillId !== null,
    // A running drill pages level after level; follow it while it is on screen.
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 10_000 : false),
  });
}

/** Starts a drill of the policy: every level pages for real, marked as a drill; no incident opens. */
export function useRunDrill(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policyId: string) =>
      apiRequest<Drill>(`${base(engagementId)}/escalation-policies/${segment(policyId)}/drills`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: drillsKey(engagementId) }),
  });
}

/** The caller acknowledges their own page of the drill. */
export function useAcknowledgeDrill(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (drillId: string) =>
      apiRequest<Drill>(`${base(engagementId)}/drills/${segment(drillId)}/acknowledge`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: drillsKey(engagementId) }),
  });
}

/**
 * Drill pages arrive as page events, and policies change under the editor: refresh what is on
 * screen when either happens.
 */
export function useEscalationEvents(engagementId: string) {
  const queryClient = useQueryClient();
  useEngagementEvents(
    [engagementId],
    ['page.created', 'drill.updated', 'escalation_policy.updated', 'escalation_policy.deleted'],
    () => void queryClient.invalidateQueries({ queryKey: escalationScope(engagementId) }),
  );
}

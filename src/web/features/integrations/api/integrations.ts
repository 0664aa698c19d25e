import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { useEngagementEvents } from '../../../lib/engagement-events.ts';
import { engagementScope } from '../../../lib/query-keys.ts';
import type {
  FieldMapping,
  Integration,
  IntegrationDefaults,
  IntegrationDetail,
  IntegrationWithKey,
  NewIntegration,
} from './integration-types.ts';

export function integrationsScope(engagementId: string) {
  return [...engagementScope(engagementId), 'integrations'] as const;
}

const path = (engagementId: string) => `/engagements/${segment(engagementId)}/integrations`;

export function useIntegrations(engagementId: string) {
  return useQuery({
    queryKey: [...integrationsScope(engagementId), 'list'],
    queryFn: async ({ signal }) =>
      (await apiRequest<{ items: Integration[] }>(path(engagementId), { signal })).items,
  });
}

/** One integration with its snippets and the last events received, rejected ones included. */
export function useIntegration(engagementId: string, integrationId: string) {
  return useQuery({
    queryKey: [...integrationsScope(engagementId), 'one', integrationId],
    queryFn: ({ signal }) =>
      apiRequest<IntegrationDetail>(`${path(engagementId)}/${segment(integrationId)}`, { signal }),
    // A rejected event makes no alert and so no live event: look again now and then.
    refetchInterval: 15_000,
  });
}

export function useCreateIntegration(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (integration: NewIntegration) =>
      apiRequest<IntegrationWithKey>(path(engagementId), { method: 'POST', body: integration }),
    meta: { errorsShownInForm: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: integrationsScope(engagementId) }),
  });
}

export interface IntegrationChanges {
  name?: string;
  /** Replaces the defaults whole. */
  defaults?: IntegrationDefaults;
  /** generic_json only. */
  mapping?: FieldMapping;
  ratePerMinute?: number;
  disabled?: boolean;
}

export function useUpdateIntegration(engagementId: string, integrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: IntegrationChanges) =>
      apiRequest<Integration>(`${path(engagementId)}/${segment(integrationId)}`, {
        method: 'PATCH',
        body: changes,
      }),
    meta: { errorsShownInForm: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: integrationsScope(engagementId) }),
  });
}

/** A new key at once; the old one stops working the same moment. */
export function useRotateKey(engagementId: string, integrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<IntegrationWithKey>(`${path(engagementId)}/${segment(integrationId)}/rotate-key`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: integrationsScope(engagementId) }),
  });
}

/** Events arriving make alerts and tickets; refresh the integration pages on either. */
export function useIntegrationEvents(engagementId: string) {
  const queryClient = useQueryClient();
  useEngagementEvents(
    [engagementId],
    ['alert.created', 'alert.updated', 'ticket.created', 'integration.updated'],
    () => {
      void queryClient.invalidateQueries({ queryKey: integrationsScope(engagementId) });
    },
  );
}

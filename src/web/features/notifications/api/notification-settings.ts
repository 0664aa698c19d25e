import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';

/** The caller's own notification settings (`/me/contact-methods`, `/me/notification-rules`). */
export const notificationsKey = ['me', 'notifications'] as const;

export type ContactMethodType = 'email' | 'webhook';
export type WebhookFormat = 'slack' | 'teams' | 'standard';

export interface ContactMethod {
  id: string;
  type: ContactMethodType;
  address: string;
  format: WebhookFormat | null;
  label: string;
  createdAt: string;
}

/** The create answer: a webhook's signing secret, the only time it is sent. */
export interface CreatedContactMethod extends ContactMethod {
  secret?: string;
}

export interface NewContactMethod {
  type: ContactMethodType;
  address: string;
  format?: WebhookFormat;
  label?: string;
}

export interface NotificationRule {
  contactMethodId: string;
  /** Minutes after being paged; 0 is at once. */
  delayMinutes: number;
}

export interface TestOutcome {
  outcome: 'sent' | 'failed';
  error: string | null;
  at: string;
}

export function contactMethodsQueryOptions() {
  return queryOptions({
    queryKey: [...notificationsKey, 'methods'],
    queryFn: async ({ signal }) =>
      (await apiRequest<{ items: ContactMethod[] }>('/me/contact-methods', { signal })).items,
  });
}

export function useContactMethods() {
  return useQuery(contactMethodsQueryOptions());
}

export function useNotificationRules() {
  return useQuery({
    queryKey: [...notificationsKey, 'rules'],
    queryFn: async ({ signal }) =>
      (await apiRequest<{ rules: NotificationRule[] }>('/me/notification-rules', { signal })).rules,
  });
}

export function useAddContactMethod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (method: NewContactMethod) =>
      apiRequest<CreatedContactMethod>('/me/contact-methods', { method: 'POST', body: method }),
    meta: { errorsShownInForm: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

/** Removes the method and the rules that use it. */
export function useRemoveContactMethod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/me/contact-methods/${segment(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useTestContactMethod() {
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<TestOutcome>(`/me/contact-methods/${segment(id)}/test`, { method: 'POST' }),
  });
}

export function useSaveRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: NotificationRule[]) =>
      apiRequest<{ rules: NotificationRule[] }>('/me/notification-rules', { method: 'PUT', body: { rules } }),
    meta: { errorsShownInForm: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

/**
 * The shapes of the integrations API (`/integrations`), written by hand from
 * src/modules/integrations/schema.ts until the OpenAPI types are generated.
 */

export const INTEGRATION_TYPES = [
  'pagerduty_v2',
  'alertmanager',
  'grafana',
  'generic_json',
  'email',
] as const;
export type IntegrationType = (typeof INTEGRATION_TYPES)[number] | 'tandem';

export const TYPE_LABELS: Record<IntegrationType, string> = {
  pagerduty_v2: 'PagerDuty Events API v2',
  alertmanager: 'Prometheus Alertmanager',
  grafana: 'Grafana alerting',
  generic_json: 'Generic JSON webhook',
  email: 'E-mail',
  tandem: 'Tandem itself',
};

export type Severity = 'critical' | 'error' | 'warning' | 'info';
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'error', 'warning', 'info'];
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';

export interface IntegrationDefaults {
  functionKey?: string | null;
  track?: 'operations' | 'security';
  security?: boolean;
  severityPriority?: Record<Severity, Priority>;
  escalationPolicyId?: string | null;
  grouping?: { by: ('source' | 'component' | 'function')[]; windowMinutes: number };
}

export type FieldMapping = Partial<
  Record<'summary' | 'severity' | 'dedupKey' | 'source' | 'functionKey' | 'track' | 'action', string>
>;

export interface Integration {
  id: string;
  name: string;
  type: IntegrationType;
  /** The key's last characters. */
  keyHint: string;
  defaults: IntegrationDefaults;
  mapping: FieldMapping | null;
  ratePerMinute: number;
  emailAddress: string | null;
  ingestUrl: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The create and rotate answers: the only times the key is sent. */
export interface IntegrationWithKey extends Integration {
  key: string;
}

export type EventOutcome = 'accepted' | 'deduplicated' | 'dropped' | 'rejected';

export interface IntegrationEvent {
  id: string;
  receivedAt: string;
  action: string;
  dedupKey: string | null;
  outcome: EventOutcome;
  reason: string | null;
  alertId: string | null;
}

export interface IntegrationDetail extends Integration {
  snippets: { curl: string; alertmanager?: string; grafana?: string };
  recentEvents: IntegrationEvent[];
}

export interface NewIntegration {
  name: string;
  type: Exclude<IntegrationType, 'tandem'>;
  defaults?: IntegrationDefaults;
  mapping?: FieldMapping;
  ratePerMinute?: number;
}

import type { Selectable } from 'kysely';
import type { AlertStatus } from '../../domain/alerts/lifecycle.ts';
import type { Severity } from '../../domain/alerts/signal.ts';

export type IntegrationType =
  | 'pagerduty_v2'
  | 'alertmanager'
  | 'grafana'
  | 'generic_json'
  | 'email'
  | 'tandem';
export type EventOutcome = 'accepted' | 'deduplicated' | 'dropped';

/** A source of alerts in one engagement; its key authenticates the ingest routes. */
export interface IntegrationsTable {
  engagement_id: string;
  id: string;
  name: string;
  type: IntegrationType;
  /** SHA-256 of the key; the key itself is shown once. */
  key_hash: string;
  /** The key's last characters, to tell keys apart. */
  key_hint: string;
  email_token: string | null;
  /** JSON: IntegrationDefaults. */
  defaults: string;
  /** JSON: FieldMapping (generic_json only). */
  mapping: string | null;
  rate_per_minute: number;
  disabled: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One alert per (integration, dedup key) at a time; a trigger after a resolve opens a new one. */
export interface AlertsTable {
  engagement_id: string;
  id: string;
  integration_id: string;
  dedup_key: string;
  status: AlertStatus;
  summary: string;
  severity: Severity;
  source: string;
  component: string | null;
  alert_group: string | null;
  class: string | null;
  custom_details: string;
  links: string;
  images: string;
  function_key: string | null;
  track: string;
  incident_id: string | null;
  event_count: number;
  flapping: number;
  episode: string | null;
  first_at: string;
  last_at: string;
  acknowledged_at: string | null;
  resolved_at: string | null;
}

/** Every event an integration sent that was understood, with what came of it. */
export interface AlertEventsTable {
  engagement_id: string;
  id: string;
  integration_id: string;
  alert_id: string | null;
  received_at: string;
  action: string;
  dedup_key: string | null;
  outcome: EventOutcome;
  reason: string | null;
  idempotency_key: string | null;
  episode: string | null;
  payload: string;
}

/** An event refused as invalid (the last 100 per integration). */
export interface IntegrationRejectionsTable {
  engagement_id: string;
  id: string;
  integration_id: string;
  received_at: string;
  /** JSON array of PagerDuty-style error strings. */
  errors: string;
  payload: string;
}

/** The tables this module owns, merged into the Database type. */
export interface AlertsModuleTables {
  integrations: IntegrationsTable;
  alerts: AlertsTable;
  alert_events: AlertEventsTable;
  integration_rejections: IntegrationRejectionsTable;
}

export type IntegrationRow = Selectable<IntegrationsTable>;
export type AlertRow = Selectable<AlertsTable>;
export type AlertEventRow = Selectable<AlertEventsTable>;

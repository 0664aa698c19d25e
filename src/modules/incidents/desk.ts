import type { Track } from '../../domain/oncall/schedule.ts';
import type { Principal } from '../../platform/access/actor.ts';
import type { Party } from '../../platform/access/roles.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { TicketPriority } from '../tickets/tables.ts';

export type AlertSeverity = 'critical' | 'error' | 'warning' | 'info';

/** What the alerts pipeline hands over when a new alert starts an incident. */
export interface OpenIncident {
  readonly engagementId: string;
  readonly title: string;
  readonly description: string;
  readonly priority: TicketPriority;
  readonly severity: AlertSeverity;
  readonly track: Track;
  readonly functionKey: string | null;
  readonly integration: {
    readonly id: string;
    readonly name: string;
    readonly escalationPolicyId: string | null;
  };
  readonly alert: {
    readonly id: string;
    readonly dedupKey: string;
    readonly source: string;
    readonly summary: string;
  };
  readonly at: Date;
}

/** An alert event the incident's timeline shows (joined, re-triggered, acknowledged, resolved). */
export interface AlertNote {
  readonly engagementId: string;
  readonly incidentId: string;
  readonly alertId: string;
  readonly kind:
    | 'alert_joined'
    | 'alert_retriggered'
    | 'alert_acknowledged'
    | 'alert_resolved'
    | 'alert_flapping';
  readonly summary: string;
  readonly source: string;
  readonly at: Date;
}

/**
 * The incidents module as the alerts pipeline sees it. Every call runs in the caller's
 * transaction, so the alert and its incident change together or not at all.
 */
export interface IncidentDesk {
  /** Opens an incident ticket for a new alert, picks its escalation policy and starts it. */
  openIncident(trx: Trx, request: OpenIncident): Promise<{ readonly incidentId: string }>;
  noteAlert(trx: Trx, note: AlertNote): Promise<void>;
  /** Every open alert of the incident was acknowledged by its source: acknowledge, stop paging. */
  alertsAcknowledged(trx: Trx, engagementId: string, incidentId: string, at: Date): Promise<void>;
  /** The incident's last open alert resolved: resolve it unless a person has taken it over. */
  alertsResolved(trx: Trx, engagementId: string, incidentId: string, at: Date): Promise<void>;
  /** Whether the incident can still take alerts (not resolved or closed). */
  isOpen(trx: Trx, engagementId: string, incidentId: string): Promise<boolean>;
}

/** What an e-mail link (or any other channel outside the API) may do to a page. */
export interface IncidentResponder {
  /** Acknowledges the incident, or for a drill the page, as `actor`. 404 when not theirs. */
  acknowledgePage(actor: Principal, engagementId: string, pageId: string): Promise<PageOutcome>;
  resolvePage(actor: Principal, engagementId: string, pageId: string): Promise<PageOutcome>;
}

export interface PageOutcome {
  readonly incidentId: string | null;
  readonly label: string;
  readonly status: string;
}

/** A delivery attempt of a page, for the incident's timeline (or the drill's record). */
export interface DeliveryReport {
  readonly engagementId: string;
  readonly pageId: string;
  readonly channel: 'email' | 'webhook' | 'in_app';
  readonly target: string;
  readonly outcome: 'sent' | 'failed' | 'retrying';
  readonly error?: string;
  readonly at: Date;
}

export interface DeliveryLog {
  record(trx: Trx, report: DeliveryReport): Promise<void>;
}

export type { Party };

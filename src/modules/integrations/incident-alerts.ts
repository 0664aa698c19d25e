import type { Db, Trx } from '../../platform/db/database.ts';

/** The alerts of an incident, as the incidents module acts on them. */
export interface IncidentAlerts {
  /** A person acknowledged the incident: its open alerts become acknowledged. */
  acknowledgeAll(trx: Trx, engagementId: string, incidentId: string, at: Date): Promise<void>;
  /** A person resolved the incident: its open alerts resolve (later triggers open new alerts). */
  resolveAll(trx: Trx, engagementId: string, incidentId: string, at: Date): Promise<void>;
  /**
   * Raises an alert from Tandem itself (an escalation that stopped moving, a page that could
   * not be delivered) under the engagement's built-in "Tandem" integration, so it is paged
   * and seen like any other alert.
   */
  raiseSystemAlert(trx: Trx, alert: SystemAlert): Promise<void>;
  /** Alerts per incident, for the ticket JSON's alertCount. */
  countByIncident(
    db: Db,
    engagementId: readonly string[],
    incidentIds: readonly string[],
  ): Promise<Map<string, number>>;
}

export interface SystemAlert {
  readonly engagementId: string;
  /** e.g. `escalation-stalled:<escalationId>`; a repeat re-triggers the same alert. */
  readonly dedupKey: string;
  readonly summary: string;
  readonly severity: 'critical' | 'error' | 'warning' | 'info';
  readonly customDetails?: Record<string, unknown>;
  readonly at: Date;
}

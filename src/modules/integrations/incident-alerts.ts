import type { Db, Trx } from '../../platform/db/database.ts';

/** The alerts of an incident, as the incidents module acts on them. */
export interface IncidentAlerts {
  /** A person acknowledged the incident: its open alerts become acknowledged. */
  acknowledgeAll(trx: Trx, engagementId: string, incidentId: string, at: Date): Promise<void>;
  /** A person resolved the incident: its open alerts resolve (later triggers open new alerts). */
  resolveAll(trx: Trx, engagementId: string, incidentId: string, at: Date): Promise<void>;
  /** Alerts per incident, for the ticket JSON's alertCount. */
  countByIncident(
    db: Db,
    engagementId: readonly string[],
    incidentIds: readonly string[],
  ): Promise<Map<string, number>>;
}

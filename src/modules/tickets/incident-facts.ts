import type { Db } from '../../platform/db/database.ts';

/** What an incident ticket shows beyond a ticket: its alerts and where its escalation is. */
export interface IncidentFact {
  readonly alertCount: number;
  readonly escalation: {
    readonly policyId: string | null;
    readonly level: number;
    readonly nextAt: string | null;
  } | null;
}

/** Read by the ticket service for incident tickets; the incidents module provides it. */
export interface IncidentFacts {
  of(
    db: Db,
    engagementIds: readonly string[],
    ticketIds: readonly string[],
  ): Promise<Map<string, IncidentFact>>;
}

export const NO_INCIDENT_FACTS: IncidentFacts = { of: async () => new Map() };

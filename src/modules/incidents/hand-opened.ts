import type { Db, Trx } from '../../platform/db/database.ts';
import { emptyChecklist } from './checklist.ts';
import type { AlertSeverity } from './desk.ts';
import { NO_ROLES } from './incident-desk.ts';
import * as store from './store.ts';
import type { IncidentsTable } from './tables.ts';

const SEVERITY_OF_PRIORITY: Readonly<Record<string, AlertSeverity>> = {
  P1: 'critical',
  P2: 'error',
  P3: 'warning',
  P4: 'info',
};

/**
 * The incident record of a ticket of kind incident. One opened by an alert has its row; one a
 * person opened by hand (or turned into an incident) gets a record from the ticket itself —
 * severity from priority, the security track for security monitoring — so it can be worked
 * like any other: read without writing, written the first time someone responds.
 */
export async function incidentRecordOf(db: Db, engagementId: string, ticketId: string, at: Date) {
  const row = await store.findIncident(db, engagementId, ticketId);
  if (row) return { row, stored: true };
  const ticket = await db
    .selectFrom('tickets')
    .select(['kind', 'priority', 'function_key', 'created_at'])
    .where('engagement_id', '=', engagementId)
    .where('id', '=', ticketId)
    .executeTakeFirst();
  if (ticket?.kind !== 'incident') return undefined;
  const security = ticket.function_key === 'security-monitoring';
  const record: IncidentsTable = {
    engagement_id: engagementId,
    ticket_id: ticketId,
    severity: SEVERITY_OF_PRIORITY[ticket.priority] ?? 'error',
    track: security ? 'security' : 'operations',
    security: security ? 1 : 0,
    // A person opened it: alerts never resolve it.
    taken_over: 1,
    integration_id: null,
    route_reasons: JSON.stringify([]),
    roles: JSON.stringify(NO_ROLES),
    checklist: security ? JSON.stringify(emptyChecklist()) : null,
    created_at: ticket.created_at,
    updated_at: at.toISOString(),
  };
  return { row: record, stored: false };
}

/** The incident record, stored first if it was only derived from its ticket. */
export async function storedIncidentOf(trx: Trx, engagementId: string, ticketId: string, at: Date) {
  const found = await incidentRecordOf(trx, engagementId, ticketId, at);
  if (found && !found.stored) await store.insertIncident(trx, found.row);
  return found?.row;
}

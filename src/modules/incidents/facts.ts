import type { Db } from '../../platform/db/database.ts';
import type { IncidentAlerts } from '../integrations/incident-alerts.ts';
import type { IncidentFact, IncidentFacts } from '../tickets/incident-facts.ts';
import * as store from './store.ts';

/** What an incident ticket shows beyond a ticket: its alert count and where its escalation is. */
export function createIncidentFacts(alerts: () => IncidentAlerts): IncidentFacts {
  return {
    async of(db: Db, engagementIds: readonly string[], ticketIds: readonly string[]) {
      const [escalations, counts] = await Promise.all([
        store.escalationsOfTickets(db, engagementIds, ticketIds),
        ticketIds.length > 0
          ? alerts().countByIncident(db, engagementIds, ticketIds)
          : new Map<string, number>(),
      ]);
      const facts = new Map<string, IncidentFact>();
      for (const [ticketId, alertCount] of counts) facts.set(ticketId, { alertCount, escalation: null });
      for (const esc of escalations) {
        if (!esc.ticket_id) continue;
        facts.set(esc.ticket_id, {
          alertCount: counts.get(esc.ticket_id) ?? 0,
          escalation: {
            policyId: esc.policy_id,
            level: esc.level,
            nextAt: esc.state === 'running' ? esc.next_at : null,
          },
        });
      }
      return facts;
    },
  };
}

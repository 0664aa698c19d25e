import type { Ticket } from '../../../lib/api-types.ts';

/** Where an incident stands, as responders say it. */
export type IncidentState = 'triggered' | 'acknowledged' | 'resolved';

export const STATE_LABELS: Record<IncidentState, string> = {
  triggered: 'Triggered',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

export const STATE_COLORS: Record<IncidentState, string> = {
  triggered: 'red',
  acknowledged: 'yellow',
  resolved: 'green',
};

/**
 * From the ticket: done when resolved or closed; triggered while still new or while its
 * escalation is still counting towards the next level; otherwise somebody has it.
 */
export function incidentState(ticket: Pick<Ticket, 'status' | 'escalation'>): IncidentState {
  if (ticket.status === 'resolved' || ticket.status === 'closed') return 'resolved';
  if (ticket.status === 'new' || ticket.escalation?.nextAt) return 'triggered';
  return 'acknowledged';
}

import { engagementScope } from '../../../lib/query-keys.ts';

/** Every SLA, calendar and clock query of one engagement sits under this key. */
export function slaScope(engagementId: string) {
  return [...engagementScope(engagementId), 'sla'] as const;
}

export function calendarsKey(engagementId: string) {
  return [...slaScope(engagementId), 'calendars'] as const;
}

export function policiesKey(engagementId: string) {
  return [...slaScope(engagementId), 'policies'] as const;
}

/** A ticket's clocks with their ledgers. */
export function ticketSlaKey(engagementId: string, ticketId: string) {
  return [...slaScope(engagementId), 'ticket', ticketId] as const;
}

export function atRiskKey(engagementId: string, query?: object) {
  return query === undefined
    ? ([...slaScope(engagementId), 'at-risk'] as const)
    : ([...slaScope(engagementId), 'at-risk', query] as const);
}

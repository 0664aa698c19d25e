import { engagementScope } from '../../../lib/query-keys.ts';

/** Every incident query of one engagement sits under this key. */
export function incidentsScope(engagementId: string) {
  return [...engagementScope(engagementId), 'incidents'] as const;
}

/** The board's lists: open incidents and the recently resolved. */
export function incidentListKey(engagementId: string, part?: 'open' | 'resolved') {
  return part === undefined
    ? ([...incidentsScope(engagementId), 'list'] as const)
    : ([...incidentsScope(engagementId), 'list', part] as const);
}

/** One incident's detail and its alerts. */
export function incidentKey(engagementId: string, ticketId: string) {
  return [...incidentsScope(engagementId), 'one', ticketId] as const;
}

/** The board across every engagement of provider staff. */
export const incidentBoardAllKey = ['incident-board'] as const;

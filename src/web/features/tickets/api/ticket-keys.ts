import type { TicketQuery } from '../../../lib/api-types.ts';
import { engagementScope, ticketQueueKey } from '../../../lib/query-keys.ts';

/** Every ticket query of one engagement sits under this key. */
export function ticketsScope(engagementId: string) {
  return [...engagementScope(engagementId), 'tickets'] as const;
}

export function ticketListKey(engagementId: string, query?: TicketQuery) {
  return query === undefined
    ? ([...ticketsScope(engagementId), 'list'] as const)
    : ([...ticketsScope(engagementId), 'list', query] as const);
}

/** One ticket, with its comments, activity and attachments below it. */
export function ticketKey(engagementId: string, ticketId: string) {
  return [...ticketsScope(engagementId), 'one', ticketId] as const;
}

export function ticketQueueListKey(query?: TicketQuery) {
  return query === undefined ? ticketQueueKey : ([...ticketQueueKey, query] as const);
}

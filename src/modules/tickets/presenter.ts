import { allowedNextStatuses, whoseMove } from '../../domain/tickets/status.ts';
import type { SlaClock } from '../sla/clock-schema.ts';
import type { IncidentFact } from './incident-facts.ts';
import type { Comment, Ticket } from './schema.ts';
import type { TicketListRow } from './store.ts';
import type { CommentRow } from './tables.ts';

/** What a caller sees of a ticket; `canUpdate` decides which status moves are offered. */
export function toTicket(
  row: TicketListRow,
  extras: {
    tags: readonly string[];
    watcherIds: readonly string[];
    slaClocks: readonly SlaClock[];
    incident?: IncidentFact;
  },
  canUpdate: boolean,
): Ticket {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    number: `${row.ticket_prefix}-${row.number}`,
    title: row.title,
    description: row.description,
    kind: row.kind,
    priority: row.priority,
    status: row.status,
    ownerParty: row.owner_party,
    whoseMove: whoseMove(row.status, row.owner_party),
    teamId: row.team_id,
    assigneeId: row.assignee_id,
    requesterId: row.requester_id,
    functionKey: row.function_key,
    tags: [...extras.tags],
    watcherIds: [...extras.watcherIds],
    dueAt: row.due_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    allowedStatuses: canUpdate ? [...allowedNextStatuses(row.status)] : [],
    slaClocks: [...extras.slaClocks],
    alertCount: extras.incident?.alertCount ?? 0,
    escalation: extras.incident?.escalation ? { ...extras.incident.escalation } : null,
  };
}

/** Only ever called with comments the store already filtered to the reader's visibility. */
export function toComment(row: CommentRow & { author_name: string }): Comment {
  return {
    id: row.id,
    body: row.body,
    visibility: row.visibility,
    authorId: row.author_id,
    authorName: row.author_name,
    authorParty: row.author_party,
    createdAt: row.created_at,
  };
}

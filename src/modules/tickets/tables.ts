import type { Generated, Selectable } from 'kysely';
import type { TicketStatus } from '../../domain/tickets/status.ts';
import type { Party } from '../../platform/access/roles.ts';

export type TicketKind = 'incident' | 'request' | 'problem' | 'change' | 'info_request' | 'task';
export type TicketPriority = 'P1' | 'P2' | 'P3' | 'P4';
/** Who may read a comment or timeline entry. */
export type Visibility = 'shared' | 'provider_only' | 'internal_only';

export interface TicketCountersTable {
  engagement_id: string;
  /** The last human number handed out; numbers are never reused. */
  last_number: number;
}

export interface TicketsTable {
  engagement_id: string;
  id: string;
  number: number;
  title: string;
  description: string;
  kind: TicketKind;
  priority: TicketPriority;
  status: TicketStatus;
  owner_party: Party;
  team_id: string | null;
  assignee_id: string | null;
  requester_id: string | null;
  function_key: string | null;
  due_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
}

export interface TicketTagsTable {
  engagement_id: string;
  ticket_id: string;
  tag: string;
}

export interface TicketWatchersTable {
  engagement_id: string;
  ticket_id: string;
  user_id: string;
}

export interface TicketCommentsTable {
  engagement_id: string;
  id: string;
  ticket_id: string;
  author_id: string;
  author_party: Party;
  body: string;
  visibility: Visibility;
  created_at: string;
}

export interface TicketActivityTable {
  engagement_id: string;
  id: string;
  ticket_id: string;
  at: string;
  actor_id: string | null;
  party: Party | null;
  /** created, status_changed, updated, commented, watched … */
  kind: string;
  visibility: Visibility;
  /** JSON text: what changed. */
  data: string;
}

/**
 * The search index: one document per source — a ticket's title and description (shared), or
 * one comment with its own visibility. PostgreSQL also holds a generated `search` tsvector.
 */
export interface TicketSearchTable {
  doc_id: Generated<number>;
  engagement_id: string;
  ticket_id: string;
  /** The ticket id for its title and description, or the comment id. */
  source_id: string;
  visibility: Visibility;
  title: string;
  body: string;
}

export type TicketRow = Selectable<TicketsTable>;
export type CommentRow = Selectable<TicketCommentsTable>;
export type ActivityRow = Selectable<TicketActivityTable>;

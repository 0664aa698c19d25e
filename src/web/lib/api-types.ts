/**
 * The shapes of the Tandem HTTP API (`/api/v1`) that the web app reads and writes.
 * Written by hand from the platform API contract; once the server publishes `/openapi.json`
 * this file is the one to replace with generated types.
 */

import type { SlaClock } from './sla-types.ts';

/** The two sides of an engagement. */
export type Party = 'internal' | 'provider';

/** A role in one engagement, from most to least powerful. */
export type Role = 'admin' | 'manager' | 'agent' | 'analyst' | 'viewer' | 'requester';

export const ROLES: readonly Role[] = ['admin', 'manager', 'agent', 'analyst', 'viewer', 'requester'];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  manager: 'Manager',
  agent: 'Agent',
  analyst: 'Analyst',
  viewer: 'Viewer',
  requester: 'Requester',
};

export const PARTY_LABELS: Record<Party, string> = { internal: 'Internal', provider: 'Provider' };

/** A user's standing in their own organization; admins manage its users. */
export type OrgRole = 'admin' | 'member';

export const ORG_ROLE_LABELS: Record<OrgRole, string> = { admin: 'Admin', member: 'Member' };

/** The MSP running this installation, or a client company. */
export type OrganizationKind = 'provider' | 'client';

/** A short reference to an organization. */
export interface OrganizationRef {
  id: string;
  slug: string;
  name: string;
}

/** The signed-in user (`GET /me`). */
export interface Me {
  id: string;
  email: string;
  name: string;
  orgRole: OrgRole;
  organization: OrganizationRef & { kind: OrganizationKind };
  memberships: {
    engagementId: string;
    engagementSlug: string;
    engagementName: string;
    role: Role;
    party: Party;
  }[];
}

/** An engagement the caller belongs to (`GET /engagements`). */
export interface EngagementSummary {
  id: string;
  slug: string;
  name: string;
  /** Prefix of human ticket numbers, e.g. LOGI in LOGI-42. */
  ticketPrefix: string;
  clientOrganization: OrganizationRef;
  providerOrganization: OrganizationRef;
  /** The caller's role in this engagement. */
  role: Role;
  /** The party the caller acts for in this engagement. */
  party: Party;
  createdAt: string;
}

/** One engagement with its parties, sizes and what the caller may do (`GET /engagements/{id}`). */
export interface EngagementDetail extends EngagementSummary {
  parties: { kind: Party; organization: OrganizationRef }[];
  memberCount: number;
  teamCount: number;
  /** Actions the caller may take here, e.g. `member.manage`, `team.manage`, `audit.read`. */
  allowedActions: string[];
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  party: Party;
  disabled: boolean;
  teams: { id: string; name: string }[];
}

export interface Team {
  id: string;
  name: string;
  party: Party;
  description: string | null;
  members: { userId: string; name: string }[];
}

export interface ApiToken {
  id: string;
  name: string;
  /** Caps the token's role; null means the owner's role in each engagement. */
  role: Role | null;
  /** Engagements the token may reach; null or empty means every engagement of its owner. */
  engagementIds: string[] | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to creating a token: the only time its secret is ever sent. */
export interface CreatedApiToken {
  id: string;
  token: string;
  name: string;
  role: Role | null;
  engagementIds: string[] | null;
  createdAt: string;
}

/** An organization the caller can see (`GET /organizations`): all for provider admins, else their own. */
export interface Organization extends OrganizationRef {
  kind: OrganizationKind;
  createdAt: string;
}

/** A user account, as organization admins see it (`GET /users`). */
export interface User {
  id: string;
  email: string;
  name: string;
  organization: OrganizationRef;
  orgRole: OrgRole;
  /** A disabled user cannot log in; their sessions and tokens stop working. */
  disabled: boolean;
  createdAt: string;
}

export interface AuditEvent {
  seq: number;
  at: string;
  /** null: Tandem itself. */
  actor: { id: string; name: string } | null;
  /** Done with an API token rather than a browser session. */
  viaToken: boolean;
  party: Party | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  /** Link in the engagement's hash chain. */
  hash: string;
}

/** A list answer; `nextCursor` is present on cursor-paginated lists. */
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export const TICKET_KINDS = ['incident', 'request', 'problem', 'change', 'info_request', 'task'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

export const TICKET_PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_STATUSES = [
  'new',
  'triaged',
  'in_progress',
  'waiting_on_internal',
  'waiting_on_provider',
  'waiting_on_requester',
  'resolved',
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses where work is still going on; "All open" shows these. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter(
  (status) => status !== 'resolved' && status !== 'closed',
);

export const TICKET_VIEWS = [
  'assigned_to_me',
  'our_move',
  'their_move',
  'unassigned',
  'recently_updated',
] as const;
export type TicketView = (typeof TICKET_VIEWS)[number];

export const TICKET_SORTS = ['updated_desc', 'created_desc', 'priority'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

/** Who may read a comment: both parties, or one party's private channel. */
export type CommentVisibility = 'shared' | 'provider_only' | 'internal_only';

/** Whose move it is: a party, the requester, or nobody once the work is done. */
export type WhoseMove = Party | 'requester' | null;

export interface Ticket {
  id: string;
  engagementId: string;
  /** The human number, e.g. LOGI-42. */
  number: string;
  title: string;
  /** Markdown. */
  description: string;
  kind: TicketKind;
  priority: TicketPriority;
  status: TicketStatus;
  ownerParty: Party;
  whoseMove: WhoseMove;
  teamId: string | null;
  assigneeId: string | null;
  requesterId: string | null;
  functionKey: string | null;
  tags: string[];
  /** Users who follow the ticket. */
  watcherIds: string[];
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Statuses the caller may move the ticket to now. */
  allowedStatuses: TicketStatus[];
  /** The current clock of each party and kind. */
  slaClocks: SlaClock[];
  /** Incidents: how many alerts joined it (0 for other kinds). */
  alertCount?: number;
  /** Incidents: where the escalation stands; `nextAt` is null once acknowledged or ended. */
  escalation?: TicketEscalation | null;
}

/** An incident's escalation as the ticket carries it; `level` is 1-based. */
export interface TicketEscalation {
  policyId: string | null;
  level: number;
  nextAt: string | null;
}

/** Filters of a ticket list (`GET …/tickets`); arrays mean "any of". */
export interface TicketQuery {
  q?: string | undefined;
  status?: TicketStatus[] | undefined;
  kind?: TicketKind[] | undefined;
  priority?: TicketPriority[] | undefined;
  ownerParty?: Party | undefined;
  teamId?: string | undefined;
  /** A user id, "me" or "none". */
  assigneeId?: string | undefined;
  /** A user id or "me". */
  requesterId?: string | undefined;
  /** Tickets carrying all these tags. */
  tag?: string[] | undefined;
  view?: TicketView | undefined;
  sort?: TicketSort | undefined;
  /** One queue only: narrow to these engagements. */
  engagementId?: string[] | undefined;
}

export interface NewTicket {
  title: string;
  description?: string;
  kind?: TicketKind;
  priority?: TicketPriority;
  ownerParty?: Party;
  teamId?: string | null;
  assigneeId?: string | null;
  requesterId?: string | null;
  functionKey?: string | null;
  tags?: string[];
  dueAt?: string | null;
}

export interface TicketChanges {
  title?: string;
  description?: string;
  kind?: TicketKind;
  priority?: TicketPriority;
  status?: TicketStatus;
  ownerParty?: Party;
  teamId?: string | null;
  assigneeId?: string | null;
  functionKey?: string | null;
  tags?: string[];
  dueAt?: string | null;
}

export interface TicketComment {
  id: string;
  /** Markdown source. */
  body: string;
  visibility: CommentVisibility;
  authorId: string;
  authorName: string;
  authorParty: Party;
  createdAt: string;
}

/** One entry of a ticket's timeline (`GET …/activity`). */
export interface TicketActivity {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  party: Party | null;
  /** created, status_changed, updated, commented. */
  kind: string;
  visibility: CommentVisibility;
  /** What changed: `{field: {from, to}}`, or the comment id. */
  data: unknown;
}

/** A personal saved view: a name for a set of list filters. */
export interface SavedView {
  id: string;
  name: string;
  /** null: the one queue across engagements. */
  engagementId: string | null;
  query: TicketQuery;
}

export interface BulkTicketResult {
  /** The tickets changed (or already as asked). */
  updated: string[];
  failed: { id: string; detail: string }[];
}

export interface TicketAttachment {
  id: string;
  ticketId: string;
  /** The uploader's file name, sanitised; for display only. */
  fileName: string;
  contentType: string;
  /** Bytes. */
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedByName: string;
  createdAt: string;
}

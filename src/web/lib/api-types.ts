/**
 * The shapes of the Tandem HTTP API (`/api/v1`) that the web app reads and writes.
 * Written by hand from the platform API contract; once the server publishes `/openapi.json`
 * this file is the one to replace with generated types.
 */

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

import type { OrganizationKind, OrgRole, Party, Role } from './roles.ts';

/** A user's standing in one engagement, as loaded for this request. */
export interface EngagementStanding {
  readonly party: Party;
  readonly role: Role;
}

/**
 * Who is acting, loaded fresh on every request from the session or API token, so that a
 * disabled user or a removed role stops working at once.
 */
export interface Actor {
  readonly kind: 'user';
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly organizationId: string;
  readonly organizationKind: OrganizationKind;
  readonly orgRole: OrgRole;
  /** Set when the request came with an API token; its role narrows every membership. */
  readonly token: { readonly id: string; readonly role: Role | null } | null;
  /** Only the engagements this request may reach: a token's scope is already applied. */
  readonly engagements: ReadonlyMap<string, EngagementStanding>;
}

/** Work Tandem does by itself (timers, demo loading, migrations): audited as 'system'. */
export interface SystemActor {
  readonly kind: 'system';
  readonly name: string;
}

export type Principal = Actor | SystemActor;

export const SYSTEM: SystemActor = { kind: 'system', name: 'Tandem' };

/** The party of a staff member acting here; undefined for requesters, viewers and the system. */
export function staffParty(actor: Principal, engagementId: string): Party | undefined {
  if (actor.kind !== 'user') return undefined;
  const standing = actor.engagements.get(engagementId);
  if (!standing || standing.role === 'requester' || standing.role === 'viewer') return undefined;
  return standing.party;
}

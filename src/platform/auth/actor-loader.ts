import type { Actor, EngagementStanding } from '../access/actor.ts';
import type { Role } from '../access/roles.ts';
import type { Db } from '../db/database.ts';

export interface TokenScope {
  readonly id: string;
  readonly role: Role | null;
  /** null: every engagement the owner belongs to. */
  readonly engagementIds: readonly string[] | null;
}

/**
 * Loads the acting user with their memberships as they are now; null when the user is
 * disabled or gone. A token's engagement list narrows the memberships.
 */
export async function loadActor(db: Db, userId: string, token: TokenScope | null): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.org_role',
      'users.disabled_at',
      'users.organization_id',
      'organizations.kind as organization_kind',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled_at !== null) return null;
  const memberships = await db
    .selectFrom('memberships')
    .select(['engagement_id', 'party', 'role'])
    .where('user_id', '=', userId)
    .execute();
  const allowed = token?.engagementIds ? new Set(token.engagementIds) : null;
  const engagements = new Map<string, EngagementStanding>();
  for (const m of memberships) {
    if (!allowed || allowed.has(m.engagement_id))
      engagements.set(m.engagement_id, { party: m.party, role: m.role });
  }
  return {
    kind: 'user',
    userId: user.id,
    name: user.name,
    email: user.email,
    organizationId: user.organization_id,
    organizationKind: user.organization_kind,
    orgRole: user.org_role,
    token: token ? { id: token.id, role: token.role } : null,
    engagements,
  };
}

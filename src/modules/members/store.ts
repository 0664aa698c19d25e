import type { Db } from '../../platform/db/database.ts';
import type { MembershipsTable } from '../engagements/tables.ts';

/** Members of one engagement with the user fields a roster shows. */
function members(db: Db, engagementId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.user_id',
      'memberships.role',
      'memberships.party',
      'users.name',
      'users.email',
      'users.disabled_at',
    ])
    .where('memberships.engagement_id', '=', engagementId);
}

export function listMembers(db: Db, engagementId: string) {
  return members(db, engagementId).orderBy('users.name').execute();
}

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export function findMember(db: Db, engagementId: string, userId: string) {
  return members(db, engagementId).where('memberships.user_id', '=', userId).executeTakeFirst();
}

/** Team names per member of the engagement. */
export function teamsOfMembers(db: Db, engagementId: string) {
  return db
    .selectFrom('team_members')
    .innerJoin('teams', (join) =>
      join
        .onRef('teams.engagement_id', '=', 'team_members.engagement_id')
        .onRef('teams.id', '=', 'team_members.team_id'),
    )
    .select(['team_members.user_id', 'teams.id', 'teams.name'])
    .where('team_members.engagement_id', '=', engagementId)
    .orderBy('teams.name')
    .execute();
}

export async function insertMembership(db: Db, row: MembershipsTable): Promise<void> {
  await db.insertInto('memberships').values(row).execute();
}

export async function updateRole(
  db: Db,
  engagementId: string,
  userId: string,
  role: MembershipsTable['role'],
) {
  await db
    .updateTable('memberships')
    .set({ role })
    .where('engagement_id', '=', engagementId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteMembership(db: Db, engagementId: string, userId: string): Promise<void> {
  await db
    .deleteFrom('memberships')
    .where('engagement_id', '=', engagementId)
    .where('user_id', '=', userId)
    .execute();
}

export function partyOfOrganization(db: Db, engagementId: string, organizationId: string) {
  return db
    .selectFrom('parties')
    .select('kind')
    .where('engagement_id', '=', engagementId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

export async function countAdmins(db: Db, engagementId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('engagement_id', '=', engagementId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

import type { Db } from '../../platform/db/database.ts';
import type { TeamRow, TeamsTable } from '../engagements/tables.ts';

export function listTeams(db: Db, engagementId: string): Promise<TeamRow[]> {
  return db
    .selectFrom('teams')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .orderBy('party')
    .orderBy('name')
    .execute();
}

export function findTeam(db: Db, engagementId: string, teamId: string): Promise<TeamRow | undefined> {
  return db
    .selectFrom('teams')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('id', '=', teamId)
    .executeTakeFirst();
}

export function teamMembers(db: Db, engagementId: string) {
  return db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['team_members.team_id', 'team_members.user_id', 'users.name'])
    .where('team_members.engagement_id', '=', engagementId)
    .orderBy('users.name')
    .execute();
}

export async function insertTeam(db: Db, row: TeamsTable): Promise<void> {
  await db.insertInto('teams').values(row).execute();
}

export async function updateTeam(
  db: Db,
  engagementId: string,
  teamId: string,
  changes: Partial<Pick<TeamsTable, 'name' | 'description'>>,
) {
  await db
    .updateTable('teams')
    .set(changes)
    .where('engagement_id', '=', engagementId)
    .where('id', '=', teamId)
    .execute();
}

export async function deleteTeam(db: Db, engagementId: string, teamId: string): Promise<void> {
  await db.deleteFrom('teams').where('engagement_id', '=', engagementId).where('id', '=', teamId).execute();
}

export async function addTeamMember(
  db: Db,
  engagementId: string,
  teamId: string,
  userId: string,
): Promise<void> {
  await db
    .insertInto('team_members')
    .values({ engagement_id: engagementId, team_id: teamId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeTeamMember(
  db: Db,
  engagementId: string,
  teamId: string,
  userId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('team_members')
    .where('engagement_id', '=', engagementId)
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function membershipOf(db: Db, engagementId: string, userId: string) {
  return db
    .selectFrom('memberships')
    .select(['party'])
    .where('engagement_id', '=', engagementId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { EngagementsTable, PartiesTable } from './tables.ts';

function withOrganizations(db: Db) {
  return db
    .selectFrom('engagements')
    .innerJoin('organizations as client', 'client.id', 'engagements.client_organization_id')
    .innerJoin('organizations as provider', 'provider.id', 'engagements.provider_organization_id')
    .selectAll('engagements')
    .select([
      'client.slug as client_slug',
      'client.name as client_name',
      'provider.slug as provider_slug',
      'provider.name as provider_name',
    ]);
}

export type EngagementWithOrgs = Awaited<ReturnType<typeof findEngagement>> & {};

/** The engagements with these ids (the caller's), by name. */
export function listEngagements(db: Db, engagementIds: readonly string[]) {
  if (engagementIds.length === 0) return Promise.resolve([]);
  return withOrganizations(db)
    .where('engagements.id', 'in', engagementIds)
    .orderBy('engagements.name')
    .execute();
}

export function findEngagement(db: Db, engagementId: string) {
  return withOrganizations(db).where('engagements.id', '=', engagementId).executeTakeFirst();
}

export function findEngagementIdBySlug(db: Db, slug: string) {
  return db.selectFrom('engagements').select('id').where('slug', '=', slug).executeTakeFirst();
}

export async function insertEngagement(
  db: Db,
  row: EngagementsTable,
  parties: readonly PartiesTable[],
): Promise<void> {
  await db.insertInto('engagements').values(row).execute();
  await db
    .insertInto('parties')
    .values([...parties])
    .execute();
}

export async function countsOf(db: Db, engagementId: string): Promise<{ members: number; teams: number }> {
  const row = await db
    .selectNoFrom([
      sql<number>`(select count(*) from memberships where engagement_id = ${engagementId})`.as('members'),
      sql<number>`(select count(*) from teams where engagement_id = ${engagementId})`.as('teams'),
    ])
    .executeTakeFirstOrThrow();
  return { members: Number(row.members), teams: Number(row.teams) };
}

export function partiesOf(db: Db, engagementId: string) {
  return db
    .selectFrom('parties')
    .innerJoin('organizations', 'organizations.id', 'parties.organization_id')
    .select(['parties.kind', 'organizations.id', 'organizations.slug', 'organizations.name'])
    .where('parties.engagement_id', '=', engagementId)
    .orderBy('parties.kind')
    .execute();
}

import type { Db } from '../../platform/db/database.ts';
import type { MatrixSignaturesTable, MatrixVersionRow, MatrixVersionsTable } from './tables.ts';

export function draftOf(db: Db, engagementId: string): Promise<MatrixVersionRow | undefined> {
  return db
    .selectFrom('matrix_versions')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('number', 'is', null)
    .executeTakeFirst();
}

/** The version in effect: the highest number. */
export function effectiveOf(db: Db, engagementId: string): Promise<MatrixVersionRow | undefined> {
  return db
    .selectFrom('matrix_versions')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('number', 'is not', null)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function versionsOf(db: Db, engagementId: string): Promise<MatrixVersionRow[]> {
  return db
    .selectFrom('matrix_versions')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('number', 'is not', null)
    .orderBy('number', 'asc')
    .execute();
}

export async function insertVersion(db: Db, row: MatrixVersionsTable): Promise<void> {
  await db.insertInto('matrix_versions').values(row).execute();
}

export async function updateVersion(
  db: Db,
  engagementId: string,
  id: string,
  changes: Partial<MatrixVersionsTable>,
): Promise<void> {
  await db
    .updateTable('matrix_versions')
    .set(changes)
    .where('engagement_id', '=', engagementId)
    .where('id', '=', id)
    .execute();
}

export function signaturesOf(db: Db, engagementId: string, versionIds: readonly string[]) {
  if (versionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('matrix_signatures')
    .innerJoin('users', 'users.id', 'matrix_signatures.user_id')
    .selectAll('matrix_signatures')
    .select('users.name as user_name')
    .where('matrix_signatures.engagement_id', '=', engagementId)
    .where('matrix_signatures.version_id', 'in', versionIds)
    .orderBy('matrix_signatures.signed_at')
    .execute();
}

export async function replaceSignature(db: Db, row: MatrixSignaturesTable): Promise<void> {
  await db
    .deleteFrom('matrix_signatures')
    .where('engagement_id', '=', row.engagement_id)
    .where('version_id', '=', row.version_id)
    .where('party', '=', row.party)
    .execute();
  await db.insertInto('matrix_signatures').values(row).execute();
}

export async function clearSignatures(db: Db, engagementId: string, versionId: string): Promise<number> {
  const result = await db
    .deleteFrom('matrix_signatures')
    .where('engagement_id', '=', engagementId)
    .where('version_id', '=', versionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function nextNumber(db: Db, engagementId: string): Promise<number> {
  const row = await db
    .selectFrom('matrix_versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('engagement_id', '=', engagementId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

/** Ids of the engagement's teams, calendars and schedules, to check what a draft points at. */
export async function referenceIds(db: Db, engagementId: string) {
  const [teams, calendars, schedules] = await Promise.all([
    db
      .selectFrom('teams')
      .select(['id', 'party', 'name'])
      .where('engagement_id', '=', engagementId)
      .execute(),
    db.selectFrom('calendars').select('id').where('engagement_id', '=', engagementId).execute(),
    db.selectFrom('schedules').select(['id', 'track']).where('engagement_id', '=', engagementId).execute(),
  ]);
  return {
    teams: new Map(teams.map((t) => [t.id, t.party])),
    teamNames: new Map(teams.map((t) => [t.id, t.name])),
    calendars: new Set(calendars.map((c) => c.id)),
    schedules: new Map(schedules.map((s) => [s.id, s.track])),
  };
}

export async function deleteVersion(db: Db, engagementId: string, id: string): Promise<void> {
  await db
    .deleteFrom('matrix_versions')
    .where('engagement_id', '=', engagementId)
    .where('id', '=', id)
    .execute();
}

import type { Db } from '../../platform/db/database.ts';
import type { ScheduleOverridesTable, ScheduleRow, SchedulesTable, TimeOffTable } from './tables.ts';

export function listSchedules(db: Db, engagementId: string): Promise<ScheduleRow[]> {
  return db
    .selectFrom('schedules')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .orderBy('name')
    .execute();
}

export function findSchedule(db: Db, engagementId: string, id: string) {
  return db
    .selectFrom('schedules')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertSchedule(db: Db, row: SchedulesTable): Promise<void> {
  await db.insertInto('schedules').values(row).execute();
}

export async function updateSchedule(
  db: Db,
  engagementId: string,
  id: string,
  changes: Partial<SchedulesTable>,
) {
  await db
    .updateTable('schedules')
    .set(changes)
    .where('engagement_id', '=', engagementId)
    .where('id', '=', id)
    .execute();
}

/** Overrides of a schedule overlapping [from, to). */
export function overridesOf(db: Db, engagementId: string, scheduleId: string, from: string, to: string) {
  return db
    .selectFrom('schedule_overrides')
    .innerJoin('users', 'users.id', 'schedule_overrides.user_id')
    .selectAll('schedule_overrides')
    .select('users.name as user_name')
    .where('schedule_overrides.engagement_id', '=', engagementId)
    .where('schedule_overrides.schedule_id', '=', scheduleId)
    .where('schedule_overrides.starts_at', '<', to)
    .where('schedule_overrides.ends_at', '>', from)
    .orderBy('schedule_overrides.starts_at')
    .execute();
}

export async function insertOverride(db: Db, row: ScheduleOverridesTable): Promise<void> {
  await db.insertInto('schedule_overrides').values(row).execute();
}

export async function deleteOverride(db: Db, engagementId: string, scheduleId: string, id: string) {
  const result = await db
    .deleteFrom('schedule_overrides')
    .where('engagement_id', '=', engagementId)
    .where('schedule_id', '=', scheduleId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Time off of the engagement's people overlapping [from, to). */
export function timeOffOf(db: Db, engagementId: string, from: string, to: string) {
  return db
    .selectFrom('time_off')
    .innerJoin('users', 'users.id', 'time_off.user_id')
    .selectAll('time_off')
    .select('users.name as user_name')
    .where('time_off.engagement_id', '=', engagementId)
    .where('time_off.starts_at', '<', to)
    .where('time_off.ends_at', '>', from)
    .orderBy('time_off.starts_at')
    .execute();
}

export async function insertTimeOff(db: Db, row: TimeOffTable): Promise<void> {
  await db.insertInto('time_off').values(row).execute();
}

export async function deleteTimeOff(db: Db, engagementId: string, id: string) {
  const row = await db
    .deleteFrom('time_off')
    .where('engagement_id', '=', engagementId)
    .where('id', '=', id)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

export function findTimeOff(db: Db, engagementId: string, id: string) {
  return db
    .selectFrom('time_off')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Staff of the engagement with their party, for checking who may be in a rotation. */
export function staffOf(db: Db, engagementId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.user_id', 'memberships.party', 'memberships.role', 'users.name'])
    .where('memberships.engagement_id', '=', engagementId)
    .execute();
}

export function namesOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
}

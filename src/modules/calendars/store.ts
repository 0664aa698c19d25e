import type { Db } from '../../platform/db/database.ts';
import type { CalendarRow, CalendarsTable } from './tables.ts';

export function listCalendars(db: Db, engagementId: string): Promise<CalendarRow[]> {
  return db
    .selectFrom('calendars')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function findCalendar(
  db: Db,
  engagementId: string,
  calendarId: string,
): Promise<CalendarRow | undefined> {
  return db
    .selectFrom('calendars')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('id', '=', calendarId)
    .executeTakeFirst();
}

/** Names of the engagement's calendars among `ids`; ids of other engagements are simply absent. */
export async function calendarNames(
  db: Db,
  engagementId: string,
  ids: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('calendars')
    .select(['id', 'name'])
    .where('engagement_id', '=', engagementId)
    .where('id', 'in', [...ids])
    .execute();
}

export async function insertCalendar(db: Db, row: CalendarsTable): Promise<void> {
  await db.insertInto('calendars').values(row).execute();
}

export async function updateCalendar(
  db: Db,
  engagementId: string,
  calendarId: string,
  changes: Pick<CalendarsTable, 'name' | 'time_zone' | 'hours' | 'holidays' | 'updated_at'>,
): Promise<void> {
  await db
    .updateTable('calendars')
    .set(changes)
    .where('engagement_id', '=', engagementId)
    .where('id', '=', calendarId)
    .execute();
}

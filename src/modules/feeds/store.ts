import type { Db } from '../../platform/db/database.ts';
import type { CalendarFeedsTable } from '../schedules/tables.ts';

export async function insertFeed(db: Db, row: CalendarFeedsTable): Promise<void> {
  await db.insertInto('calendar_feeds').values(row).execute();
}

/** A live feed by its token's hash, with its owner's membership still in place. */
export function liveFeed(db: Db, tokenHash: string) {
  return db
    .selectFrom('calendar_feeds')
    .innerJoin('memberships', (join) =>
      join
        .onRef('memberships.engagement_id', '=', 'calendar_feeds.engagement_id')
        .onRef('memberships.user_id', '=', 'calendar_feeds.user_id'),
    )
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .selectAll('calendar_feeds')
    .select(['memberships.role'])
    .where('calendar_feeds.token_hash', '=', tokenHash)
    .where('calendar_feeds.revoked_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
}

export function feedsOf(db: Db, engagementId: string, userId: string) {
  return db
    .selectFrom('calendar_feeds')
    .leftJoin('schedules', (join) =>
      join
        .onRef('schedules.engagement_id', '=', 'calendar_feeds.engagement_id')
        .onRef('schedules.id', '=', 'calendar_feeds.schedule_id'),
    )
    .selectAll('calendar_feeds')
    .select('schedules.name as schedule_name')
    .where('calendar_feeds.engagement_id', '=', engagementId)
    .where('calendar_feeds.user_id', '=', userId)
    .where('calendar_feeds.revoked_at', 'is', null)
    .orderBy('calendar_feeds.created_at')
    .execute();
}

export async function revokeFeed(db: Db, engagementId: string, userId: string, id: string, at: string) {
  const result = await db
    .updateTable('calendar_feeds')
    .set({ revoked_at: at })
    .where('engagement_id', '=', engagementId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

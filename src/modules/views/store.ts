import type { Db } from '../../platform/db/database.ts';
import type { SavedViewsTable } from './tables.ts';

/** A person's views; never anyone else's. */
export function listViews(db: Db, userId: string) {
  return db
    .selectFrom('saved_views')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function countViews(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('saved_views')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findViewByName(db: Db, userId: string, name: string) {
  return db
    .selectFrom('saved_views')
    .select('id')
    .where('user_id', '=', userId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertView(db: Db, row: SavedViewsTable): Promise<void> {
  await db.insertInto('saved_views').values(row).execute();
}

/** True when the view existed and was the user's. */
export async function deleteView(db: Db, userId: string, viewId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('saved_views')
    .where('user_id', '=', userId)
    .where('id', '=', viewId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../platform/access/actor.ts';
import { conflictOnDuplicate } from '../../platform/db/unique.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import type { CreateViewBody, SavedView } from './schema.ts';
import * as store from './store.ts';
import type { SavedViewRow } from './tables.ts';

export type ViewService = ReturnType<typeof createViewService>;

/** Enough for any sidebar; a bound so one account cannot grow the table without limit. */
export const MAX_VIEWS_PER_USER = 100;

/**
 * Saved personal views: named ticket queries, each its owner's alone. They hold no engagement
 * data, only a query; the ticket list applies access when the view is opened.
 */
export function createViewService({ db, now }: Pick<PlatformDeps, 'db' | 'now'>) {
  async function listViews(actor: Actor): Promise<SavedView[]> {
    const rows = await store.listViews(db, actor.userId);
    // A view of an engagement the caller has left (or a token does not reach) is not shown.
    return rows
      .filter((row) => row.engagement_id === null || actor.engagements.has(row.engagement_id))
      .map(toView);
  }

  async function createView(actor: Actor, body: CreateViewBody): Promise<SavedView> {
    const engagementId = body.engagementId ?? null;
    if (engagementId !== null && !actor.engagements.has(engagementId)) {
      throw new Invalid('A view can only be narrowed to one of your engagements.', [
        { path: '/engagementId', message: 'is not one of your engagements' },
      ]);
    }
    const name = body.name.trim();
    if (name === '') throw new Invalid('Name the view.', [{ path: '/name', message: 'is blank' }]);
    if (await store.findViewByName(db, actor.userId, name)) {
      throw new Conflict(`You already have a view named “${name}”.`);
    }
    if ((await store.countViews(db, actor.userId)) >= MAX_VIEWS_PER_USER) {
      throw new Conflict(`You have ${MAX_VIEWS_PER_USER} views; delete one to save another.`);
    }
    const row: SavedViewRow = {
      id: uuidv7(),
      user_id: actor.userId,
      engagement_id: engagementId,
      name,
      query: JSON.stringify(body.query),
      created_at: now().toISOString(),
    };
    // The check above gives the common case its message; the constraint settles a race.
    await store.insertView(db, row).catch(conflictOnDuplicate(`You already have a view named “${name}”.`));
    return toView(row);
  }

  async function deleteView(actor: Actor, viewId: string): Promise<void> {
    if (!(await store.deleteView(db, actor.userId, viewId))) throw new NotFound();
  }

  return { listViews, createView, deleteView };
}

function toView(row: SavedViewRow): SavedView {
  return {
    id: row.id,
    name: row.name,
    engagementId: row.engagement_id,
    query: JSON.parse(row.query) as SavedView['query'],
    createdAt: row.created_at,
  };
}

import type { Principal } from '../../platform/access/actor.ts';
import { can } from '../../platform/access/policy.ts';
import type { Db } from '../../platform/db/database.ts';
import { Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import * as store from './store.ts';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 400;

export async function scheduleOrThrow(db: Db, engagementId: string, scheduleId: string) {
  const row = await store.findSchedule(db, engagementId, scheduleId);
  if (!row) throw new NotFound();
  return row;
}

/** Your own time off is yours to enter; someone else's needs a manager. */
export function mayManagePerson(actor: Principal, engagementId: string, userId: string) {
  if (actor.kind === 'user' && actor.userId !== userId && !can(actor, 'schedule.manage', engagementId)) {
    throw new Forbidden('You can enter your own time off; a manager enters it for others.');
  }
}

export function spanOf(body: { start: string; end: string }) {
  const start = new Date(body.start);
  const end = new Date(body.end);
  if (!(end > start))
    throw new Invalid('The span must end after it starts.', [
      { path: '/end', message: 'is not after start' },
    ]);
  return { start, end };
}

/** A requested range: by default the week from now. */
export function rangeOf(range: { from?: string; to?: string }, now: Date) {
  const from = range.from ? new Date(range.from) : now;
  const to = range.to ? new Date(range.to) : new Date(from.getTime() + 7 * DAY_MS);
  if (!(to > from))
    throw new Invalid('`to` must be after `from`.', [{ path: 'query:/to', message: 'is not after from' }]);
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new Invalid(`Ask for at most ${MAX_RANGE_DAYS} days at a time.`, [
      { path: 'query:/to', message: 'is too far from from' },
    ]);
  }
  return { from, to };
}

import type { Principal } from '../../platform/access/actor.ts';
import { can } from '../../platform/access/policy.ts';
import type { Party } from '../../platform/access/roles.ts';
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

/**
 * Each party runs its own rotas: only its staff change them (an engagement admin runs both).
 * Seeing the other party's schedule is fine; editing it is not.
 */
export function mayChangePartyOf(actor: Principal, engagementId: string, party: Party) {
  if (actor.kind !== 'user') return;
  const standing = actor.engagements.get(engagementId);
  if (standing?.role === 'admin' || standing?.party === party) return;
  throw new Forbidden(`The ${party} team runs this schedule; ask them to change it.`);
}

/** Your own time off is yours to enter; someone else's needs a manager of their party. */
export function mayManagePerson(actor: Principal, engagementId: string, userId: string, party: Party) {
  if (actor.kind !== 'user' || actor.userId === userId) return;
  if (!can(actor, 'schedule.manage', engagementId)) {
    throw new Forbidden('You can enter your own time off; a manager enters it for others.');
  }
  mayChangePartyOf(actor, engagementId, party);
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

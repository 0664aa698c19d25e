import { conflictingFreeze, freezeConflictMessage, type Interval } from '../../domain/changes/freeze.ts';
import type { Trx } from '../../platform/db/database.ts';
import { Conflict, type FieldError, Invalid } from '../../platform/errors.ts';
import type { ChangeListRow } from './store.ts';
import * as store from './store.ts';

/** A change window as stored: both ends ISO UTC, or both null. */
export interface StoredWindow {
  readonly start: string | null;
  readonly end: string | null;
}

/** Both ends or neither, the end after the start; normalized to ISO UTC so they compare as text. */
export function windowOf(start: string | null, end: string | null): StoredWindow {
  const errors: FieldError[] = [];
  if (start === null && end !== null)
    errors.push({ path: '/windowStart', message: 'is required with windowEnd' });
  if (end === null && start !== null)
    errors.push({ path: '/windowEnd', message: 'is required with windowStart' });
  if (errors.length) throw new Invalid('A change window needs both a start and an end.', errors);
  if (start === null || end === null) return { start: null, end: null };
  if (!(Date.parse(start) < Date.parse(end))) {
    throw new Invalid('The change window must end after it starts.', [
      { path: '/windowEnd', message: 'is not after windowStart' },
    ]);
  }
  return { start: iso(start), end: iso(end) };
}

export function iso(instant: string): string {
  return new Date(instant).toISOString();
}

/**
 * A window that overlaps a freeze is refused, except for an emergency change, which goes
 * ahead; the override is returned so it can be put on the timeline.
 */
export async function checkFreeze(trx: Trx, change: ChangeListRow, window: StoredWindow) {
  if (window.start === null || window.end === null) {
    throw new Invalid('Set the change window before scheduling the change.', [
      { path: '/windowStart', message: 'is required to schedule' },
      { path: '/windowEnd', message: 'is required to schedule' },
    ]);
  }
  const span: Interval = { start: new Date(window.start), end: new Date(window.end) };
  const freezes = (
    await store.listFreezeWindows(trx, change.engagement_id, { from: window.start, to: window.end })
  ).map((f) => ({ id: f.id, name: f.name, start: new Date(f.starts_at), end: new Date(f.ends_at) }));
  const freeze = conflictingFreeze(span, freezes);
  if (!freeze) return undefined;
  const detail = freezeConflictMessage(span, freeze);
  if (change.type !== 'emergency') throw new Conflict(detail);
  return {
    id: freeze.id,
    name: freeze.name,
    detail: `Emergency change scheduled during a freeze. ${detail}`,
  };
}

/**
 * Time off, per person: their away spans joined into sorted, non-overlapping pairs, so "is she
 * away at t" is a binary search and cutting her away time out of a turn is a short walk.
 */

import type { TimeOff } from './schedule.ts';
import { lastAtOrBefore } from './shift-lists.ts';

export interface Absences {
  isAway(userId: string, instant: number): boolean;
  /** The parts of [start, end) the person is not away, as flat [start, end) pairs. */
  presentWithin(userId: string, start: number, end: number): number[];
}

export function absencesOf(timeOff: readonly TimeOff[]): Absences {
  const byUser = new Map<string, { starts: number[]; ends: number[] }>();
  const sorted = [...timeOff].sort((a, b) => a.start.getTime() - b.start.getTime());
  for (const { userId, start, end } of sorted) {
    let away = byUser.get(userId);
    if (!away) {
      away = { starts: [], ends: [] };
      byUser.set(userId, away);
    }
    const last = away.ends.length - 1;
    // Overlapping or touching time off is one absence.
    if (last >= 0 && start.getTime() <= away.ends[last]!) {
      away.ends[last] = Math.max(away.ends[last]!, end.getTime());
    } else {
      away.starts.push(start.getTime());
      away.ends.push(end.getTime());
    }
  }
  return {
    isAway(userId, instant) {
      const away = byUser.get(userId);
      if (!away) return false;
      const i = lastAtOrBefore(away.starts, instant);
      return i >= 0 && instant < away.ends[i]!;
    },
    presentWithin(userId, start, end) {
      const away = byUser.get(userId);
      if (!away) return [start, end];
      const present: number[] = [];
      let cursor = start;
      for (let i = Math.max(0, lastAtOrBefore(away.starts, start)); i < away.starts.length; i += 1) {
        if (away.starts[i]! >= end) break;
        if (away.starts[i]! > cursor) present.push(cursor, away.starts[i]!);
        cursor = Math.max(cursor, away.ends[i]!);
      }
      if (cursor < end) present.push(cursor, end);
      return present;
    },
  };
}

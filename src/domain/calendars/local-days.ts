/**
 * Turns one local date of a calendar into instants: when its wall clock reads 00:00 and 24:00,
 * and its open intervals as [from, to) epoch-ms pairs. The rule for wall times that a DST change
 * skips or repeats lives here: a wall time maps to the first instant whose wall clock reads at
 * least that time. A skipped time therefore lands on the first instant after the gap, a repeated
 * one on its first occurrence.
 */
import { IANAZone } from 'luxon';
import { MINUTES_PER_DAY, weekdayIndexOf } from './spec.ts';

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Offsets lie within −12h…+14h, so a wall time's instant is less than this from its face value. */
const OFFSET_REACH_MS = 15 * 3_600_000;

/** One local date: [start, end) is the date itself, `spans` its open time as flat [from, to) pairs. */
export interface OpenDay {
  readonly start: number;
  readonly end: number;
  readonly spans: readonly number[];
}

/** Opening hours as [from, to) minutes after midnight for each weekday, mon first. */
export type WeeklyMinutes = readonly (readonly (readonly [number, number])[])[];

/** The local dates of one calendar, numbered as days since 1970-01-01 in local time. */
export interface LocalDays {
  /** The local date the wall clock shows at `instant` (a hint: DST edges are settled by OpenDay). */
  dayOf(instant: number): number;
  openDay(day: number): OpenDay;
}

export function localDays(zoneName: string, week: WeeklyMinutes, holidays: ReadonlySet<number>): LocalDays {
  const zone = IANAZone.create(zoneName);
  // Luxon gives minutes; historic zones have odd seconds, so round to whole ms.
  const offsetAt = (instant: number) => Math.round(zone.offset(instant) * MINUTE_MS);
  // A zone lookup costs microseconds (Intl), so each is made once and shared by neighbouring dates.
  const leadIns = new Map<number, number>();
  const offsetLeadingInto = (day: number) => {
    let offset = leadIns.get(day);
    if (offset === undefined) {
      offset = offsetAt(day * DAY_MS - OFFSET_REACH_MS);
      leadIns.set(day, offset);
    }
    return offset;
  };
  return {
    dayOf: (instant) => Math.floor((instant + offsetAt(instant)) / DAY_MS),
    openDay(day) {
      // Every instant of this date and its end lies between these two soundings (see OFFSET_REACH_MS).
      const instantOf = wallClock(offsetAt, offsetLeadingInto(day), offsetLeadingInto(day + 3));
      const midnight = day * DAY_MS;
      const start = instantOf(midnight);
      const end = instantOf(midnight + DAY_MS);
      const spans: number[] = [];
      if (holidays.has(day)) return { start, end, spans };
      for (const [from, to] of week[weekdayIndexOf(day)] ?? []) {
        const opens = instantOf(midnight + from * MINUTE_MS);
        const closes = to === MINUTES_PER_DAY ? end : instantOf(midnight + to * MINUTE_MS);
        // An interval wholly inside a skipped hour has no instants at all.
        if (closes > opens) spans.push(opens, closes);
      }
      return { start, end, spans };
    },
  };
}

type OffsetAt = (instant: number) => number;

/**
 * Resolves wall times (as ms since 1970-01-01 on the wall clock) given the offsets before and
 * after a window of about three days. Assumes the zone changes offset at most once in that
 * window: since 1990 no zone has changed twice within a week.
 */
function wallClock(offsetAt: OffsetAt, before: number, after: number): (wall: number) => number {
  // Most days: one offset throughout, and no further zone lookups.
  if (before === after) return (wall) => wall - before;
  return (wall) => instantOfWall(offsetAt, wall, before, after);
}

/** The first instant whose wall clock reads at least `wall`, across one change from `before` to `after`. */
function instantOfWall(offsetAt: OffsetAt, wall: number, before: number, after: number): number {
  const onBefore = wall - before;
  const onAfter = wall - after;
  const readsOnBefore = offsetAt(onBefore) === before;
  const readsOnAfter = offsetAt(onAfter) === after;
  if (readsOnBefore && readsOnAfter) return Math.min(onBefore, onAfter); // repeated: first occurrence
  if (readsOnBefore) return onBefore;
  if (readsOnAfter) return onAfter;
  return changeInstant(offsetAt, after, Math.min(onBefore, onAfter), Math.max(onBefore, onAfter));
}

/** The instant the zone moves to offset `after`, between `early` (old offset) and `late` (new). */
function changeInstant(offsetAt: OffsetAt, after: number, early: number, late: number): number {
  let lo = early;
  let hi = late;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

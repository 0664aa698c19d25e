/**
 * Business calendars and business-time arithmetic: when is a calendar open, how much open time
 * lies between two instants, and when has a budget of open time been used up. Pure: every
 * instant is an argument; nothing reads the clock.
 *
 * The rules:
 * - Intervals are half-open [from, to) in the local wall time of the calendar's zone on that
 *   local date; "24:00" means the next local midnight. A holiday closes the whole local date.
 * - DST: a wall time that does not exist (spring forward) maps to the first instant after the
 *   gap; an ambiguous one (fall back) to its first occurrence. So 00:00–24:00 is 23 hours on a
 *   23-hour day and 25 on a 25-hour day, and a 24×7 calendar in ANY zone measures exactly
 *   elapsed time.
 * - addBusinessMs(start, 0) returns start unchanged. For ms > 0 the result is the earliest
 *   instant at which exactly `ms` business time has elapsed since `start`: inside an open
 *   interval or exactly at an interval's end (17:00 when the budget runs out at close), never
 *   strictly inside closed time. Instants are whole ms, so a fractional budget is rounded up
 *   to the next whole ms (float noise under a microsecond is ignored).
 * - Negative or non-finite budgets and invalid dates are RangeErrors, as is searching 10 years
 *   on without finding open time (only possible with a decade of holidays), or reckoning across
 *   more than a century.
 *
 * Compiling a calendar builds, lazily and once per local date, its open spans as epoch-ms pairs
 * with a running total of open ms (see open-time-index.ts), so measuring is O(1) after warm-up.
 */
import { checkCalendar } from './check.ts';
import { localDays } from './local-days.ts';
import { OpenTimeIndex } from './open-time-index.ts';
import { type CalendarSpec, dayNumberOfDate, minutesOfClockTime, WEEKDAYS } from './spec.ts';

export { type CalendarProblem, checkCalendar } from './check.ts';
export { type CalendarSpec, type OpenInterval, TWENTY_FOUR_SEVEN, WEEKDAYS, type Weekday } from './spec.ts';

const MINUTE_MS = 60_000;
/** Below this a budget's fraction of a ms is float noise from converting minutes, not time. */
const FLOAT_NOISE_MS = 1e-3;

export interface BusinessCalendar {
  readonly spec: CalendarSpec;
  /** The instant `ms` business milliseconds after `start`. */
  addBusinessMs(start: Date, ms: number): Date;
  /** Business ms from `a` to `b`; negative of (b, a) when b < a. */
  businessMsBetween(a: Date, b: Date): number;
  /** The instant `minutes` business minutes after `start`. */
  addBusinessTime(start: Date, minutes: number): Date;
  /** Business minutes from `a` to `b`, exact (may be fractional). */
  businessMinutesBetween(a: Date, b: Date): number;
  isOpen(at: Date): boolean;
  /** `at` itself when open, else the next instant the calendar opens. */
  nextOpen(at: Date): Date;
  /** The open spans of [from, to), in order, clipped to the range (adjacent spans are not merged). */
  openSpansBetween(from: Date, to: Date): { start: Date; end: Date }[];
}

/** Validates (throws RangeError naming the first problem) and returns a calendar that memoises per-day open spans. */
export function compileCalendar(spec: CalendarSpec): BusinessCalendar {
  const [problem] = checkCalendar(spec);
  if (problem) throw new RangeError(`Invalid calendar: ${problem.path} ${problem.message}.`);
  const week = WEEKDAYS.map((day) =>
    spec.hours[day].map(
      ([from, to]) => [minutesOfClockTime(from, false)!, minutesOfClockTime(to, true)!] as const,
    ),
  );
  const holidays = new Set(spec.holidays.map((date) => dayNumberOfDate(date)!));
  const index = new OpenTimeIndex(localDays(spec.timeZone, week, holidays));

  const addBusinessMs = (start: Date, ms: number): Date => {
    const from = instantOf(start, 'start');
    const whole = Math.ceil(budgetOf(ms, 'ms') - FLOAT_NOISE_MS);
    return whole <= 0 ? start : new Date(index.reach(from, whole));
  };
  const businessMsBetween = (a: Date, b: Date): number => {
    const from = index.openMsUpTo(instantOf(a, 'a'));
    return index.openMsUpTo(instantOf(b, 'b')) - from;
  };
  return {
    spec,
    addBusinessMs,
    businessMsBetween,
    addBusinessTime: (start, minutes) => addBusinessMs(start, budgetOf(minutes, 'minutes') * MINUTE_MS),
    businessMinutesBetween: (a, b) => businessMsBetween(a, b) / MINUTE_MS,
    isOpen: (at) => index.isOpen(instantOf(at, 'at')),
    openSpansBetween: (from, to) => {
      const pairs = index.spansWithin(instantOf(from, 'from'), instantOf(to, 'to'));
      const spans: { start: Date; end: Date }[] = [];
      for (let k = 0; k < pairs.length; k += 2)
        spans.push({ start: new Date(pairs[k]!), end: new Date(pairs[k + 1]!) });
      return spans;
    },
    nextOpen: (at) => {
      const next = index.nextOpen(instantOf(at, 'at'));
      return next === at.getTime() ? at : new Date(next);
    },
  };
}

/** The instant `minutes` business minutes after `start`, on a spec or a compiled calendar. */
export function addBusinessTime(
  calendar: CalendarSpec | BusinessCalendar,
  start: Date,
  minutes: number,
): Date {
  return compiled(calendar).addBusinessTime(start, minutes);
}

/** Business minutes from `a` to `b`, on a spec or a compiled calendar. */
export function businessMinutesBetween(calendar: CalendarSpec | BusinessCalendar, a: Date, b: Date): number {
  return compiled(calendar).businessMinutesBetween(a, b);
}

// Keyed by the spec object, so a caller passing the same spec again reuses its warmed-up index.
const compiledSpecs = new WeakMap<CalendarSpec, BusinessCalendar>();

function compiled(calendar: CalendarSpec | BusinessCalendar): BusinessCalendar {
  if ('addBusinessMs' in calendar) return calendar;
  let found = compiledSpecs.get(calendar);
  if (!found) {
    found = compileCalendar(calendar);
    compiledSpecs.set(calendar, found);
  }
  return found;
}

function instantOf(date: Date, name: string): number {
  const instant = date.getTime();
  if (Number.isNaN(instant)) throw new RangeError(`${name} must be a valid date.`);
  return instant;
}

function budgetOf(amount: number, unit: 'ms' | 'minutes'): number {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`Business time must be a finite, non-negative number of ${unit}; got ${amount}.`);
  }
  return amount;
}

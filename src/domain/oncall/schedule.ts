/**
 * On-call schedules: layers of rotations, restrictions, overrides and time off, resolved to
 * "who is on call at t" and to shift lists. Pure: every function takes the instants it works on.
 *
 * The wall-clock rules (each layer reads its times in its own zone, else the schedule's):
 * - Rotation. Turns start at the layer's `start`, a local "YYYY-MM-DDTHH:MM". User i has turns
 *   i, i+n, i+2n…; before `start` the layer has nobody. Hour turns are fixed elapsed time. Day and
 *   week turns follow the local calendar: a 09:00 handoff stays at 09:00 local across DST, so a
 *   1-week turn over a fall-back change lasts 169 hours and over a spring-forward 167.
 * - DST. A handoff (or restriction edge) whose local time does not exist that day happens at the
 *   first instant after the gap (02:30 on a spring-forward Sunday in New York is 03:00 EDT); an
 *   ambiguous one at its first occurrence. The same rule as business calendars, from the same code.
 *   A `start` that does not exist is refused: the person meant a time the clock never shows.
 * - Restrictions. Weekly windows {days, from, to}; the layer puts its current user on call only
 *   inside one of them (several are a union; none means always). `from > to` runs past midnight
 *   into the next day (Fri 17:00–09:00 covers Fri 17:00 → Sat 09:00); `to` "24:00" is the next
 *   midnight. Restricting does not shift the rotation: a handoff inside closed time still happens.
 * - Holidays. A layer `offOnHolidays` has nobody on the schedule's holiday dates, read as whole
 *   local dates in the layer's zone (so the part of an overnight window after midnight is off too).
 * - Time off removes that person's time from every layer for the span; lower layers show through.
 * - Layers. A later layer wins wherever it has someone on call; where it has nobody, the layer
 *   below shows. With nobody in any layer the span is a gap.
 * - Overrides win over everything, time off included, for their span. Where overrides overlap the
 *   latest-starting wins (a later entry breaks a tie); when it ends, one it covered resumes.
 * - Spans are half-open [start, end): a shift ending at 09:00 and one starting at 09:00 touch.
 *
 * Compile once (compileSchedule) and reuse: layers memoise their local days and handoffs, so a
 * lookup costs a binary search over the flattened overrides plus a few arithmetic steps per layer.
 */
import type { Weekday } from '../calendars/calendar.ts';

/** Each schedule serves one track; security (the SOC) and operations (on-call) never merge. */
export const TRACKS = ['security', 'operations'] as const;
export type Track = (typeof TRACKS)[number];

/** A window of the week a layer is limited to, in the layer's zone. `to` may be "24:00"; `from > to` runs past midnight. */
export interface Restriction {
  readonly days: readonly Weekday[];
  readonly from: string;
  readonly to: string;
}

export interface Turn {
  readonly unit: 'hours' | 'days' | 'weeks';
  readonly length: number;
}

export interface Layer {
  readonly name: string;
  /** Local wall time in the layer's zone, "YYYY-MM-DDTHH:MM": the first handoff. */
  readonly start: string;
  readonly turn: Turn;
  /** In rotation order; the first user has the first turn. */
  readonly users: readonly string[];
  readonly restrictions?: readonly Restriction[];
  /** Defaults to the schedule's zone; a follow-the-sun layer names its own. */
  readonly timeZone?: string;
  /** Off on the schedule's holidays (local dates in the layer's zone). */
  readonly offOnHolidays?: boolean;
}

/** A person covers a span for whoever would be on call: overrides beat every layer. */
export interface Override {
  readonly userId: string;
  readonly start: Date;
  readonly end: Date;
}

/** A person is away: their turns in every layer are empty for the span (lower layers show). */
export interface TimeOff {
  readonly userId: string;
  readonly start: Date;
  readonly end: Date;
}

export interface ScheduleSpec {
  readonly timeZone: string;
  /** Bottom first: a later layer wins wherever it has someone on call. */
  readonly layers: readonly Layer[];
  readonly overrides: readonly Override[];
  readonly timeOff: readonly TimeOff[];
  /** 'YYYY-MM-DD' dates, typically from a business calendar. */
  readonly holidays: readonly string[];
}

/** One person on call for a span: half-open [start, end). */
export interface Shift {
  readonly userId: string;
  readonly start: Date;
  readonly end: Date;
}

export { checkSchedule, type ScheduleProblem } from './check.ts';
export {
  type CompiledSchedule,
  compileSchedule,
  finalShifts,
  gapsIn,
  layerShifts,
  onCallAt,
  personalShifts,
} from './resolve.ts';

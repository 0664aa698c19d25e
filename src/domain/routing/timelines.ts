/**
 * What coverage needs to know about calendars and schedules, and the timelines it cuts from
 * them: over one range, the instants a calendar opens or closes and the instants the set of
 * people on call changes, each with the state that holds until the next one. Fetched and cut
 * once per schedule or calendar per report, however many functions share it.
 */
import type { Shift } from '../oncall/schedule.ts';
import type { CalendarLookup, ScheduleLookup } from './resolve.ts';

export interface CoverageCalendarLookup extends CalendarLookup {
  /** Instants in (from, to) at which the calendar opens or closes; duplicates and order do not matter. */
  changesBetween(calendarId: string, from: Date, to: Date): Date[];
}

export interface CoverageScheduleLookup extends ScheduleLookup {
  /** The final shifts (overrides and time off applied) overlapping [from, to), in onCallAt's order. */
  shiftsBetween(scheduleId: string, from: Date, to: Date): Shift[];
}

/** times[0] = from … times[n] = to; open[i] holds on [times[i], times[i+1]). */
export interface CalendarTimeline {
  readonly times: number[];
  readonly open: boolean[];
}

/** times as for a calendar; users[i] are on call on [times[i], times[i+1]), in shift order. */
export interface ScheduleTimeline {
  readonly times: number[];
  readonly users: string[][];
}

/** Calendar states and schedule shifts over the range, each fetched and cut once per report. */
export class Timelines {
  private readonly calendarCuts = new Map<string, CalendarTimeline>();
  private readonly scheduleCuts = new Map<string, ScheduleTimeline>();

  constructor(
    readonly from: number,
    readonly to: number,
    private readonly calendars: CoverageCalendarLookup,
    private readonly schedules: CoverageScheduleLookup,
  ) {}

  calendar(id: string): CalendarTimeline {
    let found = this.calendarCuts.get(id);
    if (!found) {
      const changes = this.calendars.changesBetween(id, new Date(this.from), new Date(this.to));
      const times = this.cut(changes.map((at) => at.getTime()));
      const open = times.slice(0, -1).map((at) => this.calendars.isOpen(id, new Date(at)));
      found = { times, open };
      this.calendarCuts.set(id, found);
    }
    return found;
  }

  schedule(id: string): ScheduleTimeline {
    let found = this.scheduleCuts.get(id);
    if (found) return found;
    const shifts = this.schedules
      .shiftsBetween(id, new Date(this.from), new Date(this.to))
      .map((s) => ({
        userId: s.userId,
        start: Math.max(s.start.getTime(), this.from),
        end: Math.min(s.end.getTime(), this.to),
      }))
      .filter((s) => s.start < s.end);
    const times = this.cut(shifts.flatMap((s) => [s.start, s.end]));
    const starting = new Map<number, number[]>();
    const ending = new Map<number, number[]>();
    const note = (at: Map<number, number[]>, instant: number, k: number) => {
      const list = at.get(instant);
      if (list) list.push(k);
      else at.set(instant, [k]);
    };
    shifts.forEach((s, k) => {
      note(starting, s.start, k);
      note(ending, s.end, k);
    });
    const active = new Set<number>();
    const users: string[][] = [];
    for (let i = 0; i + 1 < times.length; i++) {
      for (const k of ending.get(times[i]!) ?? []) active.delete(k);
      for (const k of starting.get(times[i]!) ?? []) active.add(k);
      const previous = users.at(-1);
      const onCall = active.size === 0 ? [] : usersOf(active, shifts);
      users.push(previous && sameUsers(previous, onCall) ? previous : onCall);
    }
    found = { times, users };
    this.scheduleCuts.set(id, found);
    return found;
  }

  /** The range's ends with the instants strictly inside it, sorted and unique. */
  private cut(instants: number[]): number[] {
    return sortedUnique([this.from, this.to, ...instants.filter((at) => at > this.from && at < this.to)]);
  }
}

/** The users of the active shifts, in shift order, each once (mostly one shift at a time). */
function usersOf(active: ReadonlySet<number>, shifts: readonly { userId: string }[]): string[] {
  if (active.size === 1) return [shifts[active.values().next().value!]!.userId];
  return [...new Set([...active].sort((a, b) => a - b).map((k) => shifts[k]!.userId))];
}

export function sortedUnique(values: number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return Array.from(sorted).filter((value, i) => i === 0 || value !== sorted[i - 1]);
}

/** Index i of the last times[i] <= at (times ascending, times[0] <= at). */
export function lastAtOrBefore(times: readonly number[], at: number): number {
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function sameUsers(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((user, i) => user === b[i]));
}

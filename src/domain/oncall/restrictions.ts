/**
 * When a layer may put anyone on call: its restrictions (weekly windows in the layer's zone) less
 * the schedule's holidays when the layer is off on them. That is a business calendar in all but
 * name, so it is built from the calendars' own parts: `localDays` turns each local date into
 * instants under the shared DST rule and `OpenTimeIndex` answers "open at t" without a zone
 * lookup once the days around t are built.
 */
import { localDays, type OpenDay, type WeeklyMinutes } from '../calendars/local-days.ts';
import { OpenTimeIndex } from '../calendars/open-time-index.ts';
import { MINUTES_PER_DAY, minutesOfClockTime, WEEKDAYS, type Weekday } from '../calendars/spec.ts';
import type { Restriction } from './schedule.ts';

export interface ActiveTime {
  isActive(instant: number): boolean;
  /** The active spans within [from, to) as flat [start, end) pairs, spans that touch joined. */
  spansWithin(from: number, to: number): number[];
}

/** A window runs on its days; `from > to` carries on into the next day, "24:00" is the next midnight. */
export function weeklyWindows(restrictions: readonly Restriction[]): WeeklyMinutes {
  const week: [number, number][][] = WEEKDAYS.map(() => []);
  for (const { days, from, to } of restrictions) {
    const opens = minutesOfClockTime(from, false)!;
    const closes = minutesOfClockTime(to, true)!;
    for (const day of days) {
      const i = WEEKDAYS.indexOf(day as Weekday);
      if (opens < closes) {
        week[i]!.push([opens, closes]);
        continue;
      }
      week[i]!.push([opens, MINUTES_PER_DAY]);
      if (closes > 0) week[(i + 1) % 7]!.push([0, closes]);
    }
  }
  return week.map(unionOfWindows);
}

/** Several restrictions may overlap; the layer is on in any of them. */
function unionOfWindows(windows: [number, number][]): [number, number][] {
  const sorted = [...windows].sort((a, b) => a[0] - b[0]);
  const union: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = union.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else union.push([from, to]);
  }
  return union;
}

const ALL_DAY: WeeklyMinutes = WEEKDAYS.map(() => [[0, MINUTES_PER_DAY] as const]);

/** The layer's active time, or undefined when it is always active (no restrictions, no days off). */
export function activeTimeOf(
  zoneName: string,
  restrictions: readonly Restriction[] | undefined,
  daysOff: ReadonlySet<number>,
): ActiveTime | undefined {
  const restricted = restrictions !== undefined && restrictions.length > 0;
  if (!restricted && daysOff.size === 0) return undefined;
  const days = localDays(zoneName, restricted ? weeklyWindows(restrictions) : ALL_DAY, daysOff);
  // Shared by the index and by listing spans, so each local date is turned into instants once.
  const built = new Map<number, OpenDay>();
  const openDay = (day: number) => {
    let open = built.get(day);
    if (!open) {
      open = days.openDay(day);
      built.set(day, open);
    }
    return open;
  };
  const index = new OpenTimeIndex({ dayOf: days.dayOf, openDay });
  return {
    isActive: (instant) => index.isOpen(instant),
    spansWithin(from, to) {
      const spans: number[] = [];
      // dayOf is a hint near DST edges, so a day either side is looked at too.
      const last = days.dayOf(to) + 1;
      for (let day = days.dayOf(from) - 1; day <= last; day += 1) {
        const open = openDay(day);
        if (open.end <= from) continue;
        if (open.start >= to) break;
        for (let k = 0; k < open.spans.length; k += 2) {
          const start = Math.max(from, open.spans[k]!);
          const end = Math.min(to, open.spans[k + 1]!);
          if (end <= start) continue;
          if (spans.at(-1) === start) spans[spans.length - 1] = end;
          else spans.push(start, end);
        }
      }
      return spans;
    },
  };
}

/**
 * Routing lookups over real parts, for tests and bench/coverage.ts: compiled business calendars
 * (with their open/close instants read from the same local-day rules) and plain shift lists.
 * These are the pure functions the routing code takes, built from data, not mocks.
 */
import { type CalendarSpec, compileCalendar } from '../calendars/calendar.ts';
import { localDays } from '../calendars/local-days.ts';
import { dayNumberOfDate, minutesOfClockTime, WEEKDAYS } from '../calendars/spec.ts';
import type { Shift, Track } from '../oncall/schedule.ts';
import type { CoverageLookups } from './coverage.ts';
import type { CoverageCalendarLookup, CoverageScheduleLookup } from './timelines.ts';

/** Harborline's office: America/Chicago, Monday to Friday 08–12 and 13–17 (closed for lunch). */
export const HARBORLINE_HOURS: CalendarSpec = {
  timeZone: 'America/Chicago',
  hours: {
    mon: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
    tue: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
    wed: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
    thu: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
    fri: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
    sat: [],
    sun: [],
  },
  holidays: [],
};

/** Instants in (from, to) at which a calendar opens or closes, ascending. */
export function openingChanges(spec: CalendarSpec, from: number, to: number): number[] {
  const week = WEEKDAYS.map((day) =>
    spec.hours[day].map(
      ([open, close]) => [minutesOfClockTime(open, false)!, minutesOfClockTime(close, true)!] as const,
    ),
  );
  const days = localDays(spec.timeZone, week, new Set(spec.holidays.map((date) => dayNumberOfDate(date)!)));
  const edges: number[] = [];
  for (let day = days.dayOf(from) - 1; day <= days.dayOf(to) + 1; day++) {
    const spans = days.openDay(day).spans;
    for (let i = 0; i < spans.length; i += 2) {
      // Open until midnight and again from midnight: no change at midnight.
      if (edges.at(-1) === spans[i]) edges.pop();
      else edges.push(spans[i]!);
      edges.push(spans[i + 1]!);
    }
  }
  return edges.filter((at) => at > from && at < to);
}

export function calendarLookup(
  calendars: Record<string, { name: string; spec: CalendarSpec }>,
): CoverageCalendarLookup {
  const compiled = new Map(Object.entries(calendars).map(([id, { spec }]) => [id, compileCalendar(spec)]));
  const known = (id: string) => {
    const found = calendars[id];
    if (!found) throw new RangeError(`unknown calendar ${id}`);
    return found;
  };
  return {
    isOpen: (id, at) => {
      const calendar = compiled.get(id);
      if (!calendar) throw new RangeError(`unknown calendar ${id}`);
      return calendar.isOpen(at);
    },
    name: (id) => known(id).name,
    changesBetween: (id, from, to) =>
      openingChanges(known(id).spec, from.getTime(), to.getTime()).map((at) => new Date(at)),
  };
}

export interface ShiftList {
  readonly name: string;
  readonly track: Track;
  readonly shifts: readonly Shift[];
}

export function scheduleLookup(schedules: Record<string, ShiftList>): CoverageScheduleLookup {
  const known = (id: string) => {
    const found = schedules[id];
    if (!found) throw new RangeError(`unknown schedule ${id}`);
    return found;
  };
  return {
    onCallAt: (id, at) => [
      ...new Set(
        known(id)
          .shifts.filter((s) => s.start <= at && at < s.end)
          .map((s) => s.userId),
      ),
    ],
    name: (id) => known(id).name,
    track: (id) => known(id).track,
    shiftsBetween: (id, from, to) => known(id).shifts.filter((s) => s.start < to && s.end > from),
  };
}

export function routingLookups(
  calendars: Parameters<typeof calendarLookup>[0],
  schedules: Record<string, ShiftList>,
  names: Record<string, string> = {},
): CoverageLookups {
  return {
    calendars: calendarLookup(calendars),
    schedules: scheduleLookup(schedules),
    userName: (id) => names[id] ?? id,
    teamName: (id) => names[id] ?? id,
  };
}

/** Back-to-back shifts of `hours` from `start`, the users taking turns in order. */
export function rotation(users: readonly string[], start: Date, hours: number, count: number): Shift[] {
  return Array.from({ length: count }, (_, i) => ({
    userId: users[i % users.length]!,
    start: new Date(start.getTime() + i * hours * 3_600_000),
    end: new Date(start.getTime() + (i + 1) * hours * 3_600_000),
  }));
}

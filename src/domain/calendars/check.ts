/**
 * Every problem with a calendar spec, each at a JSON pointer into the spec and worded for the
 * field it belongs to in a form. Specs arrive as JSON, so nothing about their shape is assumed.
 */
import { IANAZone } from 'luxon';
import { type CalendarSpec, dayNumberOfDate, minutesOfClockTime, WEEKDAYS, type Weekday } from './spec.ts';

export interface CalendarProblem {
  /** JSON pointer to the offending part, e.g. '/hours/mon/0', '/timeZone', '/holidays/2'. */
  readonly path: string;
  /** Completes a sentence about that part, e.g. 'must be a time zone such as Europe/London'. */
  readonly message: string;
}

const DAY_NAMES: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/**
 * Every problem with a spec, [] when valid: unknown zone, bad HH:MM, from >= to, overlapping or
 * unsorted intervals in a day, bad/duplicate holiday dates, no open hour in the whole week.
 */
export function checkCalendar(spec: CalendarSpec): CalendarProblem[] {
  if (!isRecord(spec)) {
    return [{ path: '', message: 'must be a calendar with a timeZone, hours and holidays' }];
  }
  return [...zoneProblems(spec.timeZone), ...hoursProblems(spec.hours), ...holidayProblems(spec.holidays)];
}

function zoneProblems(zone: unknown): CalendarProblem[] {
  const known = typeof zone === 'string' && IANAZone.isValidZone(zone);
  return known ? [] : [{ path: '/timeZone', message: 'must be a time zone such as Europe/London' }];
}

function hoursProblems(hours: unknown): CalendarProblem[] {
  if (!isRecord(hours)) {
    return [{ path: '/hours', message: 'must give the opening hours of each day, mon to sun' }];
  }
  const problems: CalendarProblem[] = Object.keys(hours)
    .filter((key) => !(WEEKDAYS as readonly string[]).includes(key))
    .map((key) => ({
      path: `/hours/${pointerToken(key)}`,
      message: 'is not a day of the week; use mon, tue, wed, thu, fri, sat or sun',
    }));
  let openIntervals = 0;
  for (const day of WEEKDAYS) {
    const checked = dayProblems(day, hours[day]);
    problems.push(...checked.problems);
    openIntervals += checked.openIntervals;
  }
  // Said only of otherwise sound hours: a broken interval is the thing to fix first.
  if (problems.length === 0 && openIntervals === 0) {
    problems.push({ path: '/hours', message: 'must be open at some time in the week' });
  }
  return problems;
}

function dayProblems(day: Weekday, intervals: unknown) {
  const path = `/hours/${day}`;
  if (intervals === undefined) {
    const message = `must list the opening hours of ${DAY_NAMES[day]}, or [] when closed all day`;
    return { problems: [{ path, message }], openIntervals: 0 };
  }
  if (!Array.isArray(intervals)) {
    const message = 'must be a list of opening intervals such as ["09:00", "17:00"]';
    return { problems: [{ path, message }], openIntervals: 0 };
  }
  const problems: CalendarProblem[] = [];
  let previous: ClockInterval | undefined;
  let openIntervals = 0;
  intervals.forEach((interval: unknown, i) => {
    const at = `${path}/${i}`;
    const read = readInterval(interval, at);
    if (!('from' in read)) {
      problems.push(...read);
      return;
    }
    const problem = orderProblem(read, previous);
    if (problem) {
      problems.push({ path: at, message: problem });
      return;
    }
    previous = read;
    openIntervals += 1;
  });
  return { problems, openIntervals };
}

/** An interval as written and as minutes after midnight. */
interface ClockInterval {
  readonly open: string;
  readonly close: string;
  readonly from: number;
  readonly to: number;
}

function readInterval(interval: unknown, at: string): ClockInterval | CalendarProblem[] {
  if (!Array.isArray(interval) || interval.length !== 2) {
    return [{ path: at, message: 'must be a pair of times such as ["09:00", "17:00"]' }];
  }
  const [open, close] = interval as unknown[];
  const from = minutesOfClockTime(open, false);
  const to = minutesOfClockTime(close, true);
  if (from !== undefined && to !== undefined) return { open: String(open), close: String(close), from, to };
  const problems: CalendarProblem[] = [];
  if (from === undefined) problems.push({ path: `${at}/0`, message: 'must be a time of day such as 09:00' });
  if (to === undefined) {
    problems.push({ path: `${at}/1`, message: 'must be a time of day such as 17:00, or 24:00 for midnight' });
  }
  return problems;
}

function orderProblem(interval: ClockInterval, previous: ClockInterval | undefined): string | undefined {
  const { open, close, from, to } = interval;
  if (from === to) return `must close after it opens; ${open} to ${close} is no time at all`;
  if (from > to)
    return 'must close after it opens; to open overnight, end the day at 24:00 and open the next at 00:00';
  if (previous && from < previous.from) {
    return "must come after the interval before it; list each day's intervals in order";
  }
  if (previous && from < previous.to)
    return `overlaps the interval before it, which closes at ${previous.close}`;
  return undefined;
}

function holidayProblems(holidays: unknown): CalendarProblem[] {
  if (!Array.isArray(holidays)) {
    return [{ path: '/holidays', message: 'must be a list of dates such as 2026-12-25' }];
  }
  const problems: CalendarProblem[] = [];
  const seen = new Set<number>();
  holidays.forEach((date: unknown, i) => {
    const path = `/holidays/${i}`;
    const day = dayNumberOfDate(date);
    if (day === undefined) {
      problems.push({ path, message: 'must be a date such as 2026-12-25' });
    } else if (seen.has(day)) {
      problems.push({ path, message: `repeats ${date}, which is already a holiday` });
    }
    if (day !== undefined) seen.add(day);
  });
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Escapes a key for a JSON pointer (RFC 6901). */
function pointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

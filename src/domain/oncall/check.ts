/**
 * Every problem with a schedule spec, each at a JSON pointer into the spec and worded to finish a
 * sentence about that field in a form. Specs arrive from forms and JSON, so no shape is assumed.
 */
import { IANAZone } from 'luxon';
import { dayNumberOfDate, minutesOfClockTime, WEEKDAYS } from '../calendars/spec.ts';
import type { ScheduleSpec } from './schedule.ts';
import { missingWallTime, parseLocalDateTime } from './wall-time.ts';

export interface ScheduleProblem {
  /** JSON pointer to the offending part, e.g. '/layers/0/start', '/overrides/3/end'. */
  readonly path: string;
  /** Completes a sentence about that part, e.g. 'must be a time zone such as Europe/London'. */
  readonly message: string;
}

const TURN_UNITS: readonly unknown[] = ['hours', 'days', 'weeks'];
const ZONE_MESSAGE = 'must be a time zone such as Europe/London';

/**
 * Every problem, [] when valid: unknown zones; a layer start that is not "YYYY-MM-DDTHH:MM" or
 * that a spring-forward skips in the layer's zone; a turn length that is not a positive whole
 * number; a layer with no users; restriction days or times that are not ones; overrides and time
 * off that end at or before they start; holidays that are not dates.
 */
export function checkSchedule(spec: ScheduleSpec): ScheduleProblem[] {
  if (!isRecord(spec)) {
    return [
      { path: '', message: 'must be a schedule with a timeZone, layers, overrides, timeOff and holidays' },
    ];
  }
  const zoneKnown = isZone(spec.timeZone);
  const problems: ScheduleProblem[] = zoneKnown ? [] : [{ path: '/timeZone', message: ZONE_MESSAGE }];
  const layers: unknown = spec.layers;
  if (!Array.isArray(layers)) problems.push({ path: '/layers', message: 'must be a list of layers' });
  else problems.push(...layers.flatMap((layer, i) => layerProblems(layer, `/layers/${i}`, spec.timeZone)));
  problems.push(...spanProblems(spec.overrides, '/overrides', 'override'));
  problems.push(...spanProblems(spec.timeOff, '/timeOff', 'time off'));
  const holidays: unknown = spec.holidays;
  if (!Array.isArray(holidays)) {
    problems.push({ path: '/holidays', message: 'must be a list of dates such as 2026-12-25' });
  } else {
    holidays.forEach((date, i) => {
      if (dayNumberOfDate(date) === undefined) {
        problems.push({ path: `/holidays/${i}`, message: 'must be a date such as 2026-12-25' });
      }
    });
  }
  return problems;
}

function layerProblems(layer: unknown, path: string, scheduleZone: unknown): ScheduleProblem[] {
  if (!isRecord(layer)) return [{ path, message: 'must be a layer with a name, start, turn and users' }];
  const problems: ScheduleProblem[] = [];
  if (typeof layer.name !== 'string' || layer.name.trim() === '') {
    problems.push({ path: `${path}/name`, message: 'must be a name such as "Primary"' });
  }
  if (layer.timeZone !== undefined && !isZone(layer.timeZone)) {
    problems.push({ path: `${path}/timeZone`, message: ZONE_MESSAGE });
  }
  const zone = layer.timeZone ?? scheduleZone;
  const start = parseLocalDateTime(layer.start);
  if (!start) {
    problems.push({
      path: `${path}/start`,
      message: 'must be a local date and time such as 2026-10-26T09:00',
    });
  } else if (isZone(zone)) {
    const missing = missingWallTime(zone, String(layer.start), start);
    if (missing) problems.push({ path: `${path}/start`, message: missing });
  }
  problems.push(...turnProblems(layer.turn, `${path}/turn`));
  const users = layer.users;
  if (!Array.isArray(users) || users.length === 0) {
    problems.push({ path: `${path}/users`, message: 'must name at least one person to take turns' });
  } else {
    users.forEach((user: unknown, j) => {
      if (typeof user !== 'string' || user === '') {
        problems.push({ path: `${path}/users/${j}`, message: 'must be a user id' });
      }
    });
  }
  problems.push(...restrictionProblems(layer.restrictions, `${path}/restrictions`));
  if (layer.offOnHolidays !== undefined && typeof layer.offOnHolidays !== 'boolean') {
    problems.push({ path: `${path}/offOnHolidays`, message: 'must be true or false' });
  }
  return problems;
}

function turnProblems(turn: unknown, path: string): ScheduleProblem[] {
  if (!isRecord(turn)) return [{ path, message: 'must give a unit and a length, such as 1 weeks' }];
  const problems: ScheduleProblem[] = [];
  if (!TURN_UNITS.includes(turn.unit)) {
    problems.push({ path: `${path}/unit`, message: 'must be hours, days or weeks' });
  }
  const length = turn.length;
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 1) {
    problems.push({ path: `${path}/length`, message: 'must be a whole number of at least 1' });
  }
  return problems;
}

function restrictionProblems(restrictions: unknown, path: string): ScheduleProblem[] {
  if (restrictions === undefined) return [];
  if (!Array.isArray(restrictions)) {
    return [{ path, message: 'must be a list of weekly windows such as Mon–Fri 09:00–17:00' }];
  }
  const problems: ScheduleProblem[] = [];
  restrictions.forEach((restriction: unknown, i) => {
    const at = `${path}/${i}`;
    if (!isRecord(restriction)) {
      problems.push({ path: at, message: 'must give days, from and to' });
      return;
    }
    const { days, from, to } = restriction;
    const known = Array.isArray(days) && days.every((day) => (WEEKDAYS as readonly unknown[]).includes(day));
    if (!known || days.length === 0) {
      problems.push({
        path: `${at}/days`,
        message: 'must list days of the week from mon, tue, wed, thu, fri, sat, sun',
      });
    }
    const opens = minutesOfClockTime(from, false);
    const closes = minutesOfClockTime(to, true);
    if (opens === undefined)
      problems.push({ path: `${at}/from`, message: 'must be a time of day such as 09:00' });
    if (closes === undefined) {
      problems.push({
        path: `${at}/to`,
        message: 'must be a time of day such as 17:00, or 24:00 for midnight',
      });
    }
    if (opens !== undefined && opens === closes) {
      problems.push({
        path: `${at}/to`,
        message: `must differ from the start; ${from} to ${to} is no time at all (a whole day is 00:00 to 24:00)`,
      });
    }
  });
  return problems;
}

function spanProblems(spans: unknown, path: string, noun: string): ScheduleProblem[] {
  if (!Array.isArray(spans)) return [{ path, message: `must be a list of ${noun} spans` }];
  const problems: ScheduleProblem[] = [];
  spans.forEach((span: unknown, i) => {
    const at = `${path}/${i}`;
    if (!isRecord(span)) {
      problems.push({ path: at, message: 'must give a userId, start and end' });
      return;
    }
    if (typeof span.userId !== 'string' || span.userId === '') {
      problems.push({ path: `${at}/userId`, message: 'must be a user id' });
    }
    const start = instantOf(span.start);
    const end = instantOf(span.end);
    if (start === undefined) problems.push({ path: `${at}/start`, message: 'must be an instant' });
    if (end === undefined) problems.push({ path: `${at}/end`, message: 'must be an instant' });
    if (start !== undefined && end !== undefined && end <= start) {
      problems.push({ path: `${at}/end`, message: 'must be after the start' });
    }
  });
  return problems;
}

function instantOf(value: unknown): number | undefined {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.getTime() : undefined;
}

function isZone(zone: unknown): zone is string {
  return typeof zone === 'string' && IANAZone.isValidZone(zone);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { uuidv7 } from 'uuidv7';
import {
  type BusinessCalendar,
  type CalendarSpec,
  checkCalendar,
  compileCalendar,
} from '../../domain/calendars/calendar.ts';
import type { Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflictOnDuplicate } from '../../platform/db/unique.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import type {
  AddBusinessTimeBody,
  BusinessMinutes,
  BusinessMinutesBetweenBody,
  BusinessTimeDue,
  Calendar,
  CalendarBody,
} from './schema.ts';
import * as store from './store.ts';
import type { CalendarRow } from './tables.ts';

export type CalendarService = ReturnType<typeof createCalendarService>;

/** Compiled calendars kept per process; a bound so a large deployment cannot grow it without limit. */
const MAX_CACHED_CALENDARS = 500;

/**
 * Business-hours calendars of one engagement: a zone, weekly hours and holidays. Everything that
 * counts business time (SLA clocks, coverage) reads them compiled, through `compiled`.
 */
export function createCalendarService({ db, now, bus }: Pick<PlatformDeps, 'db' | 'now' | 'bus'>) {
  const cache = new Map<string, { updatedAt: string; calendar: BusinessCalendar }>();

  async function listCalendars(actor: Principal, engagementId: string): Promise<Calendar[]> {
    authorize(actor, 'calendar.read', engagementId);
    return (await store.listCalendars(db, engagementId)).map(toCalendar);
  }

  async function getCalendar(actor: Principal, engagementId: string, calendarId: string): Promise<Calendar> {
    authorize(actor, 'calendar.read', engagementId);
    return toCalendar(await calendarOrThrow(db, engagementId, calendarId));
  }

  async function createCalendar(
    actor: Principal,
    engagementId: string,
    body: CalendarBody,
  ): Promise<Calendar> {
    authorize(actor, 'calendar.manage', engagementId);
    const at = now().toISOString();
    const row: CalendarRow = {
      engagement_id: engagementId,
      id: uuidv7(),
      created_at: at,
      updated_at: at,
      ...columnsOf(body),
    };
    await db.transaction().execute(async (trx) => {
      await store.insertCalendar(trx, row).catch(duplicateName);
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'calendar.created',
          targetType: 'calendar',
          targetId: row.id,
          after: toCalendar(row),
        },
        now(),
      );
    });
    await bus.publish({ engagementId, type: 'calendar.created', id: row.id });
    return toCalendar(row);
  }

  /** Replaces the whole calendar; running clocks on it count by the new hours from now on. */
  async function updateCalendar(
    actor: Principal,
    engagementId: string,
    calendarId: string,
    body: CalendarBody,
  ): Promise<Calendar> {
    authorize(actor, 'calendar.manage', engagementId);
    const before = await calendarOrThrow(db, engagementId, calendarId);
    const changes = { ...columnsOf(body), updated_at: laterThan(now(), before.updated_at) };
    const after: CalendarRow = { ...before, ...changes };
    await db.transaction().execute(async (trx) => {
      await store.updateCalendar(trx, engagementId, calendarId, changes).catch(duplicateName);
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'calendar.updated',
          targetType: 'calendar',
          targetId: calendarId,
          before: toCalendar(before),
          after: toCalendar(after),
        },
        now(),
      );
    });
    await bus.publish({ engagementId, type: 'calendar.updated', id: calendarId });
    return toCalendar(after);
  }

  /** When `minutes` of business time have passed after `start`. Reads only. */
  async function addBusinessTime(
    actor: Principal,
    engagementId: string,
    calendarId: string,
    body: AddBusinessTimeBody,
  ): Promise<BusinessTimeDue> {
    authorize(actor, 'calendar.read', engagementId);
    const calendar = await compiledAlone(engagementId, calendarId);
    return { due: reckon(() => calendar.addBusinessTime(new Date(body.start), body.minutes)).toISOString() };
  }

  /** Business minutes from `start` to `end`, negative when end is before start. Reads only. */
  async function businessMinutesBetween(
    actor: Principal,
    engagementId: string,
    calendarId: string,
    body: BusinessMinutesBetweenBody,
  ): Promise<BusinessMinutes> {
    authorize(actor, 'calendar.read', engagementId);
    const calendar = await compiledAlone(engagementId, calendarId);
    return {
      minutes: reckon(() => calendar.businessMinutesBetween(new Date(body.start), new Date(body.end))),
    };
  }

  /**
   * A compiled calendar of its own for a caller's question. A compiled calendar remembers every
   * day it has counted and refuses to span more than a century, so a question about 1930 asked
   * of the shared copy would break the clocks that count today on it.
   */
  async function compiledAlone(engagementId: string, calendarId: string): Promise<BusinessCalendar> {
    return compileCalendar(specOf(await calendarOrThrow(db, engagementId, calendarId)));
  }

  /**
   * The engagement's calendar ready to count business time, for services that run clocks on it
   * (pass their transaction as `db`). The row is read every time, so an edit made by another
   * process is seen at once; only the compiling is cached, per id and `updated_at`.
   */
  async function compiled(db: Db, engagementId: string, calendarId: string): Promise<BusinessCalendar> {
    const row = await calendarOrThrow(db, engagementId, calendarId);
    const hit = cache.get(row.id);
    if (hit && hit.updatedAt === row.updated_at) return hit.calendar;
    const calendar = compileCalendar(specOf(row));
    cache.delete(row.id);
    cache.set(row.id, { updatedAt: row.updated_at, calendar });
    // Maps iterate in insertion order, so the first key is the least recently compiled.
    if (cache.size > MAX_CACHED_CALENDARS) cache.delete(cache.keys().next().value as string);
    return calendar;
  }

  /** Names of the engagement's calendars among `ids`, for presenting records that point at them. */
  async function byIds(
    db: Db,
    engagementId: string,
    ids: Iterable<string>,
  ): Promise<Map<string, { name: string }>> {
    const rows = await store.calendarNames(db, engagementId, [...new Set(ids)]);
    return new Map(rows.map((row) => [row.id, { name: row.name }]));
  }

  return {
    listCalendars,
    getCalendar,
    createCalendar,
    updateCalendar,
    addBusinessTime,
    businessMinutesBetween,
    compiled,
    byIds,
  };
}

async function calendarOrThrow(db: Db, engagementId: string, calendarId: string): Promise<CalendarRow> {
  const row = await store.findCalendar(db, engagementId, calendarId);
  if (!row) throw new NotFound();
  return row;
}

/** The stored columns of a valid body; refuses a spec the domain would not compile. */
function columnsOf(body: CalendarBody): Pick<CalendarRow, 'name' | 'time_zone' | 'hours' | 'holidays'> {
  const name = body.name.trim();
  if (name === '') throw new Invalid('Name the calendar.', [{ path: '/name', message: 'is blank' }]);
  const spec: CalendarSpec = { timeZone: body.timeZone, hours: body.hours, holidays: body.holidays ?? [] };
  const problems = checkCalendar(spec);
  if (problems.length > 0) throw new Invalid('The calendar is not valid.', problems);
  return {
    name,
    time_zone: spec.timeZone,
    hours: JSON.stringify(spec.hours),
    holidays: JSON.stringify([...new Set(spec.holidays)].sort()),
  };
}

/** The domain's RangeError (too far out, no open time for years) is the caller's to fix. */
function reckon<T>(count: () => T): T {
  try {
    return count();
  } catch (error) {
    if (error instanceof RangeError) throw new Invalid(error.message);
    throw error;
  }
}

function specOf(row: CalendarRow): CalendarSpec {
  return {
    timeZone: row.time_zone,
    hours: JSON.parse(row.hours) as CalendarSpec['hours'],
    holidays: JSON.parse(row.holidays) as string[],
  };
}

function toCalendar(row: CalendarRow): Calendar {
  const spec = specOf(row);
  return {
    id: row.id,
    name: row.name,
    timeZone: spec.timeZone,
    hours: spec.hours as Calendar['hours'],
    holidays: [...spec.holidays],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * `now`, or a millisecond after `previous` when the clock has not moved past it: compiled copies
 * are keyed on `updated_at`, so every edit must change it.
 */
function laterThan(at: Date, previous: string): string {
  const floor = Date.parse(previous) + 1;
  return new Date(Math.max(at.getTime(), floor)).toISOString();
}

const duplicateName = conflictOnDuplicate('A calendar with this name exists in the engagement.');

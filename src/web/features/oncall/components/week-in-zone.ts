import { utcToZonedWall, zonedWallToUtc } from '../../../lib/zoned-time.ts';

/**
 * A week on the wall clock of a zone: Monday 00:00 to the next Monday 00:00 there, as instants.
 * Days are cut at local midnights, so a DST week has one 23- or 25-hour day and the timeline
 * stays proportional to real time.
 */
export interface ZonedWeek {
  zone: string;
  /** The local Monday, "YYYY-MM-DD". */
  monday: string;
  /** Epoch ms of each local midnight, Monday to the next Monday: eight boundaries. */
  boundaries: number[];
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" shifted by whole days (the date alone, no zone involved). */
export function addDaysToDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The local Monday of the week that holds `instant` in `zone`. */
export function mondayOf(instant: number, zone: string): string {
  const today = utcToZonedWall(new Date(instant).toISOString(), zone).slice(0, 10);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addDaysToDate(today, -((weekday + 6) % 7));
}

/** Local midnight of a date in `zone`, as epoch ms. */
export function midnightIn(date: string, zone: string): number {
  return Date.parse(zonedWallToUtc(`${date}T00:00`, zone) ?? `${date}T00:00:00Z`);
}

export function zonedWeek(monday: string, zone: string): ZonedWeek {
  const boundaries = Array.from({ length: 8 }, (_, day) => midnightIn(addDaysToDate(monday, day), zone));
  return { zone, monday, boundaries, start: boundaries[0] as number, end: boundaries[7] as number };
}

/** A `week` search value when it is a date, else this week's Monday in `zone`. */
export function weekOf(week: string | undefined, zone: string, now = Date.now()): ZonedWeek {
  const valid = week && /^\d{4}-\d{2}-\d{2}$/.test(week) && !Number.isNaN(Date.parse(week));
  return zonedWeek(valid ? mondayOf(Date.parse(`${week}T12:00:00Z`), 'UTC') : mondayOf(now, zone), zone);
}

export function validateWeekSearch(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/** The first local midnight after `now` if the week holds it, else the week's start. */
export function nextMidnightIn(week: ZonedWeek, now: number): number {
  return week.boundaries.find((midnight) => midnight > now && midnight < week.end) ?? week.start;
}

/** A share of the week as a CSS percentage: where an instant sits on the timeline. */
export function percentOf(week: ZonedWeek, instant: number): number {
  const clamped = Math.min(Math.max(instant, week.start), week.end);
  return ((clamped - week.start) / (week.end - week.start)) * 100;
}

const rangeFormats = new Map<string, Intl.DateTimeFormat>();

/** "Mon 23 Nov – Sun 29 Nov 2026" for the page's title. */
export function weekTitle(week: ZonedWeek): string {
  const format = (date: string, withYear: boolean) => {
    const key = `${withYear}`;
    let f = rangeFormats.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(undefined, {
        timeZone: 'UTC',
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        ...(withYear ? { year: 'numeric' } : {}),
      });
      rangeFormats.set(key, f);
    }
    return f.format(new Date(`${date}T12:00:00Z`));
  };
  return `${format(week.monday, false)} – ${format(addDaysToDate(week.monday, 6), true)}`;
}

/** "Mon 23" for a day column of the week. */
export function dayLabel(week: ZonedWeek, day: number): string {
  return new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', weekday: 'short', day: 'numeric' }).format(
    new Date(`${addDaysToDate(week.monday, day)}T12:00:00Z`),
  );
}

/** "Tue 14:30" on the wall clock of `zone`. */
export function formatShort(instant: number | string, zone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: zone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** "Tue 24 Nov, 14:30" on the wall clock of `zone`. */
export function formatLong(instant: number | string, zone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** "9 h", "2 d 4 h", "30 min": how long a span lasts. */
export function formatLength(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 24) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** "17:00" on the wall clock of `zone`. */
export function formatClock(instant: number | string, zone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** "Thu, Nov 26, 08:00 – 17:00", naming the end's date only when it is another local day. */
export function formatRange(start: number | string, end: number | string, zone: string): string {
  const sameDay =
    utcToZonedWall(new Date(start).toISOString(), zone).slice(0, 10) ===
    utcToZonedWall(new Date(end).toISOString(), zone).slice(0, 10);
  return `${formatLong(start, zone)} – ${sameDay ? formatClock(end, zone) : formatLong(end, zone)}`;
}

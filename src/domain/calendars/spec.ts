/**
 * A business calendar as stored and edited: a zone, weekly opening hours in local wall time, and
 * holidays. Also the two small text formats it is written in ("HH:MM" and "YYYY-MM-DD").
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock interval "HH:MM"–"HH:MM"; the end may be "24:00". */
export type OpenInterval = readonly [string, string];

export interface CalendarSpec {
  /** IANA zone the hours and holidays are read in, e.g. America/New_York. */
  readonly timeZone: string;
  /** Open intervals per weekday, in order and not overlapping; [] when closed all day. */
  readonly hours: Readonly<Record<Weekday, readonly OpenInterval[]>>;
  /** 'YYYY-MM-DD' local dates, closed all day. */
  readonly holidays: readonly string[];
}

const ALL_DAY: readonly OpenInterval[] = Object.freeze([Object.freeze(['00:00', '24:00'] as const)]);

/** Open around the clock (UTC, every day 00:00–24:00, no holidays). */
export const TWENTY_FOUR_SEVEN: CalendarSpec = Object.freeze({
  timeZone: 'UTC',
  hours: Object.freeze({
    mon: ALL_DAY,
    tue: ALL_DAY,
    wed: ALL_DAY,
    thu: ALL_DAY,
    fri: ALL_DAY,
    sat: ALL_DAY,
    sun: ALL_DAY,
  }),
  holidays: Object.freeze([]),
});

export const MINUTES_PER_DAY = 24 * 60;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Minutes after local midnight of an "HH:MM" time, or undefined when it is not one.
 * "24:00" is accepted only as a closing time, where it means the next midnight.
 */
export function minutesOfClockTime(text: unknown, closing: boolean): number | undefined {
  if (typeof text !== 'string') return undefined;
  if (closing && text === '24:00') return MINUTES_PER_DAY;
  const match = CLOCK_TIME.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date, or undefined when there is no such date. */
export function dayNumberOfDate(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = CALENDAR_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over into March; a date that does not read back is not a date.
  const readsBack =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return readsBack ? date.getTime() / 86_400_000 : undefined;
}

/** Position in WEEKDAYS (mon = 0) of a day number; day 0, 1970-01-01, was a Thursday. */
export function weekdayIndexOf(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

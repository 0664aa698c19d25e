/**
 * Wall-clock time in the browser's zone, for the change form and calendar. Instants travel as
 * ISO UTC; only these functions turn them into local days and `datetime-local` values, and
 * they let the JavaScript engine apply the zone's rules (DST included) through local `Date`s.
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** `2026-12-01` for the local day of a Date. */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of a `YYYY-MM-DD` day; null for anything else. */
export function parseDayKey(key: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An ISO instant as a `datetime-local` value (`2026-12-01T22:00`) in the browser's zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return `${dayKey(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value read in the browser's zone, as ISO UTC; null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  // A date-time without an offset is local time in ECMAScript.
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** Monday of the local week holding `date`. */
export function startOfWeek(date: Date): Date {
  return addDays(date, -((date.getDay() + 6) % 7));
}

/** The days a calendar page shows: whole weeks covering the month, or one week. */
export function calendarDays(anchor: Date, span: 'month' | 'week'): Date[] {
  if (span === 'week') {
    const monday = startOfWeek(anchor);
    return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
  }
  const first = new Date(anchor.getFullYear(), anchor.getMonth(), 1);
  const last = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0);
  const days: Date[] = [];
  for (let day = startOfWeek(first); day <= last || days.length % 7 !== 0; day = addDays(day, 1))
    days.push(day);
  return days;
}

/** The page before or after: a month or a week away. */
export function shiftAnchor(anchor: Date, span: 'month' | 'week', step: -1 | 1): Date {
  return span === 'week'
    ? addDays(anchor, 7 * step)
    : new Date(anchor.getFullYear(), anchor.getMonth() + step, 1);
}

/** True when [start, end) overlaps the local day starting at `day`. */
export function overlapsDay(start: string, end: string, day: Date): boolean {
  const dayStart = day.getTime();
  const dayEnd = addDays(day, 1).getTime();
  return new Date(start).getTime() < dayEnd && new Date(end).getTime() > dayStart;
}

const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const weekdayTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: 'numeric',
  minute: '2-digit',
});
const dateTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/** `22:00` in the browser's zone. */
export function formatTime(iso: string): string {
  return time.format(new Date(iso));
}

/** "Mon 10:30" within the coming week, else "Mon 7 Dec 10:30": how soon something is due. */
export function formatDue(iso: string, now = Date.now()): string {
  const at = new Date(iso).getTime();
  const soon = at >= now - 86_400_000 && at < now + 6 * 86_400_000;
  return (soon ? weekdayTime : dateTime).format(new Date(iso));
}

const dateTimeMedium = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "1 Dec 2026, 22:00 – 23:30", naming the end's date only when it is another day. */
export function formatWindow(start: string, end: string): string {
  const sameDay = dayKey(new Date(start)) === dayKey(new Date(end));
  return `${dateTimeMedium.format(new Date(start))} – ${sameDay ? formatTime(end) : dateTimeMedium.format(new Date(end))}`;
}

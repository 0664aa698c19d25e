import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type CalendarSpec, compileCalendar, type OpenInterval, WEEKDAYS, type Weekday } from './calendar.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'] as const;
const RUNS = { numRuns: 100 };

// 2025-01-01 to 2028-12-31, and the 2026 DST changes, where the hard cases live.
const FIRST = Date.UTC(2025, 0, 1);
const LAST = Date.UTC(2028, 11, 31);
const DST_CHANGES: readonly { zone: (typeof ZONES)[number]; at: number }[] = [
  { zone: 'America/New_York', at: Date.parse('2026-03-08T07:00:00Z') }, // springs forward
  { zone: 'America/New_York', at: Date.parse('2026-11-01T06:00:00Z') }, // falls back
  { zone: 'Europe/London', at: Date.parse('2026-03-29T01:00:00Z') },
  { zone: 'Europe/London', at: Date.parse('2026-10-25T01:00:00Z') },
  { zone: 'Australia/Sydney', at: Date.parse('2026-04-04T16:00:00Z') }, // falls back
  { zone: 'Australia/Sydney', at: Date.parse('2026-10-03T16:00:00Z') }, // springs forward
];

const instantMs = fc.oneof(
  fc.integer({ min: FIRST, max: LAST }),
  fc
    .tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -3 * DAY_MS, max: 3 * DAY_MS }))
    .map(([change, shift]) => change.at + shift),
);
const instant = instantMs.map((t) => new Date(t));

/** 0–3 intervals on a quarter-hour grid, so opening and closing land on DST hours often. */
const dayHours = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
  .map((quarters): OpenInterval[] => {
    const sorted = [...quarters].sort((a, b) => a - b);
    const intervals: OpenInterval[] = [];
    for (let k = 0; k + 1 < sorted.length; k += 2) intervals.push([clock(sorted[k]!), clock(sorted[k + 1]!)]);
    return intervals;
  });

function clock(quarter: number): string {
  const minutes = quarter * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const holiday = fc
  .integer({ min: FIRST / DAY_MS, max: LAST / DAY_MS })
  .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));

const specIn = (timeZone: string): fc.Arbitrary<CalendarSpec> =>
  fc
    .record({
      timeZone: fc.constant(timeZone),
      hours: fc.record(
        Object.fromEntries(WEEKDAYS.map((day) => [day, dayHours])) as Record<Weekday, typeof dayHours>,
      ),
      holidays: fc.uniqueArray(holiday, { maxLength: 20 }),
    })
    .filter((s) => WEEKDAYS.some((day) => s.hours[day].length > 0));
const spec = fc.constantFrom(...ZONES).chain(specIn);

/** A calendar in a DST zone, and the instant of one of its changes. */
const atChange = fc
  .constantFrom(...DST_CHANGES)
  .chain((change) => fc.tuple(specIn(change.zone), fc.constant(change.at)));

/** Budgets in whole ms, so minutes survive the trip through whole-ms instants exactly. */
const minutes = fc.integer({ min: 0, max: 3000 * MINUTE_MS }).map((ms) => ms / MINUTE_MS);

const sorted = (...dates: Date[]) => [...dates].sort((x, y) => x.getTime() - y.getTime());

describe('business time on random calendars', () => {
  it('measures back exactly the minutes it added', () => {
    fc.assert(
      fc.property(spec, instant, minutes, (s, start, m) => {
        const calendar = compileCalendar(s);
        const due = calendar.addBusinessTime(start, m);
        expect(Math.abs(calendar.businessMinutesBetween(start, due) - m)).toBeLessThanOrEqual(1e-6);
      }),
      RUNS,
    );
  });

  it('never moves a due time earlier for more minutes or a later start', () => {
    fc.assert(
      fc.property(spec, instant, instant, minutes, minutes, (s, x, y, m1, m2) => {
        const calendar = compileCalendar(s);
        const [early, late] = sorted(x, y);
        const [less, more] = [Math.min(m1, m2), Math.max(m1, m2)];
        expect(calendar.addBusinessTime(early!, less).getTime()).toBeLessThanOrEqual(
          calendar.addBusinessTime(early!, more).getTime(),
        );
        expect(calendar.addBusinessTime(early!, m1).getTime()).toBeLessThanOrEqual(
          calendar.addBusinessTime(late!, m1).getTime(),
        );
      }),
      RUNS,
    );
  });

  it('measures monotonically and additively: m(a,b) + m(b,c) = m(a,c)', () => {
    fc.assert(
      fc.property(spec, instant, instant, instant, (s, x, y, z) => {
        const calendar = compileCalendar(s);
        const [a, b, c] = sorted(x, y, z) as [Date, Date, Date];
        const ab = calendar.businessMsBetween(a, b);
        const ac = calendar.businessMsBetween(a, c);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(ac);
        expect(ab + calendar.businessMsBetween(b, c)).toBe(ac);
        // Measured backwards it is the negative (compared by sum: 0 and -0 are the same time).
        expect(calendar.businessMsBetween(c, a) + ac).toBe(0);
        expect(calendar.businessMinutesBetween(a, b) + calendar.businessMinutesBetween(b, c)).toBeCloseTo(
          calendar.businessMinutesBetween(a, c),
          6,
        );
      }),
      RUNS,
    );
  });

  it('ends a budget inside open time or at a close, never strictly inside closed time', () => {
    fc.assert(
      fc.property(spec, instant, minutes, (s, start, m) => {
        fc.pre(m > 0);
        const due = compileCalendar(s).addBusinessTime(start, m);
        expect(compileCalendar(s).isOpen(new Date(due.getTime() - 1))).toBe(true);
      }),
      RUNS,
    );
  });

  it('finds the next opening with no open time before it', () => {
    fc.assert(
      fc.property(spec, instant, (s, at) => {
        const calendar = compileCalendar(s);
        const next = calendar.nextOpen(at);
        expect(calendar.isOpen(next)).toBe(true);
        expect(calendar.businessMsBetween(at, next)).toBe(0);
      }),
      RUNS,
    );
  });

  it('is open exactly when the local wall clock reads an open hour on a working day', () => {
    fc.assert(
      fc.property(spec, instantMs, (s, t) => {
        fc.pre(!inRepeatedHour(s.timeZone, t));
        expect(compileCalendar(s).isOpen(new Date(t))).toBe(wallClockSaysOpen(s, t));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the wall clock at every quarter-hour edge within 12 hours of a DST change', () => {
    fc.assert(
      fc.property(atChange, ([s, change]) => {
        const calendar = compileCalendar(s);
        // Opening hours sit on quarter hours, so every edge is at a quarter hour: check both sides.
        for (let edge = change - 12 * HOUR_MS; edge <= change + 12 * HOUR_MS; edge += 15 * MINUTE_MS) {
          for (const t of [edge - 1, edge]) {
            if (inRepeatedHour(s.timeZone, t)) continue;
            expect(calendar.isOpen(new Date(t)), new Date(t).toISOString()).toBe(wallClockSaysOpen(s, t));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('counts every open minute of the two days around a DST change', () => {
    fc.assert(
      fc.property(atChange, ([s, change]) => {
        const calendar = compileCalendar(s);
        const [from, to] = [change - DAY_MS, change + DAY_MS];
        let open = 0;
        // Every zone here is offset by whole minutes, so each minute is open or closed throughout.
        for (let m = from; m < to; m += MINUTE_MS) if (calendar.isOpen(new Date(m))) open += 1;
        expect(calendar.businessMinutesBetween(new Date(from), new Date(to))).toBe(open);
      }),
      { numRuns: 40 },
    );
  });
});

describe('a 24×7 calendar in any zone', () => {
  const allDay: readonly OpenInterval[] = [['00:00', '24:00']];
  const aroundTheClock = (timeZone: string): CalendarSpec => ({
    timeZone,
    hours: Object.fromEntries(WEEKDAYS.map((day) => [day, allDay])) as Record<
      Weekday,
      readonly OpenInterval[]
    >,
    holidays: [],
  });

  it('measures and adds exactly elapsed time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, instant, (zone, a, b) => {
        const calendar = compileCalendar(aroundTheClock(zone));
        expect(calendar.businessMsBetween(a, b)).toBe(b.getTime() - a.getTime());
        const elapsed = Math.abs(b.getTime() - a.getTime());
        expect(calendar.addBusinessMs(a, elapsed).getTime()).toBe(a.getTime() + elapsed);
      }),
      RUNS,
    );
  });
});

/**
 * The oracle: read the wall clock with luxon and look the local date and time up in the spec.
 * It stands for the rules everywhere but the second pass of a repeated hour, which the rules give
 * to whichever interval it fell in the first time round (intervals are spans of instants).
 */
function wallClockSaysOpen(s: CalendarSpec, t: number): boolean {
  const local = DateTime.fromMillis(t, { zone: s.timeZone });
  if (s.holidays.includes(local.toISODate()!)) return false;
  const minute = local.hour * 60 + local.minute;
  const day = WEEKDAYS[local.weekday - 1]!;
  return s.hours[day].some(([from, to]) => minutesOf(from) <= minute && minute < minutesOf(to));
}

function minutesOf(clockTime: string): number {
  const [hours, minutes] = clockTime.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** True in the hour after clocks go back, when the wall clock repeats an hour it has shown. */
function inRepeatedHour(zone: string, t: number): boolean {
  const offset = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
  return offset(t - HOUR_MS) > offset(t);
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, compileCalendar, TWENTY_FOUR_SEVEN } from '../calendars/calendar.ts';
import {
  type Clock,
  pauseClock,
  readClock,
  resumeClock,
  retargetClock,
  startClock,
  stopClock,
} from './clock.ts';

const nineToFive: readonly (readonly [string, string])[] = [['09:00', '17:00']];
const office = compileCalendar({
  timeZone: 'America/New_York',
  hours: {
    mon: nineToFive,
    tue: nineToFive,
    wed: nineToFive,
    thu: nineToFive,
    fri: nineToFive,
    sat: [],
    sun: [],
  },
  holidays: ['2025-07-04', '2025-12-25'],
});
const always = compileCalendar(TWENTY_FOUR_SEVEN);
const calendars: [string, BusinessCalendar][] = [
  ['9–17 Mon–Fri New York', office],
  ['24/7', always],
];

const MIN = 60_000;
/** A wall-clock time in New York in January 2025 (EST, UTC−5): the 6th is a Monday. */
const ny = (day: number, time: string) =>
  new Date(`2025-01-${String(day).padStart(2, '0')}T${time}:00-05:00`);
const p2 = { targetMinutes: 240 };

describe('a clock on a business-hours calendar', () => {
  it('is due when the target is used up in open hours', () => {
    const clock = startClock(p2, ny(6, '09:00'), true);
    const reading = readClock(clock, office, ny(6, '10:30'));
    expect(reading).toEqual({
      state: 'running',
      running: true,
      elapsedMs: 90 * MIN,
      remainingMs: 150 * MIN,
      dueAt: ny(6, '13:00'),
      warnAt: ny(6, '12:00'),
      breached: false,
    });
  });

  it('carries the target over the night', () => {
    const clock = startClock(p2, ny(6, '15:00'), true);
    expect(readClock(clock, office, ny(6, '15:00')).dueAt).toEqual(ny(7, '11:00'));
    expect(readClock(clock, office, ny(7, '08:00')).elapsedMs).toBe(120 * MIN);
  });

  it('moves the due instant by exactly the business time of a pause', () => {
    let clock = startClock(p2, ny(6, '09:00'), true);
    clock = pauseClock(clock, office, ny(6, '10:00'));
    expect(readClock(clock, office, ny(6, '11:00'))).toMatchObject({
      state: 'paused',
      elapsedMs: 60 * MIN,
      dueAt: null,
      warnAt: null,
    });
    clock = resumeClock(clock, ny(6, '11:30'));
    expect(readClock(clock, office, ny(6, '12:00'))).toMatchObject({
      elapsedMs: 90 * MIN,
      dueAt: ny(6, '14:30'),
      warnAt: ny(6, '13:30'),
    });
  });

  it('counts only the open part of a pause that spans the night', () => {
    // Due Tuesday 11:00 unpaused; paused 16:30–17:00 and 09:00–10:00: 90 business minutes.
    let clock = startClock(p2, ny(6, '15:00'), true);
    clock = pauseClock(clock, office, ny(6, '16:30'));
    clock = resumeClock(clock, ny(7, '10:00'));
    expect(readClock(clock, office, ny(7, '10:00')).dueAt).toEqual(ny(7, '12:30'));
  });

  it('charges a pause from 16:30 Friday to 09:00 Monday only its half hour of open time', () => {
    const unpaused = startClock(p2, ny(10, '16:00'), true);
    expect(readClock(unpaused, office, ny(10, '16:00')).dueAt).toEqual(ny(13, '12:00'));
    const paused = resumeClock(pauseClock(unpaused, office, ny(10, '16:30')), ny(13, '09:00'));
    expect(readClock(paused, office, ny(13, '09:00'))).toMatchObject({
      elapsedMs: 30 * MIN,
      dueAt: ny(13, '12:30'),
    });

    // Paused at the close instead, the weekend pause loses nothing at all.
    const parked = resumeClock(pauseClock(unpaused, office, ny(10, '17:00')), ny(13, '09:00'));
    expect(readClock(parked, office, ny(13, '10:00'))).toEqual(readClock(unpaused, office, ny(13, '10:00')));
  });

  it('keeps the time used when the target is cut below it, and is breached at once', () => {
    // 90 minutes used in the running segment; the target drops from 240 to 60.
    const clock = retargetClock(startClock(p2, ny(6, '09:00'), true), 60);
    expect(readClock(clock, office, ny(6, '10:30'))).toEqual({
      state: 'breached',
      running: true,
      elapsedMs: 90 * MIN,
      remainingMs: -30 * MIN,
      dueAt: ny(6, '10:00'), // when the running segment reached 60 minutes
      warnAt: ny(6, '09:45'),
      breached: true,
    });
    expect(stopClock(clock, office, ny(6, '10:30')).outcome).toBe('breached');
  });

  it('reads a target used up in closed segments as due from the resume', () => {
    let clock = pauseClock(startClock(p2, ny(6, '09:00'), true), office, ny(6, '10:30'));
    clock = retargetClock(clock, 60);
    expect(readClock(clock, office, ny(6, '11:00'))).toMatchObject({
      state: 'breached',
      running: false,
      elapsedMs: 90 * MIN,
      dueAt: null,
    });
    clock = resumeClock(clock, ny(6, '11:00'));
    expect(readClock(clock, office, ny(6, '11:15'))).toMatchObject({
      state: 'breached',
      elapsedMs: 105 * MIN,
      dueAt: ny(6, '11:00'),
      warnAt: ny(6, '11:00'),
    });
  });

  it('gives the remaining time back when the target is raised', () => {
    const clock = retargetClock(startClock({ targetMinutes: 60 }, ny(6, '09:00'), true), 240);
    expect(readClock(clock, office, ny(6, '10:30'))).toMatchObject({
      state: 'running',
      elapsedMs: 90 * MIN,
      dueAt: ny(6, '13:00'),
      breached: false,
    });
  });

  it('warns at the share of the target it was given', () => {
    const clock = startClock({ targetMinutes: 240, warnPercent: 50 }, ny(6, '15:00'), true);
    // 120 minutes from 15:00 run out exactly at the close: warned at 17:00, not at 09:00 next day.
    expect(readClock(clock, office, ny(6, '15:00')).warnAt).toEqual(ny(6, '17:00'));
    const late = startClock(p2, ny(6, '15:00'), true);
    expect(readClock(late, office, ny(6, '15:00')).warnAt).toEqual(ny(7, '10:00'));
  });

  it('skips holidays', () => {
    const clock = startClock(p2, new Date('2025-07-03T15:00:00-04:00'), true);
    expect(readClock(clock, office, new Date('2025-07-03T15:00:00-04:00')).dueAt).toEqual(
      new Date('2025-07-07T11:00:00-04:00'),
    );
  });
});

describe('stopping a clock', () => {
  const start = new Date('2025-01-06T14:00:00Z');
  const hour = startClock({ targetMinutes: 60 }, start, true);
  const plus = (ms: number) => new Date(start.getTime() + ms);

  it('is met before the target and breached at or after it', () => {
    expect(stopClock(hour, always, plus(60 * MIN - 1)).outcome).toBe('met');
    expect(stopClock(hour, always, plus(60 * MIN)).outcome).toBe('breached');
    expect(stopClock(hour, always, plus(61 * MIN)).outcome).toBe('breached');
  });

  it('reads a breach at the due instant itself', () => {
    const reading = readClock(hour, always, plus(60 * MIN));
    expect(reading.dueAt).toEqual(plus(60 * MIN));
    expect(reading).toMatchObject({ state: 'breached', breached: true, remainingMs: 0 });
    expect(readClock(hour, always, plus(60 * MIN - 1)).state).toBe('running');
  });

  it('is cancelled when nothing is owed any more, and still shows a breach that happened', () => {
    const cancelled = stopClock(hour, always, plus(90 * MIN), true);
    expect(readClock(cancelled, always, plus(200 * MIN))).toEqual({
      state: 'cancelled',
      running: false,
      elapsedMs: 90 * MIN,
      remainingMs: -30 * MIN,
      dueAt: null,
      warnAt: null,
      breached: true,
    });
  });

  it('ends for good: pause, resume, retarget and a second stop change nothing', () => {
    const met = stopClock(hour, always, plus(30 * MIN));
    expect(met).toMatchObject({
      outcome: 'met',
      stoppedAt: plus(30 * MIN),
      runningSince: null,
      elapsedMs: 30 * MIN,
    });
    expect(resumeClock(met, plus(40 * MIN))).toBe(met);
    expect(pauseClock(met, always, plus(40 * MIN))).toBe(met);
    expect(retargetClock(met, 10)).toBe(met);
    expect(stopClock(met, always, plus(90 * MIN), true)).toBe(met);
    expect(readClock(met, always, plus(90 * MIN)).state).toBe('met');
  });

  it('closes a paused clock without adding time', () => {
    const paused = pauseClock(hour, always, plus(20 * MIN));
    expect(stopClock(paused, always, plus(90 * MIN)).elapsedMs).toBe(20 * MIN);
  });
});

describe('starting a clock', () => {
  const at = new Date('2025-01-06T14:00:00Z');

  it('starts paused when the ball is elsewhere, warning at 75% by default', () => {
    const clock = startClock(p2, at, false);
    expect(clock).toEqual({
      targetMinutes: 240,
      warnPercent: 75,
      startedAt: at,
      runningSince: null,
      elapsedMs: 0,
      stoppedAt: null,
      outcome: null,
    });
    expect(readClock(clock, always, new Date('2025-01-09T00:00:00Z')).elapsedMs).toBe(0);
    expect(resumeClock(resumeClock(clock, at), new Date('2025-01-07T00:00:00Z')).runningSince).toEqual(at);
  });

  it('refuses a target that is not a duration', () => {
    expect(() => startClock({ targetMinutes: -1 }, at, true)).toThrow(RangeError);
    expect(() => startClock({ targetMinutes: 60, warnPercent: 0 }, at, true)).toThrow(RangeError);
    expect(() => retargetClock(startClock(p2, at, true), Number.NaN)).toThrow(RangeError);
  });

  it('reads an instant before the running segment as no time used', () => {
    const clock = startClock(p2, at, true);
    expect(readClock(clock, always, new Date(at.getTime() - MIN)).elapsedMs).toBe(0);
  });
});

// Operations at increasing instants through 2025 (both DST changes), gaps up to four days.
type Op = { gap: number } & ({ op: 'pause' } | { op: 'resume' } | { op: 'retarget'; minutes: number });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ gap: fc.integer({ min: 0, max: 4 * 86_400_000 }), op: fc.constant('pause' as const) }),
  fc.record({ gap: fc.integer({ min: 0, max: 4 * 86_400_000 }), op: fc.constant('resume' as const) }),
  fc.record({
    gap: fc.integer({ min: 0, max: 4 * 86_400_000 }),
    op: fc.constant('retarget' as const),
    minutes: fc.integer({ min: 0, max: 5_000 }),
  }),
);
const startAt = fc
  .integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2025-12-01T00:00:00Z') })
  .map((ms) => new Date(ms));
const target = fc.record({
  targetMinutes: fc.integer({ min: 1, max: 5_000 }),
  warnPercent: fc.integer({ min: 1, max: 100 }),
});

function apply(clock: Clock, step: Op, calendar: BusinessCalendar, at: Date): Clock {
  if (step.op === 'pause') return pauseClock(clock, calendar, at);
  if (step.op === 'resume') return resumeClock(clock, at);
  return retargetClock(clock, step.minutes);
}

describe.each(calendars)('clock properties on %s', (_name, calendar) => {
  it('never loses time used, whatever is paused, resumed or retargeted', () => {
    fc.assert(
      fc.property(
        target,
        startAt,
        fc.boolean(),
        fc.array(op, { maxLength: 20 }),
        (t, start, running, ops) => {
          let clock = startClock(t, start, running);
          let at = start.getTime();
          let used = 0;
          for (const step of ops) {
            at += step.gap;
            const before = readClock(clock, calendar, new Date(at)).elapsedMs;
            expect(before).toBeGreaterThanOrEqual(used);
            clock = apply(clock, step, calendar, new Date(at));
            used = readClock(clock, calendar, new Date(at)).elapsedMs;
            expect(used).toBe(before);
          }
          const stopped = stopClock(clock, calendar, new Date(at + 3_600_000));
          expect(stopped.elapsedMs).toBeGreaterThanOrEqual(used);
        },
      ),
    );
  });

  it('changes nothing when paused and resumed at the same instant', () => {
    fc.assert(
      fc.property(
        target,
        startAt,
        fc.integer({ min: 0, max: 10 * 86_400_000 }),
        fc.integer({ min: 0, max: 10 * 86_400_000 }),
        (t, start, untilPause, thenRead) => {
          const clock = startClock(t, start, true);
          const at = new Date(start.getTime() + untilPause);
          const later = new Date(at.getTime() + thenRead);
          const same = readClock(clock, calendar, later);
          const blinked = readClock(resumeClock(pauseClock(clock, calendar, at), at), calendar, later);
          expect({ ...blinked, dueAt: null, warnAt: null }).toEqual({ ...same, dueAt: null, warnAt: null });
          // An instant still ahead is unchanged; one already passed reads as the resume instant.
          const expected = (instant: Date | null) => (instant && instant > at ? instant : at);
          expect(blinked.dueAt).toEqual(expected(same.dueAt));
          expect(blinked.warnAt).toEqual(expected(same.warnAt));
        },
      ),
    );
  });
});

describe('clock properties on 24/7', () => {
  it('uses exactly the wall time it ran', () => {
    fc.assert(
      fc.property(
        target,
        startAt,
        fc.boolean(),
        fc.array(op, { maxLength: 20 }),
        (t, start, running, ops) => {
          let clock = startClock(t, start, running);
          let at = start.getTime();
          let ran = 0;
          for (const step of ops) {
            if (clock.runningSince) ran += step.gap;
            at += step.gap;
            clock = apply(clock, step, always, new Date(at));
            expect(readClock(clock, always, new Date(at)).elapsedMs).toBe(ran);
          }
        },
      ),
    );
  });
});

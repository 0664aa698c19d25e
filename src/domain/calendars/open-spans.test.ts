import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from './calendar.ts';

const splitWeek = compileCalendar({
  timeZone: 'America/New_York',
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
  holidays: ['2026-11-26'],
});

describe('open spans of a range', () => {
  it('lists each open interval, clipped to the range, skipping the weekend and a holiday', () => {
    // Wed 25 Nov 2026 10:00 EST (15:00Z) to Mon 30 Nov 09:00 EST (14:00Z); Thu 26 is a holiday.
    const spans = splitWeek.openSpansBetween(
      new Date('2026-11-25T15:00:00Z'),
      new Date('2026-11-30T14:00:00Z'),
    );
    expect(spans.map((s) => [s.start.toISOString(), s.end.toISOString()])).toEqual([
      ['2026-11-25T15:00:00.000Z', '2026-11-25T17:00:00.000Z'],
      ['2026-11-25T18:00:00.000Z', '2026-11-25T22:00:00.000Z'],
      ['2026-11-27T13:00:00.000Z', '2026-11-27T17:00:00.000Z'],
      ['2026-11-27T18:00:00.000Z', '2026-11-27T22:00:00.000Z'],
      ['2026-11-30T13:00:00.000Z', '2026-11-30T14:00:00.000Z'],
    ]);
  });

  it('adds up to the business time between the ends, every span open', () => {
    const instant = fc.date({
      min: new Date('2025-01-01T00:00:00Z'),
      max: new Date('2028-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 * 86_400_000 }), (from, length) => {
        const to = new Date(from.getTime() + length);
        const spans = splitWeek.openSpansBetween(from, to);
        const total = spans.reduce((sum, s) => sum + (s.end.getTime() - s.start.getTime()), 0);
        expect(total).toBe(splitWeek.businessMsBetween(from, to));
        for (const s of spans) expect(splitWeek.isOpen(s.start)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

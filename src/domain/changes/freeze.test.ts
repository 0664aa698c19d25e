import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conflictingFreeze,
  type FreezeWindow,
  freezeConflictMessage,
  type Interval,
  overlaps,
} from './freeze.ts';

const YEAR_END: FreezeWindow = {
  id: 'f1',
  name: 'Year-end freeze',
  start: new Date('2026-12-18T00:00:00Z'),
  end: new Date('2027-01-04T00:00:00Z'),
};

const at = (iso: string) => new Date(iso);

/** Intervals over a few days, in whole minutes, start strictly before end. */
const interval = fc
  .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 3_000 }))
  .map(([start, length]): Interval => {
    const base = Date.UTC(2026, 11, 1);
    return { start: new Date(base + start * 60_000), end: new Date(base + (start + length) * 60_000) };
  });

describe('freeze windows', () => {
  it('never conflicts with a freeze the window does not overlap, and always with one it does', () => {
    fc.assert(
      fc.property(interval, interval, (window, freezeSpan) => {
        const freeze = { ...freezeSpan, id: 'f', name: 'Freeze' };
        const sharesAnInstant =
          Math.max(window.start.getTime(), freeze.start.getTime()) <
          Math.min(window.end.getTime(), freeze.end.getTime());
        expect(conflictingFreeze(window, [freeze])).toBe(sharesAnInstant ? freeze : undefined);
      }),
    );
  });

  it('finds the first overlapping freeze among many, skipping the ones it does not touch', () => {
    fc.assert(
      fc.property(interval, fc.array(interval, { maxLength: 8 }), (window, spans) => {
        const freezes = spans.map((s, i) => ({ ...s, id: `f${i}`, name: `Freeze ${i}` }));
        const found = conflictingFreeze(window, freezes);
        const expected = freezes.find((f) => overlaps(window, f));
        expect(found).toBe(expected);
      }),
    );
  });

  it('treats windows as half-open: ending as a freeze begins, or starting as it ends, is fine', () => {
    expect(conflictingFreeze({ start: at('2026-12-17T22:00:00Z'), end: YEAR_END.start }, [YEAR_END])).toBe(
      undefined,
    );
    expect(conflictingFreeze({ start: YEAR_END.end, end: at('2027-01-04T02:00:00Z') }, [YEAR_END])).toBe(
      undefined,
    );
    expect(
      conflictingFreeze({ start: at('2026-12-17T23:59:00Z'), end: at('2026-12-18T00:01:00Z') }, [YEAR_END]),
    ).toBe(YEAR_END);
  });

  it('explains the refusal with both spans in UTC and the freeze’s name', () => {
    const window = { start: at('2026-12-18T22:00:00Z'), end: at('2026-12-19T02:00:00Z') };
    expect(freezeConflictMessage(window, YEAR_END)).toBe(
      'The window 18 Dec 2026 22:00 – 19 Dec 2026 02:00 UTC overlaps the freeze window “Year-end freeze” (18 Dec 2026 00:00 – 4 Jan 2027 00:00 UTC).',
    );
  });
});

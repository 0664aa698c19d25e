import { describe, expect, it } from 'vitest';
import {
  compileSchedule,
  finalShifts,
  gapsIn,
  type Layer,
  type Override,
  onCallAt,
  type ScheduleSpec,
  type Shift,
  type TimeOff,
} from './schedule.ts';

const at = (iso: string) => new Date(iso);

function schedule(timeZone: string, layers: Layer[], more: Partial<ScheduleSpec> = {}) {
  return compileSchedule({ timeZone, layers, overrides: [], timeOff: [], holidays: [], ...more });
}

/** Shifts as [who, start, end] in ISO text, so expectations read like a rota. */
const rota = (shifts: readonly Shift[]) =>
  shifts.map(({ userId, start, end }) => [userId, start.toISOString(), end.toISOString()]);
const spans = (gaps: readonly { start: Date; end: Date }[]) =>
  gaps.map(({ start, end }) => [start.toISOString(), end.toISOString()]);

describe('overrides', () => {
  // alice and bob alternate whole UTC weeks from Mon 2 Nov; the week under test is alice's.
  const roundTheClock: Layer = {
    name: 'Primary',
    start: '2026-11-02T00:00',
    turn: { unit: 'weeks', length: 1 },
    users: ['alice', 'bob'],
  };
  const wednesday = (from: string, to: string, userId: string): Override => ({
    userId,
    start: at(`2026-11-04T${from}:00Z`),
    end: at(`2026-11-04T${to}:00Z`),
  });
  const day = (overrides: Override[]) =>
    rota(
      finalShifts(
        schedule('UTC', [roundTheClock], { overrides }),
        at('2026-11-04T00:00:00Z'),
        at('2026-11-05T00:00:00Z'),
      ),
    );

  it('covers part of a turn, and the turn resumes after it', () => {
    expect(day([wednesday('12:00', '18:00', 'carol')])).toEqual([
      ['alice', '2026-11-04T00:00:00.000Z', '2026-11-04T12:00:00.000Z'],
      ['carol', '2026-11-04T12:00:00.000Z', '2026-11-04T18:00:00.000Z'],
      ['alice', '2026-11-04T18:00:00.000Z', '2026-11-05T00:00:00.000Z'],
    ]);
  });

  it('lets the latest-starting of two overlapping overrides win', () => {
    expect(day([wednesday('15:00', '20:00', 'dave'), wednesday('12:00', '18:00', 'carol')])).toEqual([
      ['alice', '2026-11-04T00:00:00.000Z', '2026-11-04T12:00:00.000Z'],
      ['carol', '2026-11-04T12:00:00.000Z', '2026-11-04T15:00:00.000Z'],
      ['dave', '2026-11-04T15:00:00.000Z', '2026-11-04T20:00:00.000Z'],
      ['alice', '2026-11-04T20:00:00.000Z', '2026-11-05T00:00:00.000Z'],
    ]);
  });

  it('returns to the covered override when a later one inside it ends', () => {
    expect(day([wednesday('12:00', '18:00', 'carol'), wednesday('14:00', '16:00', 'dave')])).toEqual([
      ['alice', '2026-11-04T00:00:00.000Z', '2026-11-04T12:00:00.000Z'],
      ['carol', '2026-11-04T12:00:00.000Z', '2026-11-04T14:00:00.000Z'],
      ['dave', '2026-11-04T14:00:00.000Z', '2026-11-04T16:00:00.000Z'],
      ['carol', '2026-11-04T16:00:00.000Z', '2026-11-04T18:00:00.000Z'],
      ['alice', '2026-11-04T18:00:00.000Z', '2026-11-05T00:00:00.000Z'],
    ]);
  });

  it('covers a gap in a restricted layer', () => {
    // Wed and Thu 09–17 UTC; erin covers Wed 16:00 → Thu 10:00, across the night the layer leaves open.
    const daytime: Layer = {
      ...roundTheClock,
      restrictions: [{ days: ['wed', 'thu'], from: '09:00', to: '17:00' }],
    };
    const erin = { userId: 'erin', start: at('2026-11-04T16:00:00Z'), end: at('2026-11-05T10:00:00Z') };
    const covered = schedule('UTC', [daytime], { overrides: [erin] });
    const [from, to] = [at('2026-11-04T09:00:00Z'), at('2026-11-05T17:00:00Z')];
    expect(gapsIn(covered, from, to)).toEqual([]);
    expect(rota(finalShifts(covered, from, to))).toEqual([
      ['alice', '2026-11-04T09:00:00.000Z', '2026-11-04T16:00:00.000Z'],
      ['erin', '2026-11-04T16:00:00.000Z', '2026-11-05T10:00:00.000Z'],
      ['alice', '2026-11-05T10:00:00.000Z', '2026-11-05T17:00:00.000Z'],
    ]);
  });
});

describe('time off', () => {
  const alone = (userId: string): Layer => ({
    name: userId,
    start: '2026-11-02T00:00',
    turn: { unit: 'weeks', length: 1 },
    users: [userId],
  });
  const away: TimeOff = {
    userId: 'alice',
    start: at('2026-11-03T00:00:00Z'),
    end: at('2026-11-04T00:00:00Z'),
  };
  const [from, to] = [at('2026-11-02T00:00:00Z'), at('2026-11-05T00:00:00Z')];

  it('shows the layer below while the person is away', () => {
    const twoLayers = schedule('UTC', [alone('bob'), alone('alice')], { timeOff: [away] });
    expect(rota(finalShifts(twoLayers, from, to))).toEqual([
      ['alice', '2026-11-02T00:00:00.000Z', '2026-11-03T00:00:00.000Z'],
      ['bob', '2026-11-03T00:00:00.000Z', '2026-11-04T00:00:00.000Z'],
      ['alice', '2026-11-04T00:00:00.000Z', '2026-11-05T00:00:00.000Z'],
    ]);
    expect(onCallAt(twoLayers, at('2026-11-03T12:00:00Z'))).toEqual(['bob']);
  });

  it('leaves a gap when no layer below has anyone', () => {
    const oneLayer = schedule('UTC', [alone('alice')], { timeOff: [away] });
    expect(spans(gapsIn(oneLayer, from, to))).toEqual([
      ['2026-11-03T00:00:00.000Z', '2026-11-04T00:00:00.000Z'],
    ]);
    expect(onCallAt(oneLayer, at('2026-11-03T12:00:00Z'))).toEqual([]);
  });

  it('does not undo an override: an override names the person explicitly', () => {
    const stillOn = { userId: 'alice', start: at('2026-11-03T10:00:00Z'), end: at('2026-11-03T11:00:00Z') };
    const oneLayer = schedule('UTC', [alone('alice')], { timeOff: [away], overrides: [stillOn] });
    expect(onCallAt(oneLayer, at('2026-11-03T10:30:00Z'))).toEqual(['alice']);
  });
});

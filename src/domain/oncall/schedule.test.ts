import { describe, expect, it } from 'vitest';
import {
  compileSchedule,
  finalShifts,
  gapsIn,
  type Layer,
  layerShifts,
  onCallAt,
  personalShifts,
  type ScheduleSpec,
  type Shift,
} from './schedule.ts';

const at = (iso: string) => new Date(iso);
const HOUR_MS = 3_600_000;

function schedule(timeZone: string, layers: Layer[], more: Partial<ScheduleSpec> = {}) {
  return compileSchedule({ timeZone, layers, overrides: [], timeOff: [], holidays: [], ...more });
}

/** Shifts as [who, start, end] in ISO text, so expectations read like a rota. */
const rota = (shifts: readonly Shift[]) =>
  shifts.map(({ userId, start, end }) => [userId, start.toISOString(), end.toISOString()]);
const spans = (gaps: readonly { start: Date; end: Date }[]) =>
  gaps.map(({ start, end }) => [start.toISOString(), end.toISOString()]);

describe('a weekly rotation with a 09:00 handoff in New York across the fall-back change', () => {
  // Mon 26 Oct 2026 09:00 EDT (−4) = 13:00Z. Clocks fall back Sun 1 Nov 02:00 EDT → 01:00 EST
  // (06:00Z). Mon 2 Nov 09:00 EST (−5) = 14:00Z, so alice's week is 7 × 24 + 1 = 169 hours.
  const weekly = schedule('America/New_York', [
    {
      name: 'Primary',
      start: '2026-10-26T09:00',
      turn: { unit: 'weeks', length: 1 },
      users: ['alice', 'bob', 'carol'],
    },
  ]);

  it('hands off at 09:00 local every Monday, whatever the offset', () => {
    expect(rota(finalShifts(weekly, at('2026-10-26T00:00:00Z'), at('2026-11-17T00:00:00Z')))).toEqual([
      ['alice', '2026-10-26T13:00:00.000Z', '2026-11-02T14:00:00.000Z'],
      ['bob', '2026-11-02T14:00:00.000Z', '2026-11-09T14:00:00.000Z'], // Mon 9 Nov 09:00 EST
      ['carol', '2026-11-09T14:00:00.000Z', '2026-11-16T14:00:00.000Z'],
      ['alice', '2026-11-16T14:00:00.000Z', '2026-11-17T00:00:00.000Z'], // user 0 again: turn 3
    ]);
    const [first] = layerShifts(weekly, 0, at('2026-10-26T00:00:00Z'), at('2026-11-09T00:00:00Z'));
    expect((first!.end.getTime() - first!.start.getTime()) / HOUR_MS).toBe(169);
  });

  it.each([
    ['2026-10-26T12:59:59Z', []], // 08:59:59 EDT: before the first handoff nobody is on call
    ['2026-10-26T13:00:00Z', ['alice']], // 09:00 EDT
    ['2026-11-01T05:30:00Z', ['alice']], // 01:30 EDT, the first pass through 01:30
    ['2026-11-01T06:30:00Z', ['alice']], // 01:30 EST, the second pass
    ['2026-11-02T13:00:00Z', ['alice']], // 08:00 EST: 168 elapsed hours would have handed off here
    ['2026-11-02T13:59:59.999Z', ['alice']],
    ['2026-11-02T14:00:00Z', ['bob']], // 09:00 EST
    ['2026-11-09T14:00:00Z', ['carol']],
  ])('at %s the rota shows %j', (instant, expected) => {
    expect(onCallAt(weekly, at(instant))).toEqual(expected);
  });
});

describe('handoffs at local times a DST change skips or repeats', () => {
  it('a daily 02:30 handoff on the spring-forward Sunday happens at 03:00 EDT', () => {
    // Sun 1 Mar 2026 02:30 EST (−5) = 07:30Z is turn 0 (a); turn k is on 1 Mar + k, a on even k.
    // Sun 8 Mar (turn 7, b): 02:00 EST jumps to 03:00 EDT, so 02:30 never shows; the handoff is
    // at 03:00 EDT = 07:00Z. Mon 9 Mar 02:30 EDT (−4) = 06:30Z. Both turns last 23.5 hours.
    const daily = schedule('America/New_York', [
      { name: 'Nights', start: '2026-03-01T02:30', turn: { unit: 'days', length: 1 }, users: ['a', 'b'] },
    ]);
    expect(rota(finalShifts(daily, at('2026-03-07T00:00:00Z'), at('2026-03-10T00:00:00Z')))).toEqual([
      ['b', '2026-03-07T00:00:00.000Z', '2026-03-07T07:30:00.000Z'],
      ['a', '2026-03-07T07:30:00.000Z', '2026-03-08T07:00:00.000Z'],
      ['b', '2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z'],
      ['a', '2026-03-09T06:30:00.000Z', '2026-03-10T00:00:00.000Z'],
    ]);
    expect(onCallAt(daily, at('2026-03-08T06:59:59Z'))).toEqual(['a']);
    expect(onCallAt(daily, at('2026-03-08T07:00:00Z'))).toEqual(['b']);
  });

  it('a daily 01:30 handoff on the fall-back Sunday happens at its first occurrence', () => {
    // Sat 31 Oct 01:30 EDT = 05:30Z (x). Sun 1 Nov 01:30 EDT = 05:30Z, not 01:30 EST = 06:30Z (y).
    // Mon 2 Nov 01:30 EST = 06:30Z (x), so y's day is 25 hours.
    const daily = schedule('America/New_York', [
      { name: 'Nights', start: '2026-10-31T01:30', turn: { unit: 'days', length: 1 }, users: ['x', 'y'] },
    ]);
    expect(rota(layerShifts(daily, 0, at('2026-10-31T00:00:00Z'), at('2026-11-02T12:00:00Z')))).toEqual([
      ['x', '2026-10-31T05:30:00.000Z', '2026-11-01T05:30:00.000Z'],
      ['y', '2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z'],
      ['x', '2026-11-02T06:30:00.000Z', '2026-11-02T12:00:00.000Z'],
    ]);
  });

  it('hour turns are elapsed time, so their local handoff moves across the change', () => {
    // Sat 31 Oct 21:00 EDT = 01:00Z Sun; 12-hour turns hand off at 13:00Z (08:00 EST) and 01:00Z.
    const halves = schedule('America/New_York', [
      { name: 'Halves', start: '2026-10-31T21:00', turn: { unit: 'hours', length: 12 }, users: ['p', 'q'] },
    ]);
    expect(rota(finalShifts(halves, at('2026-11-01T00:00:00Z'), at('2026-11-02T06:00:00Z')))).toEqual([
      ['p', '2026-11-01T01:00:00.000Z', '2026-11-01T13:00:00.000Z'],
      ['q', '2026-11-01T13:00:00.000Z', '2026-11-02T01:00:00.000Z'],
      ['p', '2026-11-02T01:00:00.000Z', '2026-11-02T06:00:00.000Z'],
    ]);
  });
});

describe('follow the sun: Manila then London office hours', () => {
  const officeHours = (timeZone: string, userId: string): Layer => ({
    name: timeZone,
    timeZone,
    start: '2026-10-05T09:00',
    turn: { unit: 'weeks', length: 1 },
    users: [userId],
    restrictions: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }],
  });
  const sun = schedule('UTC', [officeHours('Asia/Manila', 'maria'), officeHours('Europe/London', 'liam')]);
  const monday = at('2026-11-02T00:00:00Z');
  const nextMonday = at('2026-11-09T00:00:00Z');

  it('leaves each weekday night and the whole weekend uncovered', () => {
    // Manila 09–17 (+08, no DST) = 01:00–09:00Z; London 09–17 GMT (+00 after 25 Oct) = 09:00–17:00Z.
    // Each weekday is covered 01:00–17:00Z; the last cover ends Fri 6 Nov 17:00Z.
    expect(spans(gapsIn(sun, monday, nextMonday))).toEqual([
      ['2026-11-02T00:00:00.000Z', '2026-11-02T01:00:00.000Z'],
      ['2026-11-02T17:00:00.000Z', '2026-11-03T01:00:00.000Z'],
      ['2026-11-03T17:00:00.000Z', '2026-11-04T01:00:00.000Z'],
      ['2026-11-04T17:00:00.000Z', '2026-11-05T01:00:00.000Z'],
      ['2026-11-05T17:00:00.000Z', '2026-11-06T01:00:00.000Z'],
      ['2026-11-06T17:00:00.000Z', '2026-11-09T00:00:00.000Z'],
    ]);
  });

  it('hands over from Manila to London at 09:00Z', () => {
    expect(rota(finalShifts(sun, monday, at('2026-11-03T00:00:00Z')))).toEqual([
      ['maria', '2026-11-02T01:00:00.000Z', '2026-11-02T09:00:00.000Z'],
      ['liam', '2026-11-02T09:00:00.000Z', '2026-11-02T17:00:00.000Z'],
    ]);
    expect(personalShifts(sun, 'liam', monday, nextMonday)).toHaveLength(5);
  });
});

describe('restrictions past midnight and holidays', () => {
  const cover = (restrictions: Layer['restrictions'], more: Partial<Layer> = {}, holidays: string[] = []) =>
    schedule(
      'America/New_York',
      [
        {
          name: 'Weekend',
          start: '2026-10-05T09:00',
          turn: { unit: 'weeks', length: 1 },
          users: ['wes'],
          restrictions,
          ...more,
        },
      ],
      { holidays },
    );

  it('a Friday 17:00–09:00 window runs into Saturday morning', () => {
    // Fri 6 Nov 17:00 EST = 22:00Z; Sat 7 Nov 09:00 EST = 14:00Z.
    const friday = cover([{ days: ['fri'], from: '17:00', to: '09:00' }]);
    expect(onCallAt(friday, at('2026-11-06T21:59:59Z'))).toEqual([]);
    expect(onCallAt(friday, at('2026-11-06T22:00:00Z'))).toEqual(['wes']);
    expect(onCallAt(friday, at('2026-11-07T13:59:59Z'))).toEqual(['wes']);
    expect(onCallAt(friday, at('2026-11-07T14:00:00Z'))).toEqual([]);
  });

  it('weekend cover from Friday 17:00 to Monday 09:00 is one shift, 65 hours over the fall-back', () => {
    // Nights Fri/Sat/Sun 17:00–09:00 plus Sat/Sun days join into Fri 17:00 → Mon 09:00.
    // Fri 30 Oct 17:00 EDT = 21:00Z; Mon 2 Nov 09:00 EST = 14:00Z: 64 wall hours + the repeated one.
    // Fri 6 Nov 17:00 EST = 22:00Z; Mon 9 Nov 09:00 EST = 14:00Z: 64 hours.
    const weekend = cover([
      { days: ['fri', 'sat', 'sun'], from: '17:00', to: '09:00' },
      { days: ['sat', 'sun'], from: '09:00', to: '17:00' },
    ]);
    // From Mon 26 Oct 10:00 EDT, after the weekend before has ended at 09:00 EDT = 13:00Z.
    const shifts = finalShifts(weekend, at('2026-10-26T14:00:00Z'), at('2026-11-10T00:00:00Z'));
    expect(rota(shifts)).toEqual([
      ['wes', '2026-10-30T21:00:00.000Z', '2026-11-02T14:00:00.000Z'],
      ['wes', '2026-11-06T22:00:00.000Z', '2026-11-09T14:00:00.000Z'],
    ]);
    expect(shifts.map((s) => (s.end.getTime() - s.start.getTime()) / HOUR_MS)).toEqual([65, 64]);
  });

  it('a layer off on holidays has nobody for the whole local date', () => {
    // Thu 26 Nov 2026 in New York: 00:00 EST = 05:00Z to 24:00 EST = 05:00Z on the 27th.
    const thanksgiving = cover(undefined, { offOnHolidays: true }, ['2026-11-26']);
    expect(spans(gapsIn(thanksgiving, at('2026-11-25T00:00:00Z'), at('2026-11-28T00:00:00Z')))).toEqual([
      ['2026-11-26T05:00:00.000Z', '2026-11-27T05:00:00.000Z'],
    ]);
  });
});

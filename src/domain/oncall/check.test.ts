import { describe, expect, it } from 'vitest';
import { checkSchedule, compileSchedule, type Layer, type ScheduleSpec } from './schedule.ts';

const primary: Layer = {
  name: 'Primary',
  start: '2026-10-26T09:00',
  turn: { unit: 'weeks', length: 1 },
  users: ['alice', 'bob'],
  restrictions: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '17:00', to: '09:00' }],
};
const valid: ScheduleSpec = {
  timeZone: 'America/New_York',
  layers: [primary],
  overrides: [
    { userId: 'carol', start: new Date('2026-11-03T00:00:00Z'), end: new Date('2026-11-04T00:00:00Z') },
  ],
  timeOff: [
    { userId: 'bob', start: new Date('2026-12-24T00:00:00Z'), end: new Date('2027-01-02T00:00:00Z') },
  ],
  holidays: ['2026-12-25'],
};
const withLayer = (layer: Partial<Layer>, spec: Partial<ScheduleSpec> = {}): ScheduleSpec => ({
  ...valid,
  ...spec,
  layers: [{ ...primary, ...layer }],
});

describe('checkSchedule', () => {
  it('finds nothing wrong with a sound schedule', () => {
    expect(checkSchedule(valid)).toEqual([]);
  });

  it('refuses a first handoff the clock never shows, saying why', () => {
    // New York springs forward Sun 8 Mar 2026 at 02:00 EST to 03:00 EDT.
    expect(checkSchedule(withLayer({ start: '2026-03-08T02:30' }))).toEqual([
      {
        path: '/layers/0/start',
        message:
          '2026-03-08T02:30 does not exist in America/New_York: clocks spring forward from 02:00 to 03:00',
      },
    ]);
  });

  it("reads the start in the layer's own zone", () => {
    // London springs forward Sun 29 Mar 2026 at 01:00 GMT to 02:00 BST; 02:30 in New York is fine then.
    expect(checkSchedule(withLayer({ start: '2026-03-29T02:30' }))).toEqual([]);
    expect(checkSchedule(withLayer({ start: '2026-03-29T01:30', timeZone: 'Europe/London' }))).toEqual([
      {
        path: '/layers/0/start',
        message:
          '2026-03-29T01:30 does not exist in Europe/London: clocks spring forward from 01:00 to 02:00',
      },
    ]);
  });

  it('accepts a start the fall-back repeats (it means the first occurrence)', () => {
    expect(checkSchedule(withLayer({ start: '2026-11-01T01:30' }))).toEqual([]);
  });

  it.each([
    ['2026-10-26 09:00'],
    ['2026-10-26T9:00'],
    ['2026-02-30T09:00'],
    ['2026-10-26T24:00'],
    ['2026-10-26T09:00:00'],
  ])('refuses the start %s as not a local date and time', (start) => {
    expect(checkSchedule(withLayer({ start }))).toEqual([
      { path: '/layers/0/start', message: 'must be a local date and time such as 2026-10-26T09:00' },
    ]);
  });

  it.each([[0], [-1], [1.5], [Number.NaN]])('refuses a turn length of %s', (length) => {
    expect(checkSchedule(withLayer({ turn: { unit: 'days', length } }))).toEqual([
      { path: '/layers/0/turn/length', message: 'must be a whole number of at least 1' },
    ]);
  });

  it('names each problem of a layer at its own path', () => {
    const broken = withLayer(
      {
        name: '',
        users: [],
        timeZone: 'Mars/Olympus_Mons',
        turn: { unit: 'fortnights' as 'weeks', length: 2 },
        restrictions: [
          { days: ['fri', 'caturday' as 'sat'], from: '9:00', to: '25:00' },
          { days: [], from: '17:00', to: '17:00' },
        ],
      },
      { timeZone: 'Nowhere/Special' },
    );
    expect(checkSchedule(broken)).toEqual([
      { path: '/timeZone', message: 'must be a time zone such as Europe/London' },
      { path: '/layers/0/name', message: 'must be a name such as "Primary"' },
      { path: '/layers/0/timeZone', message: 'must be a time zone such as Europe/London' },
      { path: '/layers/0/turn/unit', message: 'must be hours, days or weeks' },
      { path: '/layers/0/users', message: 'must name at least one person to take turns' },
      {
        path: '/layers/0/restrictions/0/days',
        message: 'must list days of the week from mon, tue, wed, thu, fri, sat, sun',
      },
      { path: '/layers/0/restrictions/0/from', message: 'must be a time of day such as 09:00' },
      {
        path: '/layers/0/restrictions/0/to',
        message: 'must be a time of day such as 17:00, or 24:00 for midnight',
      },
      {
        path: '/layers/0/restrictions/1/days',
        message: 'must list days of the week from mon, tue, wed, thu, fri, sat, sun',
      },
      {
        path: '/layers/0/restrictions/1/to',
        message:
          'must differ from the start; 17:00 to 17:00 is no time at all (a whole day is 00:00 to 24:00)',
      },
    ]);
  });

  it('refuses overrides and time off that end at or before they start', () => {
    const instant = new Date('2026-11-03T00:00:00Z');
    const spec = {
      ...valid,
      overrides: [{ userId: 'carol', start: instant, end: instant }],
      timeOff: [{ userId: 'bob', start: instant, end: new Date('2026-11-02T00:00:00Z') }],
    };
    expect(checkSchedule(spec)).toEqual([
      { path: '/overrides/0/end', message: 'must be after the start' },
      { path: '/timeOff/0/end', message: 'must be after the start' },
    ]);
  });

  it('refuses holidays that are not dates', () => {
    expect(checkSchedule({ ...valid, holidays: ['2026-12-25', '2026-13-01'] })).toEqual([
      { path: '/holidays/1', message: 'must be a date such as 2026-12-25' },
    ]);
  });

  it('says what a schedule is when given something else', () => {
    expect(checkSchedule(null as unknown as ScheduleSpec)).toEqual([
      { path: '', message: 'must be a schedule with a timeZone, layers, overrides, timeOff and holidays' },
    ]);
  });
});

describe('compileSchedule', () => {
  it('throws a RangeError naming the first problem', () => {
    expect(() => compileSchedule(withLayer({ users: [] }))).toThrow(
      new RangeError('Invalid schedule: /layers/0/users must name at least one person to take turns.'),
    );
  });
});

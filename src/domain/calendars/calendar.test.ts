import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessMinutesBetween,
  type CalendarSpec,
  checkCalendar,
  compileCalendar,
  type OpenInterval,
  TWENTY_FOUR_SEVEN,
  type Weekday,
} from './calendar.ts';

const at = (iso: string) => new Date(iso);
const NINE_TO_FIVE: readonly OpenInterval[] = [['09:00', '17:00']];
const ALL_DAY: readonly OpenInterval[] = [['00:00', '24:00']];

/** A calendar open `intervals` on `days` (Mon–Fri by default) and closed the rest of the week. */
function calendar(
  timeZone: string,
  intervals: readonly OpenInterval[],
  {
    days = ['mon', 'tue', 'wed', 'thu', 'fri'],
    holidays = [],
  }: { days?: Weekday[]; holidays?: string[] } = {},
): CalendarSpec {
  const hours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } as Record<
    Weekday,
    readonly OpenInterval[]
  >;
  for (const day of days) hours[day] = intervals;
  return { timeZone, hours, holidays };
}

const ALL_WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

describe('a 9–17 business week across the 2026 DST changes', () => {
  it.each([
    // New York springs forward Sun 8 Mar: Fri 16:00 EST (−5) = 21:00Z; 60 min to 17:00 Fri,
    // then Mon 9 Mar 09:00 EDT (−4) + 60 min = 10:00 EDT = 14:00Z.
    ['America/New_York', '2026-03-06T21:00:00Z', '2026-03-09T14:00:00Z'],
    // New York falls back Sun 1 Nov: Fri 30 Oct 16:00 EDT = 20:00Z → Mon 2 Nov 10:00 EST = 15:00Z.
    ['America/New_York', '2026-10-30T20:00:00Z', '2026-11-02T15:00:00Z'],
    // London springs forward Sun 29 Mar: Fri 27 Mar 16:00 GMT = 16:00Z → Mon 30 Mar 10:00 BST = 09:00Z.
    ['Europe/London', '2026-03-27T16:00:00Z', '2026-03-30T09:00:00Z'],
    // London falls back Sun 25 Oct: Fri 23 Oct 16:00 BST = 15:00Z → Mon 26 Oct 10:00 GMT = 10:00Z.
    ['Europe/London', '2026-10-23T15:00:00Z', '2026-10-26T10:00:00Z'],
    // Sydney leaves AEDT (+11) Sun 5 Apr: Fri 3 Apr 16:00 AEDT = 05:00Z → Mon 6 Apr 10:00 AEST (+10) = 00:00Z.
    ['Australia/Sydney', '2026-04-03T05:00:00Z', '2026-04-06T00:00:00Z'],
    // Sydney enters AEDT Sun 4 Oct: Fri 2 Oct 16:00 AEST = 06:00Z → Mon 5 Oct 10:00 AEDT = Sun 4 Oct 23:00Z.
    ['Australia/Sydney', '2026-10-02T06:00:00Z', '2026-10-04T23:00:00Z'],
  ])('in %s, Friday 16:00 + 120 min is Monday 10:00 local (%s → %s)', (zone, start, due) => {
    const spec = calendar(zone, NINE_TO_FIVE);
    expect(addBusinessTime(spec, at(start), 120)).toEqual(at(due));
    expect(businessMinutesBetween(spec, at(start), at(due))).toBe(120);
  });
});

describe('a 24×7 calendar in a DST zone measures elapsed time', () => {
  const newYork = compileCalendar(calendar('America/New_York', ALL_DAY, { days: ALL_WEEK }));

  it('across the spring-forward night: Sat 12:00 EST (17:00Z) to Sun 12:00 EDT (16:00Z) is 23 h', () => {
    expect(newYork.businessMinutesBetween(at('2026-03-07T17:00:00Z'), at('2026-03-08T16:00:00Z'))).toBe(
      23 * 60,
    );
    expect(newYork.addBusinessTime(at('2026-03-07T17:00:00Z'), 23 * 60)).toEqual(at('2026-03-08T16:00:00Z'));
  });

  it('across the fall-back night: Sat 12:00 EDT (16:00Z) to Sun 12:00 EST (17:00Z) is 25 h', () => {
    expect(newYork.businessMinutesBetween(at('2026-10-31T16:00:00Z'), at('2026-11-01T17:00:00Z'))).toBe(
      25 * 60,
    );
  });

  it('counts 00:00–24:00 on the change days as 23 h and 25 h', () => {
    // Sun 8 Mar 00:00 EST = 05:00Z; Mon 9 Mar 00:00 EDT = 04:00Z.
    expect(newYork.businessMinutesBetween(at('2026-03-08T05:00:00Z'), at('2026-03-09T04:00:00Z'))).toBe(
      23 * 60,
    );
    // Sun 1 Nov 00:00 EDT = 04:00Z; Mon 2 Nov 00:00 EST = 05:00Z.
    expect(newYork.businessMinutesBetween(at('2026-11-01T04:00:00Z'), at('2026-11-02T05:00:00Z'))).toBe(
      25 * 60,
    );
  });
});

describe('an interval holding the skipped or repeated hour on the change day', () => {
  const sundayNight = (zone: string, interval: OpenInterval) =>
    compileCalendar(calendar(zone, [interval], { days: ['sun'] }));

  it.each([
    // A normal Sunday, 1 Mar: 00:00–06:00 EST is 6 h.
    ['America/New_York', '2026-02-28T00:00:00Z', '2026-03-03T00:00:00Z', 360],
    // 8 Mar: 00:00 EST (05:00Z) to 06:00 EDT (10:00Z) is 5 h; 02:00–03:00 never happens.
    ['America/New_York', '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z', 300],
    // 1 Nov: 00:00 EDT (04:00Z) to 06:00 EST (11:00Z) is 7 h; 01:00–02:00 happens twice.
    ['America/New_York', '2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z', 420],
    // 29 Mar: 00:00 GMT (00:00Z) to 06:00 BST (05:00Z) is 5 h.
    ['Europe/London', '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z', 300],
    // 25 Oct: 00:00 BST (24 Oct 23:00Z) to 06:00 GMT (06:00Z) is 7 h.
    ['Europe/London', '2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z', 420],
    // 5 Apr: 00:00 AEDT (4 Apr 13:00Z) to 06:00 AEST (4 Apr 20:00Z) is 7 h.
    ['Australia/Sydney', '2026-04-03T00:00:00Z', '2026-04-06T00:00:00Z', 420],
    // 4 Oct: 00:00 AEST (3 Oct 14:00Z) to 06:00 AEDT (3 Oct 19:00Z) is 5 h.
    ['Australia/Sydney', '2026-10-02T00:00:00Z', '2026-10-05T00:00:00Z', 300],
  ])('Sunday 00:00–06:00 in %s between %s and %s is %i min', (zone, from, to, minutes) => {
    expect(sundayNight(zone, ['00:00', '06:00']).businessMinutesBetween(at(from), at(to))).toBe(minutes);
  });

  it('runs a budget through the skipped hour: 00:00 EST + 150 min is 03:30 EDT, not 02:30', () => {
    // 05:00Z + 150 min = 07:30Z = 03:30 EDT.
    const due = sundayNight('America/New_York', ['00:00', '06:00']).addBusinessTime(
      at('2026-03-08T05:00:00Z'),
      150,
    );
    expect(due).toEqual(at('2026-03-08T07:30:00Z'));
  });

  it('runs a budget through the repeated hour: 00:00 EDT + 150 min is the second 01:30', () => {
    // 04:00Z + 150 min = 06:30Z = 01:30 EST.
    const due = sundayNight('America/New_York', ['00:00', '06:00']).addBusinessTime(
      at('2026-11-01T04:00:00Z'),
      150,
    );
    expect(due).toEqual(at('2026-11-01T06:30:00Z'));
  });

  it('opens a skipped opening time at the first instant after the gap', () => {
    const lateNight = sundayNight('America/New_York', ['02:30', '04:00']);
    // 02:30 does not exist on 8 Mar, so it opens at 03:00 EDT (07:00Z) and closes 04:00 EDT (08:00Z).
    expect(lateNight.nextOpen(at('2026-03-08T05:00:00Z'))).toEqual(at('2026-03-08T07:00:00Z'));
    expect(lateNight.businessMinutesBetween(at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toBe(60);
  });

  it('takes the first occurrence of a repeated opening time', () => {
    const lateNight = sundayNight('America/New_York', ['01:30', '02:30']);
    // 01:30 EDT (05:30Z) to 02:30 EST (07:30Z): 2 h on 1 Nov, 1 h on an ordinary Sunday.
    expect(lateNight.nextOpen(at('2026-11-01T04:00:00Z'))).toEqual(at('2026-11-01T05:30:00Z'));
    expect(lateNight.businessMinutesBetween(at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z'))).toBe(
      120,
    );
  });

  it('is never open in an interval the clocks skip entirely', () => {
    const skipped = sundayNight('America/New_York', ['02:00', '02:45']);
    // The only instant near it, 07:00Z, is already 03:00 EDT; the next opening is Sun 15 Mar 02:00 EDT.
    expect(skipped.isOpen(at('2026-03-08T07:00:00Z'))).toBe(false);
    expect(skipped.nextOpen(at('2026-03-08T05:00:00Z'))).toEqual(at('2026-03-15T06:00:00Z'));
  });
});

describe('holidays, lunch breaks and the year end', () => {
  it('skips a Friday holiday: Thu 24 Dec 16:00 + 120 min is Mon 28 Dec 10:00', () => {
    // 60 min Thursday; Fri 25 Dec closed, weekend closed; 60 min Monday. London is on GMT (UTC).
    const spec = calendar('Europe/London', NINE_TO_FIVE, { holidays: ['2026-12-25'] });
    expect(addBusinessTime(spec, at('2026-12-24T16:00:00Z'), 120)).toEqual(at('2026-12-28T10:00:00Z'));
  });

  it('resumes after lunch: 11:30 + 60 min on 08:00–12:00, 13:00–17:00 is 13:30', () => {
    const split = compileCalendar(
      calendar('UTC', [
        ['08:00', '12:00'],
        ['13:00', '17:00'],
      ]),
    );
    // 30 min to 12:00, lunch closed, 30 min from 13:00. Mon 2 Mar 2026.
    expect(split.addBusinessTime(at('2026-03-02T11:30:00Z'), 60)).toEqual(at('2026-03-02T13:30:00Z'));
    // 11:30→13:30 is 2 h elapsed, of which 1 h is lunch; 08:00→17:00 is 9 h less lunch.
    expect(split.businessMinutesBetween(at('2026-03-02T11:30:00Z'), at('2026-03-02T13:30:00Z'))).toBe(60);
    expect(split.businessMinutesBetween(at('2026-03-02T08:00:00Z'), at('2026-03-02T17:00:00Z'))).toBe(480);
    expect(split.isOpen(at('2026-03-02T12:30:00Z'))).toBe(false);
    expect(split.nextOpen(at('2026-03-02T12:30:00Z'))).toEqual(at('2026-03-02T13:00:00Z'));
  });

  it('crosses the year end: Thu 31 Dec 2026 16:00 + 120 min, 1 Jan a holiday, is Mon 4 Jan 10:00', () => {
    // New York in winter is EST (−5): 16:00 = 21:00Z; 60 min Thursday, Fri 1 Jan holiday,
    // Sat 2–Sun 3 weekend, Mon 4 Jan 09:00 + 60 min = 10:00 EST = 15:00Z.
    const spec = calendar('America/New_York', NINE_TO_FIVE, { holidays: ['2027-01-01'] });
    expect(addBusinessTime(spec, at('2026-12-31T21:00:00Z'), 120)).toEqual(at('2027-01-04T15:00:00Z'));
    expect(businessMinutesBetween(spec, at('2026-12-31T21:00:00Z'), at('2027-01-04T15:00:00Z'))).toBe(120);
  });
});

describe('the edges of open time', () => {
  const week = compileCalendar(calendar('UTC', NINE_TO_FIVE));

  it('ends at close when the budget runs out exactly then: Mon 15:00 + 120 min is Mon 17:00', () => {
    expect(week.addBusinessTime(at('2026-03-02T15:00:00Z'), 120)).toEqual(at('2026-03-02T17:00:00Z'));
  });

  it('starts counting at the next opening: Sat 12:00 + 60 min is Mon 10:00', () => {
    expect(week.addBusinessTime(at('2026-03-07T12:00:00Z'), 60)).toEqual(at('2026-03-09T10:00:00Z'));
  });

  it('returns the start itself for no time at all, even when closed', () => {
    const saturday = at('2026-03-07T12:00:00Z');
    expect(week.addBusinessTime(saturday, 0)).toBe(saturday);
    expect(week.addBusinessMs(saturday, 0)).toBe(saturday);
  });

  it('treats hours as half-open: open at 09:00, closed at 17:00', () => {
    expect(week.isOpen(at('2026-03-02T09:00:00Z'))).toBe(true);
    expect(week.isOpen(at('2026-03-02T16:59:59.999Z'))).toBe(true);
    expect(week.isOpen(at('2026-03-02T17:00:00Z'))).toBe(false);
    expect(week.nextOpen(at('2026-03-06T17:00:00Z'))).toEqual(at('2026-03-09T09:00:00Z'));
    const open = at('2026-03-02T10:00:00Z');
    expect(week.nextOpen(open)).toBe(open);
  });

  it('measures backwards as the negative', () => {
    // Fri 16:00 → Mon 10:00 is 120 min; the other way round, −120.
    expect(week.businessMinutesBetween(at('2026-03-09T10:00:00Z'), at('2026-03-06T16:00:00Z'))).toBe(-120);
    expect(week.businessMsBetween(at('2026-03-09T10:00:00Z'), at('2026-03-06T16:00:00Z'))).toBe(
      -120 * 60_000,
    );
  });

  it('rounds a fraction of a ms up to the next whole ms', () => {
    expect(week.addBusinessMs(at('2026-03-02T09:00:00Z'), 0.25)).toEqual(at('2026-03-02T09:00:00.001Z'));
  });

  it('refuses negative, infinite and NaN budgets and invalid dates', () => {
    expect(() => week.addBusinessTime(at('2026-03-02T09:00:00Z'), -1)).toThrow(RangeError);
    expect(() => week.addBusinessTime(at('2026-03-02T09:00:00Z'), Number.POSITIVE_INFINITY)).toThrow(
      RangeError,
    );
    expect(() => week.addBusinessMs(at('2026-03-02T09:00:00Z'), Number.NaN)).toThrow(
      /non-negative number of ms/,
    );
    expect(() => week.businessMinutesBetween(at('not a date'), at('2026-03-02T09:00:00Z'))).toThrow(
      RangeError,
    );
  });

  it('gives up after ten years without open time', () => {
    // Open Mondays only, and every Monday from 2026 to 2037 is a holiday.
    const mondays = Array.from({ length: 12 * 53 }, (_, week) =>
      new Date(Date.UTC(2026, 0, 5 + 7 * week)).toISOString().slice(0, 10),
    );
    const closed = compileCalendar(calendar('UTC', NINE_TO_FIVE, { days: ['mon'], holidays: mondays }));
    expect(() => closed.addBusinessTime(at('2026-01-01T00:00:00Z'), 60)).toThrow(
      /no open time in the 10 years/,
    );
    expect(() => closed.nextOpen(at('2026-01-01T00:00:00Z'))).toThrow(RangeError);
  });
});

describe('a 24×7 calendar', () => {
  it('equals elapsed time', () => {
    // 1 Jan 00:00Z → 15 Jun 12:00Z 2026: 165 days 12 h = 238,320 min.
    expect(
      businessMinutesBetween(TWENTY_FOUR_SEVEN, at('2026-01-01T00:00:00Z'), at('2026-06-15T12:00:00Z')),
    ).toBe(238_320);
    expect(addBusinessTime(TWENTY_FOUR_SEVEN, at('2026-01-01T00:00:00Z'), 238_320)).toEqual(
      at('2026-06-15T12:00:00Z'),
    );
    expect(compileCalendar(TWENTY_FOUR_SEVEN).isOpen(at('2026-12-25T00:00:00Z'))).toBe(true);
  });
});

describe('checking a calendar', () => {
  const valid = calendar('Europe/London', NINE_TO_FIVE);
  const withHours = (day: Weekday, intervals: unknown) =>
    ({ ...valid, hours: { ...valid.hours, [day]: intervals } }) as CalendarSpec;

  it('finds nothing wrong with a sound calendar', () => {
    expect(checkCalendar(valid)).toEqual([]);
    expect(checkCalendar(TWENTY_FOUR_SEVEN)).toEqual([]);
  });

  it.each([
    [
      'an unknown zone',
      { ...valid, timeZone: 'Mars/Olympus_Mons' },
      '/timeZone',
      'must be a time zone such as Europe/London',
    ],
    [
      'a bad opening time',
      withHours('mon', [['9am', '17:00']]),
      '/hours/mon/0/0',
      'must be a time of day such as 09:00',
    ],
    [
      'a bad closing time',
      withHours('tue', [['09:00', '24:30']]),
      '/hours/tue/0/1',
      'must be a time of day such as 17:00, or 24:00 for midnight',
    ],
    [
      '24:00 as an opening',
      withHours('tue', [['24:00', '24:00']]),
      '/hours/tue/0/0',
      'must be a time of day such as 09:00',
    ],
    [
      'an empty interval',
      withHours('wed', [['09:00', '09:00']]),
      '/hours/wed/0',
      'must close after it opens; 09:00 to 09:00 is no time at all',
    ],
    [
      'an overnight interval',
      withHours('thu', [['22:00', '06:00']]),
      '/hours/thu/0',
      'must close after it opens; to open overnight, end the day at 24:00 and open the next at 00:00',
    ],
    [
      'overlapping intervals',
      withHours('fri', [
        ['09:00', '13:00'],
        ['12:00', '17:00'],
      ]),
      '/hours/fri/1',
      'overlaps the interval before it, which closes at 13:00',
    ],
    [
      'unsorted intervals',
      withHours('fri', [
        ['13:00', '17:00'],
        ['08:00', '12:00'],
      ]),
      '/hours/fri/1',
      "must come after the interval before it; list each day's intervals in order",
    ],
    [
      'a malformed interval',
      withHours('mon', [['09:00']]),
      '/hours/mon/0',
      'must be a pair of times such as ["09:00", "17:00"]',
    ],
    [
      'a missing day',
      withHours('sat', undefined),
      '/hours/sat',
      'must list the opening hours of Saturday, or [] when closed all day',
    ],
    [
      'a stray day',
      withHours('holiday' as Weekday, []),
      '/hours/holiday',
      'is not a day of the week; use mon, tue, wed, thu, fri, sat or sun',
    ],
    [
      'a bad holiday date',
      { ...valid, holidays: ['2026-12-25', '2026-02-30'] },
      '/holidays/1',
      'must be a date such as 2026-12-25',
    ],
    [
      'a repeated holiday',
      { ...valid, holidays: ['2026-12-25', '2026-12-26', '2026-12-25'] },
      '/holidays/2',
      'repeats 2026-12-25, which is already a holiday',
    ],
    [
      'no open hour in the week',
      calendar('UTC', [], { days: [] }),
      '/hours',
      'must be open at some time in the week',
    ],
  ])('reports %s', (_, spec, path, message) => {
    expect(checkCalendar(spec as CalendarSpec)).toEqual([{ path, message }]);
  });

  it('reports every problem at once', () => {
    const spec = { timeZone: 'Nowhere', hours: valid.hours, holidays: ['soon'] };
    expect(checkCalendar(spec).map((problem) => problem.path)).toEqual(['/timeZone', '/holidays/0']);
  });

  it('touching intervals are fine: 09:00–12:00 then 12:00–17:00', () => {
    expect(
      checkCalendar(
        withHours('mon', [
          ['09:00', '12:00'],
          ['12:00', '17:00'],
        ]),
      ),
    ).toEqual([]);
  });

  it('refuses to compile an invalid calendar, naming the first problem', () => {
    expect(() => compileCalendar({ ...valid, timeZone: 'Nowhere' })).toThrow(
      new RangeError('Invalid calendar: /timeZone must be a time zone such as Europe/London.'),
    );
  });
});

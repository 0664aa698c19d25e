import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarSpec } from '../calendars/calendar.ts';
import type { CoverageRule, Matrix, RaciEntry } from '../matrix/matrix.ts';
import { TRACKS } from '../oncall/schedule.ts';
import { type CoverageLookups, coverageReport } from './coverage.ts';
import { calendarLookup, HARBORLINE_HOURS, type ShiftList, scheduleLookup } from './lookups.fixture.ts';
import { resolveRoute } from './resolve.ts';

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;
// Early March to mid April 2025: both the US (9 March) and the UK (30 March) change their clocks.
const BASE = Date.parse('2025-03-01T00:00:00Z');
const SPAN = 45 * DAY;

const londonShop: CalendarSpec = {
  timeZone: 'Europe/London',
  hours: {
    mon: [['06:00', '22:00']],
    tue: [['06:00', '22:00']],
    wed: [['00:00', '24:00']],
    thu: [['06:00', '22:00']],
    fri: [['06:00', '22:00']],
    sat: [['09:30', '13:15']],
    sun: [],
  },
  holidays: ['2025-03-17', '2025-04-18'],
};
const calendars = calendarLookup({
  harborline: { name: 'Harborline business hours', spec: HARBORLINE_HOURS },
  london: { name: 'London shop', spec: londonShop },
});
const SCHEDULES = { s1: 'security', s2: 'security', o1: 'operations', o2: 'operations' } as const;

// Quarter hours, so shift edges, range ends and calendar opening times often coincide.
const QUARTER = 15 * MINUTE;
const instant = fc.integer({ min: 0, max: SPAN / QUARTER }).map((q) => BASE + q * QUARTER);
const shift = fc.record({
  userId: fc.constantFrom('ana', 'ben', 'cy'),
  start: instant,
  minutes: fc.integer({ min: 1, max: 5 * 96 }).map((q) => q * 15),
});
const rule: fc.Arbitrary<CoverageRule> = fc.record({
  when: fc.constantFrom('always', 'business_hours', 'after_hours'),
  calendarId: fc.constantFrom('harborline', 'london', null),
  party: fc.constantFrom('internal', 'provider'),
  teamId: fc.constantFrom(null, 'team-1'),
  schedules: fc.record(
    { security: fc.constantFrom('s1', 's2', 'o1'), operations: fc.constantFrom('o1', 'o2', 's1') },
    { requiredKeys: [] },
  ),
});
const raci: fc.Arbitrary<RaciEntry[]> = fc.constantFrom(
  [{ party: 'provider', teamId: 'team-2', role: 'A' }],
  [{ party: 'internal', teamId: null, role: 'R' }],
);
const scenarioCase = fc.record({
  rules: fc.array(rule, { maxLength: 4 }),
  raci,
  active: fc.boolean(),
  shifts: fc.record({
    s1: fc.array(shift, { maxLength: 8 }),
    s2: fc.array(shift, { maxLength: 8 }),
    o1: fc.array(shift, { maxLength: 8 }),
    o2: fc.array(shift, { maxLength: 8 }),
  }),
  from: instant,
  minutes: fc.integer({ min: 1, max: 21 * 96 }).map((q) => q * 15),
  probes: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { maxLength: 20 }),
});

type Case = typeof scenarioCase extends fc.Arbitrary<infer T> ? T : never;

function setUp(c: Case) {
  const matrix: Matrix = {
    functions: [{ key: 'servers', name: 'Servers' }],
    scenarios: [{ key: 'incident', name: 'Incident response' }],
    cells: [
      {
        functionKey: 'servers',
        scenarioKey: 'incident',
        active: c.active,
        raci: c.raci,
        coverage: c.rules,
        handoff: '',
        escalationPolicy: null,
        runbookUrl: null,
      },
    ],
  };
  const lists = Object.fromEntries(
    Object.entries(SCHEDULES).map(([id, track]): [string, ShiftList] => [
      id,
      {
        name: id,
        track,
        shifts: c.shifts[id as keyof typeof SCHEDULES].map((s) => ({
          userId: s.userId,
          start: new Date(s.start),
          end: new Date(s.start + s.minutes * MINUTE),
        })),
      },
    ]),
  );
  const lookups: CoverageLookups = {
    calendars,
    schedules: scheduleLookup(lists),
    userName: (id) => id,
    teamName: (id) => id,
  };
  const range = { from: new Date(c.from), to: new Date(c.from + c.minutes * MINUTE) };
  return { matrix, lookups, range };
}

describe('the coverage map', () => {
  it('tiles the range with spans and gaps, in order, without overlap', () => {
    fc.assert(
      fc.property(scenarioCase, (c) => {
        const { matrix, lookups, range } = setUp(c);
        const report = coverageReport(matrix, range, lookups);
        expect(report.lines).toHaveLength(2);
        for (const line of report.lines) {
          const pieces = [...line.spans, ...line.gaps].sort((a, b) => a.start.getTime() - b.start.getTime());
          expect(pieces[0]!.start).toEqual(range.from);
          expect(pieces.at(-1)!.end).toEqual(range.to);
          pieces.forEach((piece, i) => {
            expect(piece.start.getTime()).toBeLessThan(piece.end.getTime());
            if (i > 0) expect(piece.start).toEqual(pieces[i - 1]!.end);
          });
          const spanned = line.spans.reduce((sum, s) => sum + s.end.getTime() - s.start.getTime(), 0);
          expect(line.coveredMs).toBe(spanned);
        }
        expect(report.score).toBeGreaterThanOrEqual(0);
        expect(report.score).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with resolveRoute at every instant', () => {
    fc.assert(
      fc.property(scenarioCase, (c) => {
        const { matrix, lookups, range } = setUp(c);
        const report = coverageReport(matrix, range, lookups);
        const from = range.from.getTime();
        const length = range.to.getTime() - from;
        for (const [t, track] of TRACKS.entries()) {
          const line = report.lines[t]!;
          const pieces = [...line.spans, ...line.gaps];
          // Random instants, and each piece's first and last millisecond.
          const probes = [
            ...c.probes.map((p) => from + Math.floor(p * length)),
            ...pieces.flatMap((piece) => [piece.start.getTime(), piece.end.getTime() - 1]),
          ];
          for (const at of probes) {
            const piece = pieces.find((p) => p.start.getTime() <= at && at < p.end.getTime())!;
            const result = resolveRoute(
              matrix,
              { functionKey: 'servers', scenario: 'incident', track, at: new Date(at) },
              lookups,
            );
            if (result.ok && result.route.users.length > 0) {
              const { party, teamId, scheduleId, users } = result.route;
              expect(piece).toEqual({ start: piece.start, end: piece.end, party, teamId, scheduleId, users });
            } else {
              expect(piece).toEqual({
                start: piece.start,
                end: piece.end,
                party: result.ok ? result.route.party : null,
              });
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * The coverage map at scale: a year of coverage for the 14 starting functions × 2 tracks.
 *
 *   npm run bench:coverage
 *
 * Builds, outside the timings, a realistic engagement: the client's Chicago office hours (with a
 * lunch closure and US holidays) and the provider's New York NOC office hours as compiled
 * calendars with their open/close instants precomputed; four schedules as final shift lists (SOC
 * 12-hour turns with a missed turn every four weeks, a weekly NOC rotation, provider day shifts
 * in NOC office hours, an internal on-call in client office hours); and incident cells in five
 * patterns (split by business hours, provider always, provider day/night, security-only after
 * hours, an always rule shadowing business hours). Then times, in the same run: a baseline that
 * makes one linear merge pass over the same boundary arrays for every line doing only
 * comparisons, coverageReport, and, for scale, what the sweep avoids: resolveRoute once an hour.
 * Figures are medians of several passes after a warm-up; the machine is shared, so only ratios
 * travel.
 */
import os from 'node:os';
import { compileCalendar } from '../src/domain/calendars/calendar.ts';
import {
  type CoverageRule,
  type Matrix,
  STARTING_FUNCTIONS,
  STARTING_SCENARIOS,
} from '../src/domain/matrix/matrix.ts';
import { type Shift, TRACKS, type Track } from '../src/domain/oncall/schedule.ts';
import { type CoverageLookups, coverageReport } from '../src/domain/routing/coverage.ts';
import { HARBORLINE_HOURS, openingChanges, rotation } from '../src/domain/routing/lookups.fixture.ts';
import { resolveRoute } from '../src/domain/routing/resolve.ts';
import { lastAtOrBefore } from '../src/domain/routing/timelines.ts';

const PASSES = 9;
const HOUR = 3_600_000;
const WEEK = 168 * HOUR;
const range = { from: new Date('2025-01-01T06:00:00Z'), to: new Date('2026-01-01T06:00:00Z') };
const [FROM, TO] = [range.from.getTime(), range.to.getTime()];

let started = performance.now();
const nocHours: readonly (readonly [string, string])[] = [['07:00', '19:00']];
const calendarSpecs = {
  harborline: {
    ...HARBORLINE_HOURS,
    holidays: [
      '2025-01-01',
      '2025-05-26',
      '2025-07-04',
      '2025-09-01',
      '2025-11-27',
      '2025-11-28',
      '2025-12-25',
    ],
  },
  'noc-office': {
    timeZone: 'America/New_York',
    hours: { mon: nocHours, tue: nocHours, wed: nocHours, thu: nocHours, fri: nocHours, sat: [], sun: [] },
    holidays: ['2025-01-01', '2025-07-04', '2025-12-25'],
  },
};
const calendars = Object.fromEntries(
  Object.entries(calendarSpecs).map(([id, spec]) => [
    id,
    { compiled: compileCalendar(spec), changes: openingChanges(spec, FROM - WEEK, TO + WEEK) },
  ]),
);

/** Shifts covering the open spans of a calendar's change list, the users taking turns per span. */
function openSpanShifts(calendarId: string, users: readonly string[], spansPerTurn: number): Shift[] {
  const { changes, compiled } = calendars[calendarId]!;
  const open = compiled.isOpen(new Date(changes[0]!)) ? 0 : 1;
  const shifts: Shift[] = [];
  for (let i = open; i + 1 < changes.length; i += 2) {
    const turn = Math.floor(shifts.length / spansPerTurn);
    shifts.push({
      userId: users[turn % users.length]!,
      start: new Date(changes[i]!),
      end: new Date(changes[i + 1]!),
    });
  }
  return shifts;
}
// A missed SOC turn every 28 days: an override nobody picked up.
const soc = rotation(['ana', 'ben', 'cy', 'dee', 'eli', 'fay'], new Date(FROM - WEEK), 12, 2 * 7 * 54).filter(
  (_, i) => i % 56 !== 30,
);
const schedules: Record<string, { name: string; track: Track; shifts: Shift[] }> = {
  soc: { name: 'SOC', track: 'security', shifts: soc },
  noc: {
    name: 'NOC on-call',
    track: 'operations',
    shifts: rotation(['gus', 'hal', 'ivy', 'jo'], new Date(FROM - WEEK), 168, 55),
  },
  'provider-day': {
    name: 'NOC day desk',
    track: 'operations',
    shifts: openSpanShifts('noc-office', ['kai', 'lu', 'mo'], 1),
  },
  infra: {
    name: 'Infrastructure on-call',
    track: 'operations',
    shifts: openSpanShifts('harborline', ['pat', 'quinn', 'ray'], 10),
  },
};
const shiftStarts = Object.fromEntries(
  Object.entries(schedules).map(([id, s]) => [id, s.shifts.map((x) => x.start.getTime())]),
);
const lookups: CoverageLookups = {
  calendars: {
    isOpen: (id, at) => calendars[id]!.compiled.isOpen(at),
    name: (id) => id,
    changesBetween: (id, from, to) =>
      calendars[id]!.changes.filter((t) => t > from.getTime() && t < to.getTime()).map((t) => new Date(t)),
  },
  schedules: {
    // Shift lists here are sorted and do not overlap, so one binary search answers.
    onCallAt: (id, at) => {
      const shift = schedules[id]!.shifts[lastAtOrBefore(shiftStarts[id]!, at.getTime())];
      return shift && shift.start <= at && at < shift.end ? [shift.userId] : [];
    },
    name: (id) => schedules[id]!.name,
    track: (id) => schedules[id]!.track,
    shiftsBetween: (id, from, to) => schedules[id]!.shifts.filter((s) => s.start < to && s.end > from),
  },
  userName: (id) => id,
  teamName: (id) => id,
};

const rule = (
  when: CoverageRule['when'],
  calendarId: string | null,
  party: CoverageRule['party'],
  schedules: CoverageRule['schedules'],
): CoverageRule => ({ when, calendarId, party, teamId: null, schedules });
const patterns: CoverageRule[][] = [
  [
    rule('business_hours', 'harborline', 'internal', { operations: 'infra' }),
    rule('after_hours', 'harborline', 'provider', { security: 'soc', operations: 'noc' }),
  ],
  [rule('always', null, 'provider', { security: 'soc', operations: 'noc' })],
  [
    rule('business_hours', 'noc-office', 'provider', { security: 'soc', operations: 'provider-day' }),
    rule('after_hours', 'noc-office', 'provider', { security: 'soc', operations: 'noc' }),
  ],
  [
    rule('business_hours', 'harborline', 'internal', {}),
    rule('after_hours', 'harborline', 'provider', { security: 'soc' }),
  ],
  [
    rule('always', null, 'provider', { security: 'soc' }),
    rule('business_hours', 'harborline', 'internal', { operations: 'infra' }),
  ],
];
const matrix: Matrix = {
  functions: STARTING_FUNCTIONS,
  scenarios: STARTING_SCENARIOS,
  cells: STARTING_FUNCTIONS.flatMap((fn, f) =>
    STARTING_SCENARIOS.map((scenario, s) => ({
      functionKey: fn.key,
      scenarioKey: scenario.key,
      active: true,
      raci: [
        { party: 'internal' as const, teamId: null, role: 'A' as const },
        { party: 'provider' as const, teamId: null, role: 'R' as const },
      ],
      coverage: patterns[(f + s) % patterns.length]!,
      handoff: '',
      escalationPolicy: null,
      runbookUrl: null,
    })),
  ),
};
const shiftCount = Object.values(schedules).reduce((n, s) => n + s.shifts.length, 0);
const changeCount = Object.values(calendars).reduce((n, c) => n + c.changes.length, 0);
console.log(
  `Built 2 calendars (${changeCount.toLocaleString('en')} opens/closes) and 4 schedules (${shiftCount.toLocaleString('en')} shifts) in ${(performance.now() - started).toFixed(0)} ms`,
);

/** Per line, the boundary arrays the sweep reads: its calendars' changes and its schedules' shift edges. */
const shiftEdges = Object.fromEntries(
  Object.entries(schedules).map(([id, s]) => [
    id,
    [...new Set(s.shifts.flatMap((x) => [x.start.getTime(), x.end.getTime()]))].sort((x, y) => x - y),
  ]),
);
const lineArrays: number[][][] = STARTING_FUNCTIONS.flatMap((fn) => {
  const cell = matrix.cells.find((c) => c.functionKey === fn.key && c.scenarioKey === 'incident')!;
  return TRACKS.map((track) => [
    ...new Set([
      ...cell.coverage.flatMap((r) => (r.calendarId ? [calendars[r.calendarId]!.changes] : [])),
      ...cell.coverage.flatMap((r) => (r.schedules[track] ? [shiftEdges[r.schedules[track]]!] : [])),
    ]),
  ]);
});

/** The floor: per line, one merge pass over those arrays, comparisons only, counting segments. */
function baseline(): number {
  let segments = 0;
  for (const arrays of lineArrays) {
    const cursors = new Int32Array(arrays.length);
    for (let at = FROM; at < TO; segments++) {
      let next = TO;
      for (let a = 0; a < arrays.length; a++) {
        const values = arrays[a]!;
        let k = cursors[a]!;
        while (k < values.length && values[k]! <= at) k++;
        cursors[a] = k;
        if (k < values.length && values[k]! < next) next = values[k]!;
      }
      at = next;
    }
  }
  return segments;
}

function hourly(): number {
  let paged = 0;
  for (const fn of STARTING_FUNCTIONS) {
    for (const track of TRACKS) {
      for (let at = FROM; at < TO; at += HOUR) {
        const result = resolveRoute(
          matrix,
          { functionKey: fn.key, scenario: 'incident', track, at: new Date(at) },
          lookups,
        );
        if (result.ok && result.route.users.length > 0) paged++;
      }
    }
  }
  return paged;
}

started = performance.now();
const first = coverageReport(matrix, range, lookups);
const coldMs = performance.now() - started;
const cases: [string, () => number][] = [
  ['baseline: merge pass over boundary arrays', baseline],
  ['coverageReport (sweep)', () => coverageReport(matrix, range, lookups).lines.length],
  ['resolveRoute once an hour (what the sweep avoids)', hourly],
];
for (const [, run] of cases) run();
const timings = cases.map((): number[] => []);
const results: number[] = [];
for (let pass = 0; pass < PASSES; pass++) {
  cases.forEach(([, run], c) => {
    if (c === 2 && pass >= 3) return; // the hourly case is slow and only for scale
    const t0 = performance.now();
    results[c] = run();
    timings[c]!.push(performance.now() - t0);
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(
  `\nTandem coverage map, ${STARTING_FUNCTIONS.length} functions × ${TRACKS.length} tracks over 2025, median of passes (Node ${process.version}, ${os.cpus().length} cores)`,
);
const base = median(timings[0]!);
cases.forEach(([name], c) => {
  const ms = median(timings[c]!);
  const ratio = c === 0 ? '' : `${(ms / base).toFixed(1).padStart(8)}× baseline`;
  console.log(
    `${name.padEnd(44)} ${ms.toFixed(2).padStart(9)} ms ${ratio.padEnd(20)} (result ${results[c]})`,
  );
});
console.log(`first coverageReport, cold (JIT, calendar index warm-up): ${coldMs.toFixed(1)} ms`);
const gaps = first.lines.reduce((n, line) => n + line.gaps.length, 0);
const spans = first.lines.reduce((n, line) => n + line.spans.length, 0);
console.log(
  `report: score ${first.score.toFixed(3)}, ${spans.toLocaleString('en')} spans, ${gaps.toLocaleString('en')} gaps, ${first.singlePoints.length} single points, ${first.overlaps.length} overlaps`,
);

// Cross-check: the hours at which resolveRoute paged someone are the hours inside the map's spans.
const hoursIn = (start: Date, end: Date) =>
  Math.ceil((end.getTime() - FROM) / HOUR) - Math.ceil((start.getTime() - FROM) / HOUR);
const spannedHours = first.lines.reduce(
  (n, line) => n + line.spans.reduce((m, s) => m + hoursIn(s.start, s.end), 0),
  0,
);
console.log(
  spannedHours === results[2]
    ? `cross-check: the ${spannedHours.toLocaleString('en')} line-hours resolveRoute paged someone are the hours inside the map's spans`
    : `(!) hourly resolveRoute paged ${results[2]} line-hours, the map's spans hold ${spannedHours}`,
);

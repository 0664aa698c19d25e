import { describe, expect, it } from 'vitest';
import type { CoverageRule, Matrix, MatrixCell } from '../matrix/matrix.ts';
import type { Shift } from '../oncall/schedule.ts';
import { coverageReport } from './coverage.ts';
import { HARBORLINE_HOURS, rotation, routingLookups, type ShiftList } from './lookups.fixture.ts';

/** Wall time in Chicago in January 2025 (CST, UTC−6); the 6th is a Monday. */
const chi = (day: number, time: string) =>
  new Date(`2025-01-${String(day).padStart(2, '0')}T${time}:00-06:00`);
const HOUR = 3_600_000;
const week = { from: chi(6, '00:00'), to: chi(13, '00:00') };
const weekdays = [6, 7, 8, 9, 10];

const businessHours: CoverageRule = {
  when: 'business_hours',
  calendarId: 'harborline',
  party: 'internal',
  teamId: null,
  schedules: {},
};
const afterHours: CoverageRule = {
  when: 'after_hours',
  calendarId: 'harborline',
  party: 'provider',
  teamId: 'soc',
  schedules: { security: 'soc', operations: 'noc' },
};

function matrixOf(coverage: CoverageRule[], active = true): Matrix {
  const cell: MatrixCell = {
    functionKey: 'security-monitoring',
    scenarioKey: 'incident',
    active,
    raci: [
      { party: 'internal', teamId: null, role: 'A' },
      { party: 'provider', teamId: null, role: 'R' },
    ],
    coverage,
    handoff: '',
    escalationPolicy: null,
    runbookUrl: null,
  };
  return {
    functions: [
      { key: 'security-monitoring', name: 'Security monitoring' },
      { key: 'network', name: 'Network' },
    ],
    scenarios: [{ key: 'incident', name: 'Incident response' }],
    cells: [cell],
  };
}

// SOC: Dana and Lee in 12-hour turns, except Saturday 08–12 (Dana's turn cut short).
const soc: Shift[] = rotation(['dana', 'lee'], chi(6, '00:00'), 12, 14).map((shift) =>
  shift.start.getTime() === chi(11, '00:00').getTime() ? { ...shift, end: chi(11, '08:00') } : shift,
);
// NOC: Sam until Saturday 00:00, Kim from Saturday 06:00; nobody Saturday 00–06.
const noc: Shift[] = [
  { userId: 'sam', start: chi(6, '00:00'), end: chi(11, '00:00') },
  { userId: 'kim', start: chi(11, '06:00'), end: chi(13, '00:00') },
];
const schedules: Record<string, ShiftList> = {
  soc: { name: 'SOC schedule', track: 'security', shifts: soc },
  noc: { name: 'NOC schedule', track: 'operations', shifts: noc },
  infra: {
    name: 'Infrastructure on-call',
    track: 'operations',
    shifts: [{ userId: 'pat', start: chi(6, '08:00'), end: chi(10, '17:00') }],
  },
};
const lookups = routingLookups(
  { harborline: { name: 'Harborline business hours', spec: HARBORLINE_HOURS } },
  schedules,
);
const officeGaps = weekdays.flatMap((day) => [
  { start: chi(day, '08:00'), end: chi(day, '12:00'), party: 'internal' },
  { start: chi(day, '13:00'), end: chi(day, '17:00'), party: 'internal' },
]);

describe('a week of coverage: internal in business hours, provider after hours', () => {
  const report = coverageReport(matrixOf([businessHours, afterHours]), week, lookups);
  const [security, operations, networkSecurity, networkOperations] = report.lines;

  it('reports the office hours and the SOC hole on Saturday as security gaps', () => {
    expect(security).toMatchObject({ functionKey: 'security-monitoring', track: 'security' });
    expect(security!.gaps).toEqual([
      ...officeGaps,
      { start: chi(11, '08:00'), end: chi(11, '12:00'), party: 'provider' },
    ]);
    expect(security!.coveredMs).toBe(124 * HOUR);
    expect(security!.spans).toHaveLength(19);
    expect(security!.spans.slice(0, 3)).toEqual([
      {
        start: chi(6, '00:00'),
        end: chi(6, '08:00'),
        party: 'provider',
        teamId: 'soc',
        scheduleId: 'soc',
        users: ['dana'],
      },
      {
        start: chi(6, '12:00'),
        end: chi(6, '13:00'),
        party: 'provider',
        teamId: 'soc',
        scheduleId: 'soc',
        users: ['lee'],
      },
      {
        start: chi(6, '17:00'),
        end: chi(7, '00:00'),
        party: 'provider',
        teamId: 'soc',
        scheduleId: 'soc',
        users: ['lee'],
      },
    ]);
  });

  it('reports the office hours and the NOC hole early on Saturday as operations gaps', () => {
    expect(operations!.gaps).toEqual([
      ...officeGaps,
      { start: chi(11, '00:00'), end: chi(11, '06:00'), party: 'provider' },
    ]);
    expect(operations!.coveredMs).toBe(122 * HOUR);
    // Sam's nights run straight through: evening, night and morning are one span.
    expect(operations!.spans[2]).toMatchObject({
      start: chi(6, '17:00'),
      end: chi(7, '08:00'),
      users: ['sam'],
    });
    expect(operations!.spans.at(-1)).toMatchObject({
      start: chi(11, '06:00'),
      end: chi(13, '00:00'),
      users: ['kim'],
    });
  });

  it('counts a function with no cell as a gap owned by nobody, on both tracks', () => {
    for (const line of [networkSecurity!, networkOperations!]) {
      expect(line).toMatchObject({ functionKey: 'network', spans: [], coveredMs: 0 });
      expect(line.gaps).toEqual([{ start: week.from, end: week.to, party: null }]);
    }
  });

  it('scores the share of function × track hours with someone on call', () => {
    expect(report.score).toBeCloseTo((124 + 122) / (4 * 168), 12);
  });

  it('flags one person alone on call for more than a day', () => {
    expect(report.singlePoints).toEqual([
      {
        functionKey: 'security-monitoring',
        track: 'operations',
        userId: 'kim',
        start: chi(11, '06:00'),
        end: chi(13, '00:00'),
      },
    ]);
    const strict = coverageReport(matrixOf([businessHours, afterHours]), week, lookups, {
      singlePointHours: 12,
    });
    expect(strict.singlePoints.filter((point) => point.userId === 'sam')).toHaveLength(4);
  });

  it('finds no overlaps when business hours and after hours split the week', () => {
    expect(report.overlaps).toEqual([]);
  });
});

describe('coverage with other rules', () => {
  it('covers business hours on the operations track when an internal schedule is named', () => {
    const internalOnCall = { ...businessHours, schedules: { operations: 'infra' } };
    const report = coverageReport(matrixOf([internalOnCall, afterHours]), week, lookups);
    const operations = report.lines[1]!;
    expect(operations.gaps).toEqual([{ start: chi(11, '00:00'), end: chi(11, '06:00'), party: 'provider' }]);
    expect(operations.spans[1]).toEqual({
      start: chi(6, '08:00'),
      end: chi(6, '12:00'),
      party: 'internal',
      teamId: null,
      scheduleId: 'infra',
      users: ['pat'],
    });
    expect(operations.coveredMs).toBe(162 * HOUR);
    // The security track still has the office hours uncovered.
    expect(report.lines[0]!.coveredMs).toBe(124 * HOUR);
  });

  it('reports the hours in which rules naming different parties both apply', () => {
    const alwaysProvider = { ...afterHours, when: 'always' as const, calendarId: null };
    const report = coverageReport(matrixOf([alwaysProvider, businessHours]), week, lookups);
    expect(report.overlaps).toEqual(
      officeGaps.map(({ start, end }) => ({
        functionKey: 'security-monitoring',
        start,
        end,
        parties: ['provider', 'internal'],
      })),
    );
    // The first rule wins, so the office hours are the provider's.
    expect(report.lines[0]!.gaps).toEqual([
      { start: chi(11, '08:00'), end: chi(11, '12:00'), party: 'provider' },
    ]);
  });

  it('leaves a no-rule stretch to the accountable party, with nobody paged', () => {
    const report = coverageReport(matrixOf([businessHours]), week, lookups);
    expect(report.lines[0]!.gaps).toEqual([{ start: week.from, end: week.to, party: 'internal' }]);
  });

  it('treats an inactive cell as no cell', () => {
    const report = coverageReport(matrixOf([afterHours], false), week, lookups);
    expect(report.lines[0]!.gaps).toEqual([{ start: week.from, end: week.to, party: null }]);
    expect(report.score).toBe(0);
  });

  it('reads the scenario asked for', () => {
    const report = coverageReport(matrixOf([afterHours]), week, lookups, { scenario: 'project' });
    expect(report).toMatchObject({ scenario: 'project', score: 0 });
  });

  it('refuses an empty or backwards range', () => {
    expect(() => coverageReport(matrixOf([]), { from: week.to, to: week.from }, lookups)).toThrow(RangeError);
  });
});

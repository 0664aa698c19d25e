import { describe, expect, it } from 'vitest';
import type { CoverageRule, Matrix, MatrixCell } from '../matrix/matrix.ts';
import { emptyMatrix } from '../matrix/starting.ts';
import { HARBORLINE_HOURS, rotation, routingLookups } from './lookups.fixture.ts';
import { resolveRoute } from './resolve.ts';

/** Wall time in Chicago in January 2025 (CST, UTC−6); the 6th is a Monday. */
const chi = (day: number, time: string) =>
  new Date(`2025-01-${String(day).padStart(2, '0')}T${time}:00-06:00`);

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
  teamId: null,
  schedules: { security: 'soc', operations: 'noc' },
};

function cell(coverage: CoverageRule[], overrides: Partial<MatrixCell> = {}): MatrixCell {
  return {
    functionKey: 'security-monitoring',
    scenarioKey: 'incident',
    active: true,
    raci: [
      { party: 'internal', teamId: 'infra', role: 'A' },
      { party: 'internal', teamId: 'infra', role: 'R' },
      { party: 'provider', teamId: null, role: 'R' },
    ],
    coverage,
    handoff: 'Page the SOC; the internal lead joins at 08:00.',
    escalationPolicy: 'Harborline major incident',
    runbookUrl: 'https://runbooks.example/security',
    ...overrides,
  };
}

const matrixWith = (...cells: MatrixCell[]): Matrix => ({ ...emptyMatrix(), cells });

// SOC: Dana Reyes nights, Lee Park days (12-hour turns from Sunday 20:00); NOC: Sam Ortiz all week.
const lookups = routingLookups(
  { harborline: { name: 'Harborline business hours', spec: HARBORLINE_HOURS } },
  {
    soc: {
      name: 'SOC schedule',
      track: 'security',
      shifts: rotation(['dana', 'lee'], chi(5, '20:00'), 12, 28),
    },
    noc: { name: 'NOC schedule', track: 'operations', shifts: rotation(['sam'], chi(6, '00:00'), 168, 1) },
  },
  { dana: 'Dana Reyes', lee: 'Lee Park', sam: 'Sam Ortiz', infra: 'Infrastructure' },
);
const harborline = matrixWith(cell([businessHours, afterHours]));
const request = { functionKey: 'security-monitoring', scenario: 'incident' } as const;

describe('routing a cell covered by internal in business hours and the provider after hours', () => {
  it('sends a security incident at 02:00 to the SOC person on call, saying why', () => {
    const result = resolveRoute(harborline, { ...request, track: 'security', at: chi(7, '02:00') }, lookups);
    expect(result).toEqual({
      ok: true,
      route: {
        party: 'provider',
        teamId: null,
        scheduleId: 'soc',
        users: ['dana'],
        escalationPolicy: 'Harborline major incident',
        runbookUrl: 'https://runbooks.example/security',
        reasons: [
          'Security monitoring × Incident response',
          'after hours per Harborline business hours → provider',
          'security track → SOC schedule',
          'Dana Reyes on call',
        ],
      },
    });
  });

  it('sends operational work at 02:00 to the NOC person, never the SOC', () => {
    const result = resolveRoute(
      harborline,
      { ...request, track: 'operations', at: chi(7, '02:00') },
      lookups,
    );
    expect(result.ok && result.route).toMatchObject({ party: 'provider', scheduleId: 'noc', users: ['sam'] });
    expect(result.ok && result.route.reasons.slice(2)).toEqual([
      'operations track → NOC schedule',
      'Sam Ortiz on call',
    ]);
  });

  it('reads the operations track when none is asked for', () => {
    const result = resolveRoute(harborline, { ...request, at: chi(7, '02:00') }, lookups);
    expect(result.ok && result.route.scheduleId).toBe('noc');
  });

  it('gives both tracks to internal at 10:00 on Tuesday, with nobody paged', () => {
    for (const track of ['security', 'operations'] as const) {
      const result = resolveRoute(harborline, { ...request, track, at: chi(7, '10:00') }, lookups);
      expect(result.ok && result.route).toMatchObject({
        party: 'internal',
        teamId: null,
        scheduleId: null,
        users: [],
      });
      expect(result.ok && result.route.reasons.slice(1)).toEqual([
        'within Harborline business hours → internal',
        `no ${track} schedule → nobody paged`,
      ]);
    }
  });

  it('hands the lunch hour to the provider', () => {
    const result = resolveRoute(harborline, { ...request, track: 'security', at: chi(7, '12:30') }, lookups);
    expect(result.ok && result.route).toMatchObject({ party: 'provider', scheduleId: 'soc', users: ['lee'] });
  });

  it('leaves operations unrouted when the after-hours rule has only a security schedule', () => {
    const socOnly = matrixWith(cell([businessHours, { ...afterHours, schedules: { security: 'soc' } }]));
    const result = resolveRoute(socOnly, { ...request, track: 'operations', at: chi(7, '02:00') }, lookups);
    expect(result.ok && result.route).toMatchObject({ party: 'provider', scheduleId: null, users: [] });
    expect(result.ok && result.route.reasons.at(-1)).toBe(
      'no operations schedule (SOC schedule serves security only) → nobody paged',
    );
  });

  it('refuses a schedule named for the wrong track', () => {
    const crossed = matrixWith(cell([{ ...afterHours, schedules: { operations: 'soc' } }]));
    const result = resolveRoute(crossed, { ...request, track: 'operations', at: chi(7, '02:00') }, lookups);
    expect(result.ok && result.route).toMatchObject({ scheduleId: null, users: [] });
    expect(result.ok && result.route.reasons.at(-1)).toBe(
      'SOC schedule serves the security track, not operations → nobody paged',
    );
  });

  it('names the team of the covering party', () => {
    const soc = matrixWith(cell([{ ...afterHours, teamId: 'infra' }]));
    const result = resolveRoute(soc, { ...request, track: 'security', at: chi(7, '02:00') }, lookups);
    expect(result.ok && result.route.reasons[1]).toBe(
      'after hours per Harborline business hours → provider (Infrastructure)',
    );
  });

  it('says when nobody is on the schedule', () => {
    const result = resolveRoute(
      harborline,
      { ...request, track: 'operations', at: chi(20, '02:00') },
      lookups,
    );
    expect(result.ok && result.route.reasons.at(-1)).toBe('nobody on call on NOC schedule');
  });
});

describe('routing without a coverage rule that applies', () => {
  it('falls back to the accountable party when no rule covers the time', () => {
    const daytimeOnly = matrixWith(cell([businessHours]));
    const result = resolveRoute(daytimeOnly, { ...request, track: 'security', at: chi(7, '02:00') }, lookups);
    expect(result.ok && result.route).toMatchObject({
      party: 'internal',
      teamId: 'infra',
      scheduleId: null,
      users: [],
    });
    expect(result.ok && result.route.reasons.slice(1)).toEqual([
      'no coverage rule at this time → accountable party',
      'internal (Infrastructure)',
      'no security schedule → nobody paged',
    ]);
  });

  it('fails with no cell for the pair', () => {
    const result = resolveRoute(
      harborline,
      { functionKey: 'network', scenario: 'project', at: chi(7, '02:00') },
      lookups,
    );
    expect(result).toEqual({
      ok: false,
      reason: 'no active cell for Network × Project work',
      reasons: ['Network × Project work', 'no cell in the matrix'],
    });
  });

  it('fails for an inactive cell', () => {
    const inactive = matrixWith(cell([afterHours], { active: false }));
    const result = resolveRoute(inactive, { ...request, at: chi(7, '02:00') }, lookups);
    expect(result).toMatchObject({
      ok: false,
      reason: 'no active cell for Security monitoring × Incident response',
    });
  });

  it('fails when nothing covers the time and nobody is accountable', () => {
    const ownerless = matrixWith(
      cell([businessHours], { raci: [{ party: 'provider', teamId: null, role: 'R' }] }),
    );
    const result = resolveRoute(ownerless, { ...request, at: chi(7, '02:00') }, lookups);
    expect(result.ok).toBe(false);
  });

  it('accepts a priority without changing the route', () => {
    const at = chi(7, '02:00');
    const withPriority = resolveRoute(harborline, { ...request, at, priority: 'P1' }, lookups);
    expect(withPriority).toEqual(resolveRoute(harborline, { ...request, at }, lookups));
  });
});

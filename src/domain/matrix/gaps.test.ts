import { describe, expect, it } from 'vitest';
import { compileCalendar, TWENTY_FOUR_SEVEN } from '../calendars/calendar.ts';
import { HARBORLINE_HOURS } from '../routing/lookups.fixture.ts';
import type { CalendarLookup } from '../routing/resolve.ts';
import { matrixGaps } from './gaps.ts';
import {
  type CoverageRule,
  type Matrix,
  type MatrixCell,
  STARTING_FUNCTIONS,
  STARTING_SCENARIOS,
} from './matrix.ts';
import { emptyMatrix } from './starting.ts';

const compiled = {
  harborline: compileCalendar(HARBORLINE_HOURS),
  always: compileCalendar(TWENTY_FOUR_SEVEN),
};
const calendars: CalendarLookup = {
  isOpen: (id, at) => compiled[id as keyof typeof compiled].isOpen(at),
  name: (id) => id,
};
/** Monday 6 January 2025, 00:00 in Chicago. */
const weekFrom = new Date('2025-01-06T06:00:00Z');

const rule = (
  when: CoverageRule['when'],
  calendarId: string | null,
  party: CoverageRule['party'],
): CoverageRule => ({
  when,
  calendarId,
  party,
  teamId: null,
  schedules: {},
});
function cell(coverage: CoverageRule[], overrides: Partial<MatrixCell> = {}): MatrixCell {
  return {
    functionKey: 'network',
    scenarioKey: 'incident',
    active: true,
    raci: [
      { party: 'internal', teamId: null, role: 'A' },
      { party: 'provider', teamId: null, role: 'R' },
    ],
    coverage,
    handoff: '',
    escalationPolicy: null,
    runbookUrl: null,
    ...overrides,
  };
}
/** Only the network row and the incident column, so the row checks stay quiet. */
const matrixOf = (...cells: MatrixCell[]): Matrix => ({
  functions: [{ key: 'network', name: 'Network' }],
  scenarios: [{ key: 'incident', name: 'Incident response' }],
  cells,
});
const coverageMessages = (matrix: Matrix) =>
  matrixGaps(matrix, calendars, weekFrom)
    .filter((p) => p.path.endsWith('/coverage'))
    .map((p) => p.message);

describe('emptyMatrix', () => {
  it('starts from the catalogue with nothing owned', () => {
    expect(emptyMatrix()).toEqual({
      functions: STARTING_FUNCTIONS,
      scenarios: STARTING_SCENARIOS,
      cells: [],
    });
  });
});

describe('matrixGaps', () => {
  it('finds none when business hours and after hours share a calendar', () => {
    const split = matrixOf(
      cell([rule('business_hours', 'harborline', 'internal'), rule('after_hours', 'harborline', 'provider')]),
    );
    expect(matrixGaps(split, calendars, weekFrom)).toEqual([]);
  });

  it('finds none with an always rule or a calendar that never closes', () => {
    expect(coverageMessages(matrixOf(cell([rule('always', null, 'provider')])))).toEqual([]);
    expect(coverageMessages(matrixOf(cell([rule('business_hours', 'always', 'internal')])))).toEqual([]);
  });

  it('counts the hours business-hours-only coverage leaves open', () => {
    const daytime = matrixOf(cell([rule('business_hours', 'harborline', 'internal')]));
    expect(matrixGaps(daytime, calendars, weekFrom)).toEqual([
      {
        path: '/cells/0/coverage',
        message: 'coverage leaves 128 h of the week from 2025-01-06 uncovered, first at 2025-01-06T06:00Z',
        functionKey: 'network',
        scenarioKey: 'incident',
      },
    ]);
  });

  it('checks rules on different calendars minute by minute', () => {
    // After hours on a calendar that is always open never applies.
    const mixed = matrixOf(
      cell([rule('business_hours', 'harborline', 'internal'), rule('after_hours', 'always', 'provider')]),
    );
    expect(coverageMessages(mixed)).toEqual([
      'coverage leaves 128 h of the week from 2025-01-06 uncovered, first at 2025-01-06T06:00Z',
    ]);
  });

  it('reports a cell with no coverage rules at all', () => {
    expect(coverageMessages(matrixOf(cell([])))).toEqual([
      'has no coverage rules, so nobody is paged at any hour',
    ]);
  });

  it('reports active cells without owners, and ignores inactive ones', () => {
    const ownerless = cell([rule('always', null, 'provider')], { raci: [] });
    expect(matrixGaps(matrixOf(ownerless), calendars, weekFrom).map((p) => p.message)).toEqual([
      'needs exactly one Accountable; has none',
      'needs a Responsible party',
    ]);
    const inactive = cell([], { raci: [], active: false });
    expect(matrixGaps(matrixOf(inactive), calendars, weekFrom).map((p) => p.path)).toEqual([
      '/functions/0',
      '/scenarios/0',
    ]);
  });

  it('reports every row and column without an active cell', () => {
    const problems = matrixGaps(emptyMatrix(), calendars, weekFrom);
    expect(problems).toHaveLength(STARTING_FUNCTIONS.length + STARTING_SCENARIOS.length);
    expect(problems[0]).toEqual({
      path: '/functions/0',
      message: 'has no active cell',
      functionKey: 'service-desk',
    });
  });
});

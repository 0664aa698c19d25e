import { describe, expect, it } from 'vitest';
import { checkMatrix } from './check.ts';
import type { CoverageRule, Matrix, MatrixCell, RaciEntry } from './matrix.ts';
import { emptyMatrix } from './starting.ts';

const accountable: RaciEntry = { party: 'internal', teamId: null, role: 'A' };
const responsible: RaciEntry = { party: 'provider', teamId: 'noc', role: 'R' };
const afterHours: CoverageRule = {
  when: 'after_hours',
  calendarId: 'office',
  party: 'provider',
  teamId: 'noc',
  schedules: { operations: 'noc' },
};

function cell(overrides: Partial<MatrixCell> = {}): MatrixCell {
  return {
    functionKey: 'network',
    scenarioKey: 'incident',
    active: true,
    raci: [accountable, responsible],
    coverage: [afterHours],
    handoff: 'Phone bridge, then ticket.',
    escalationPolicy: null,
    runbookUrl: null,
    ...overrides,
  };
}
const withCells = (...cells: MatrixCell[]): Matrix => ({ ...emptyMatrix(), cells });
const about = { functionKey: 'network', scenarioKey: 'incident' };

describe('checkMatrix', () => {
  it('accepts the starting catalogue and a well-formed cell', () => {
    expect(checkMatrix(emptyMatrix())).toEqual([]);
    expect(checkMatrix(withCells(cell()))).toEqual([]);
  });

  it('needs an Accountable in an active cell', () => {
    expect(checkMatrix(withCells(cell({ raci: [responsible] })))).toEqual([
      { path: '/cells/0/raci', message: 'needs exactly one Accountable; has none', ...about },
    ]);
  });

  it('allows only one Accountable, naming both', () => {
    const two = cell({ raci: [accountable, responsible, { party: 'provider', teamId: null, role: 'A' }] });
    expect(checkMatrix(withCells(two))).toEqual([
      {
        path: '/cells/0/raci',
        message: 'needs exactly one Accountable; has 2 (internal, provider)',
        ...about,
      },
    ]);
  });

  it('needs a Responsible party', () => {
    expect(checkMatrix(withCells(cell({ raci: [accountable] })))).toEqual([
      { path: '/cells/0/raci', message: 'needs a Responsible party', ...about },
    ]);
  });

  it('asks nothing of the owners of an inactive cell', () => {
    expect(checkMatrix(withCells(cell({ active: false, raci: [] })))).toEqual([]);
  });

  it('rejects cells for unknown functions and scenarios', () => {
    const stray = cell({ functionKey: 'printers', scenarioKey: 'outage' });
    expect(checkMatrix(withCells(stray))).toEqual([
      {
        path: '/cells/0/functionKey',
        message: 'unknown function "printers"',
        functionKey: 'printers',
        scenarioKey: 'outage',
      },
      {
        path: '/cells/0/scenarioKey',
        message: 'unknown scenario "outage"',
        functionKey: 'printers',
        scenarioKey: 'outage',
      },
    ]);
  });

  it('allows one cell per function and scenario', () => {
    const problems = checkMatrix(withCells(cell(), cell({ scenarioKey: 'project' }), cell()));
    expect(problems).toEqual([
      {
        path: '/cells/2',
        message: 'duplicates the cell at /cells/0; one cell per function and scenario',
        ...about,
      },
    ]);
  });

  it('wants unique slug keys and names on rows', () => {
    const matrix: Matrix = {
      functions: [
        { key: 'network', name: 'Network' },
        { key: 'Network Ops', name: 'Network operations' },
        { key: 'network', name: '  ' },
      ],
      scenarios: [{ key: 'incident', name: 'Incident response' }],
      cells: [],
    };
    expect(checkMatrix(matrix).map(({ path, message }) => [path, message])).toEqual([
      [
        '/functions/1/key',
        '"Network Ops" must be lower-case letters and digits joined by single hyphens, at most 64 characters',
      ],
      ['/functions/2/key', '"network" is already used by /functions/0'],
      ['/functions/2/name', 'needs a name'],
    ]);
  });

  it('wants calendars on business-hours and after-hours rules, and none on always', () => {
    const coverage: CoverageRule[] = [
      { ...afterHours, when: 'business_hours', calendarId: null },
      { ...afterHours, calendarId: '' },
      { ...afterHours, when: 'always' },
      { ...afterHours, when: 'always', calendarId: null },
    ];
    expect(checkMatrix(withCells(cell({ coverage })))).toEqual([
      {
        path: '/cells/0/coverage/0/calendarId',
        message: 'a rule for business hours needs a calendar',
        ...about,
      },
      {
        path: '/cells/0/coverage/1/calendarId',
        message: 'a rule for after hours needs a calendar',
        ...about,
      },
      { path: '/cells/0/coverage/2/calendarId', message: 'an always rule takes no calendar', ...about },
    ]);
  });

  it('rejects a repeated RACI entry, even in an inactive cell', () => {
    const raci = [accountable, responsible, { ...responsible }, { ...responsible, teamId: 'soc' }];
    expect(checkMatrix(withCells(cell({ raci, active: false })))).toEqual([
      { path: '/cells/0/raci/2', message: 'repeats provider/noc R (see /raci/1)', ...about },
    ]);
  });
});

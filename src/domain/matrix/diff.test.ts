import { describe, expect, it } from 'vitest';
import { diffMatrix } from './diff.ts';
import type { Matrix, MatrixCell } from './matrix.ts';

const cell: MatrixCell = {
  functionKey: 'network',
  scenarioKey: 'incident',
  active: true,
  raci: [
    { party: 'internal', teamId: null, role: 'A' },
    { party: 'provider', teamId: 'noc', role: 'R' },
  ],
  coverage: [
    { when: 'business_hours', calendarId: 'office', party: 'internal', teamId: null, schedules: {} },
    {
      when: 'after_hours',
      calendarId: 'office',
      party: 'provider',
      teamId: 'noc',
      schedules: { operations: 'noc' },
    },
  ],
  handoff: 'Phone bridge.',
  escalationPolicy: 'Network outage',
  runbookUrl: null,
};
const version1: Matrix = {
  functions: [
    { key: 'network', name: 'Network' },
    { key: 'servers', name: 'Servers' },
  ],
  scenarios: [
    { key: 'incident', name: 'Incident response' },
    { key: 'project', name: 'Project work' },
  ],
  cells: [cell, { ...cell, scenarioKey: 'project', coverage: [] }],
};
const pair = { functionKey: 'network', scenarioKey: 'incident' };

describe('diffMatrix', () => {
  it('finds nothing between equal versions, copies included', () => {
    expect(diffMatrix(version1, structuredClone(version1))).toEqual([]);
  });

  it('lists rows added, removed and renamed by key', () => {
    const version2: Matrix = {
      ...version1,
      functions: [
        { key: 'network', name: 'Network and Wi-Fi' },
        { key: 'cloud', name: 'Cloud operations' },
      ],
      scenarios: [
        version1.scenarios[0]!,
        { key: 'vendor', name: 'Vendor management' },
        version1.scenarios[1]!,
      ],
    };
    expect(diffMatrix(version1, version2)).toEqual([
      { kind: 'function_renamed', key: 'network', before: 'Network', after: 'Network and Wi-Fi' },
      { kind: 'function_removed', key: 'servers', before: 'Servers' },
      { kind: 'function_added', key: 'cloud', after: 'Cloud operations' },
      { kind: 'scenario_added', key: 'vendor', after: 'Vendor management' },
    ]);
  });

  it('gives each changed field of a cell with before and after', () => {
    const moved: MatrixCell = {
      ...cell,
      raci: [
        { party: 'provider', teamId: null, role: 'A' },
        { party: 'provider', teamId: 'noc', role: 'R' },
      ],
      runbookUrl: 'https://runbooks.example/network',
    };
    expect(diffMatrix(version1, { ...version1, cells: [moved, version1.cells[1]!] })).toEqual([
      { kind: 'cell_changed', ...pair, field: 'raci', before: cell.raci, after: moved.raci },
      {
        kind: 'cell_changed',
        ...pair,
        field: 'runbookUrl',
        before: null,
        after: 'https://runbooks.example/network',
      },
    ]);
  });

  it('ignores the order of RACI entries but not of coverage rules', () => {
    const reordered: MatrixCell = {
      ...cell,
      raci: [...cell.raci].reverse(),
      coverage: [...cell.coverage].reverse(),
    };
    expect(diffMatrix(version1, { ...version1, cells: [reordered, version1.cells[1]!] })).toEqual([
      { kind: 'cell_changed', ...pair, field: 'coverage', before: cell.coverage, after: reordered.coverage },
    ]);
  });

  it('sees a schedule added to a coverage rule', () => {
    const [businessHours, afterHours] = cell.coverage;
    const withSoc: MatrixCell = {
      ...cell,
      coverage: [businessHours!, { ...afterHours!, schedules: { operations: 'noc', security: 'soc' } }],
    };
    const changes = diffMatrix(version1, { ...version1, cells: [withSoc, version1.cells[1]!] });
    expect(changes.map((change) => change.field)).toEqual(['coverage']);
  });

  it('lists cells removed and added as whole cells', () => {
    const added: MatrixCell = { ...cell, functionKey: 'servers', active: false };
    expect(diffMatrix(version1, { ...version1, cells: [version1.cells[1]!, added] })).toEqual([
      { kind: 'cell_removed', ...pair, before: cell },
      { kind: 'cell_added', functionKey: 'servers', scenarioKey: 'incident', after: added },
    ]);
  });

  it('reports deactivating a cell as a change of one field', () => {
    const inactive = { ...cell, active: false };
    expect(diffMatrix(version1, { ...version1, cells: [inactive, version1.cells[1]!] })).toEqual([
      { kind: 'cell_changed', ...pair, field: 'active', before: true, after: false },
    ]);
  });
});

/**
 * What changed between two versions of a matrix, for the history view and the sign-off screen.
 * Rows are matched by key (a new name under the same key is a rename), cells by their
 * function × scenario pair, and a changed cell yields one change per field with before and after.
 * RACI entries are compared as a set (their order means nothing); coverage rules in order, since
 * the earlier rule wins.
 *
 * Order: functions, then scenarios (removed, renamed, added, each in list order), then cells in
 * the order of the earlier version with added cells last.
 */
import type { Matrix, MatrixCell, MatrixRow, RaciEntry } from './matrix.ts';

export type MatrixChangeKind =
  | 'function_added'
  | 'function_removed'
  | 'function_renamed'
  | 'scenario_added'
  | 'scenario_removed'
  | 'scenario_renamed'
  | 'cell_added'
  | 'cell_removed'
  | 'cell_changed';

export interface MatrixChange {
  readonly kind: MatrixChangeKind;
  /** The row's key, for row changes. */
  readonly key?: string;
  /** The cell's pair, for cell changes. */
  readonly functionKey?: string;
  readonly scenarioKey?: string;
  /** The cell field, for cell_changed. */
  readonly field?: string;
  /** A row's name, a whole cell, or a field's value. */
  readonly before?: unknown;
  readonly after?: unknown;
}

/** The cell fields compared, in the order changes are listed. */
const CELL_FIELDS = ['active', 'raci', 'coverage', 'handoff', 'escalationPolicy', 'runbookUrl'] as const;

export function diffMatrix(before: Matrix, after: Matrix): MatrixChange[] {
  return [
    ...diffRows(before.functions, after.functions, 'function'),
    ...diffRows(before.scenarios, after.scenarios, 'scenario'),
    ...diffCells(before.cells, after.cells),
  ];
}

function diffRows(
  before: readonly MatrixRow[],
  after: readonly MatrixRow[],
  row: 'function' | 'scenario',
): MatrixChange[] {
  const afterByKey = new Map(after.map((r) => [r.key, r]));
  const beforeKeys = new Set(before.map((r) => r.key));
  const changes: MatrixChange[] = [];
  for (const old of before) {
    const now = afterByKey.get(old.key);
    if (!now) changes.push({ kind: `${row}_removed`, key: old.key, before: old.name });
    else if (now.name !== old.name)
      changes.push({ kind: `${row}_renamed`, key: old.key, before: old.name, after: now.name });
  }
  for (const now of after) {
    if (!beforeKeys.has(now.key)) changes.push({ kind: `${row}_added`, key: now.key, after: now.name });
  }
  return changes;
}

function diffCells(before: readonly MatrixCell[], after: readonly MatrixCell[]): MatrixChange[] {
  const pairOf = (cell: MatrixCell) => JSON.stringify([cell.functionKey, cell.scenarioKey]);
  const afterByPair = new Map(after.map((cell) => [pairOf(cell), cell]));
  const beforePairs = new Set(before.map(pairOf));
  const changes: MatrixChange[] = [];
  for (const old of before) {
    const about = { functionKey: old.functionKey, scenarioKey: old.scenarioKey };
    const now = afterByPair.get(pairOf(old));
    if (!now) {
      changes.push({ kind: 'cell_removed', ...about, before: old });
      continue;
    }
    for (const field of CELL_FIELDS) {
      const same = field === 'raci' ? sameRaci(old.raci, now.raci) : sameValue(old[field], now[field]);
      if (!same)
        changes.push({ kind: 'cell_changed', ...about, field, before: old[field], after: now[field] });
    }
  }
  for (const now of after) {
    if (!beforePairs.has(pairOf(now))) {
      changes.push({
        kind: 'cell_added',
        functionKey: now.functionKey,
        scenarioKey: now.scenarioKey,
        after: now,
      });
    }
  }
  return changes;
}

function sameRaci(a: readonly RaciEntry[], b: readonly RaciEntry[]): boolean {
  const canonical = (entries: readonly RaciEntry[]) =>
    entries.map((e) => JSON.stringify([e.party, e.teamId, e.role])).sort();
  return sameValue(canonical(a), canonical(b));
}

/** Structural equality for the plain data a matrix holds (no Dates, Maps or cycles). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bKeys = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

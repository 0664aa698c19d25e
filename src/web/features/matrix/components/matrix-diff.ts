/**
 * What the draft changes against the version in effect, for the signer to read before signing.
 * The server lists the changes of signed versions; a draft's are computed here the same way:
 * rows by key, cells by function × scenario, RACI as a set and coverage in order (earlier wins).
 */
import type { Matrix, MatrixCell, MatrixChange, MatrixRow, RaciEntry } from '../api/matrix-types.ts';

const CELL_FIELDS = ['active', 'raci', 'coverage', 'handoff', 'escalationPolicy', 'runbookUrl'] as const;

export function diffMatrix(before: Matrix, after: Matrix): MatrixChange[] {
  return [
    ...diffRows(before.functions, after.functions, 'function'),
    ...diffRows(before.scenarios, after.scenarios, 'scenario'),
    ...diffCells(before.cells, after.cells),
  ];
}

function diffRows(before: MatrixRow[], after: MatrixRow[], row: 'function' | 'scenario'): MatrixChange[] {
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

function diffCells(before: MatrixCell[], after: MatrixCell[]): MatrixChange[] {
  const pairOf = (cell: MatrixCell) => `${cell.functionKey}\u0000${cell.scenarioKey}`;
  const afterByPair = new Map(after.map((cell) => [pairOf(cell), cell]));
  const beforePairs = new Set(before.map(pairOf));
  const changes: MatrixChange[] = [];
  for (const old of before) {
    const about = { functionKey: old.functionKey, scenarioKey: old.scenarioKey };
    const now = afterByPair.get(pairOf(old));
    if (!now) {
      changes.push({ kind: 'cell_removed', ...about });
      continue;
    }
    for (const field of CELL_FIELDS) {
      const same =
        field === 'raci'
          ? canonicalRaci(old.raci) === canonicalRaci(now.raci)
          : sameValue(old[field], now[field]);
      if (!same)
        changes.push({ kind: 'cell_changed', ...about, field, before: old[field], after: now[field] });
    }
  }
  for (const now of after) {
    if (!beforePairs.has(pairOf(now)))
      changes.push({ kind: 'cell_added', functionKey: now.functionKey, scenarioKey: now.scenarioKey });
  }
  return changes;
}

function canonicalRaci(entries: RaciEntry[]): string {
  return JSON.stringify(entries.map((e) => JSON.stringify([e.party, e.teamId, e.role])).sort());
}

/** Plain JSON data only; key order inside objects does not matter. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, sorted(v)]),
  );
}

/**
 * Pure edits of a matrix as the editor makes them: every save sends the whole matrix, built here
 * from the draft the page shows, so an edit never loses cells it did not touch.
 */
import type { Party } from '../../../lib/api-types.ts';
import type { Matrix, MatrixCell, MatrixProblem, MatrixRow } from '../api/matrix-types.ts';

/** Where a cell sits in `matrix.cells`, or -1. */
export function cellIndex(matrix: Matrix, functionKey: string, scenarioKey: string): number {
  return matrix.cells.findIndex((c) => c.functionKey === functionKey && c.scenarioKey === scenarioKey);
}

/** A cell nobody has filled in yet: active, with no owner (which the draft's problems then say). */
export function blankCell(functionKey: string, scenarioKey: string): MatrixCell {
  return {
    functionKey,
    scenarioKey,
    active: true,
    raci: [],
    coverage: [],
    handoff: '',
    escalationPolicy: null,
    runbookUrl: null,
  };
}

/** The matrix with this cell replaced in place (indices, and so error paths, stay put) or added last. */
export function withCell(matrix: Matrix, cell: MatrixCell): { matrix: Matrix; index: number } {
  const index = cellIndex(matrix, cell.functionKey, cell.scenarioKey);
  if (index < 0) return { matrix: { ...matrix, cells: [...matrix.cells, cell] }, index: matrix.cells.length };
  return { matrix: { ...matrix, cells: matrix.cells.map((c, i) => (i === index ? cell : c)) }, index };
}

export function withoutCell(matrix: Matrix, functionKey: string, scenarioKey: string): Matrix {
  return {
    ...matrix,
    cells: matrix.cells.filter((c) => c.functionKey !== functionKey || c.scenarioKey !== scenarioKey),
  };
}

/** New rows and columns; a removed row takes its cells with it, since a cell must name a known row. */
export function withRows(matrix: Matrix, functions: MatrixRow[], scenarios: MatrixRow[]): Matrix {
  const f = new Set(functions.map((row) => row.key));
  const s = new Set(scenarios.map((row) => row.key));
  return {
    functions,
    scenarios,
    cells: matrix.cells.filter((c) => f.has(c.functionKey) && s.has(c.scenarioKey)),
  };
}

/** A key for a new row from its name: "Line-of-business apps" → "line-of-business-apps". */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Problems of one cell, by its pair (problem paths index the server's copy of the cells). */
export function problemsOfCell(
  problems: readonly MatrixProblem[],
  functionKey: string,
  scenarioKey: string,
): MatrixProblem[] {
  return problems.filter((p) => p.functionKey === functionKey && p.scenarioKey === scenarioKey);
}

/** The errors of a failed save that are about cell `index`, re-keyed within the cell: `/raci/0/teamId`. */
export function cellErrors(errors: ReadonlyMap<string, string>, index: number): Map<string, string> {
  const prefix = `/cells/${index}`;
  const result = new Map<string, string>();
  for (const [path, message] of errors) {
    if (path === prefix) result.set('', message);
    else if (path.startsWith(`${prefix}/`)) result.set(path.slice(prefix.length), message);
  }
  return result;
}

/** A cell's own problems as within-cell paths, for showing beside each field; one path's messages joined. */
export function problemPointers(problems: readonly MatrixProblem[]): Map<string, string> {
  const result = new Map<string, string>();
  for (const { path, message } of problems) {
    const within = path.replace(/^\/cells\/\d+/, '');
    const before = result.get(within);
    result.set(within, before ? `${before}; ${message}` : message);
  }
  return result;
}

/** The first message at `pointer` or below it. */
export function messageUnder(errors: ReadonlyMap<string, string>, pointer: string): string | undefined {
  for (const [path, message] of errors) {
    if (path === pointer || path.startsWith(`${pointer}/`)) return message;
  }
  return undefined;
}

/** "Security Operations (SOC)" → "SOC"; "Internal Infrastructure" → "Infrastructure": chips stay short. */
export function shortTeamName(name: string, party: Party): string {
  const inParens = /\(([^)]+)\)\s*$/.exec(name);
  if (inParens) return inParens[1]!;
  const stripped = name.replace(new RegExp(`^${party}\\s+`, 'i'), '');
  return stripped || name;
}

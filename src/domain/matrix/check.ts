/**
 * What makes a matrix valid, as a list of problems for the editor (empty when it may be saved):
 * - function and scenario keys are unique slugs ('endpoint-patching') and every row has a name;
 * - each cell names a known function and scenario, and no pair has two cells;
 * - an ACTIVE cell has exactly one Accountable and at least one Responsible (an inactive one is
 *   work nobody does here, so it needs no owner, though what it holds must still be well formed);
 * - RACI entries are unique per (party, team, role);
 * - business_hours and after_hours rules name a calendar; an `always` rule names none.
 * Paths are JSON pointers into the matrix, e.g. '/cells/3/raci'.
 */
import type { Matrix, MatrixCell, MatrixRow, RaciEntry } from './matrix.ts';

export interface MatrixProblem {
  readonly path: string;
  readonly message: string;
  readonly functionKey?: string;
  readonly scenarioKey?: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_KEY_LENGTH = 64;

export function checkMatrix(matrix: Matrix): MatrixProblem[] {
  const problems = [...checkRows(matrix.functions, 'functions'), ...checkRows(matrix.scenarios, 'scenarios')];
  const functionKeys = new Set(matrix.functions.map((row) => row.key));
  const scenarioKeys = new Set(matrix.scenarios.map((row) => row.key));
  const firstCellOf = new Map<string, number>();

  matrix.cells.forEach((cell, index) => {
    const path = `/cells/${index}`;
    const about = { functionKey: cell.functionKey, scenarioKey: cell.scenarioKey };
    const report = (where: string, message: string) =>
      problems.push({ path: path + where, message, ...about });

    if (!functionKeys.has(cell.functionKey)) report('/functionKey', `unknown function "${cell.functionKey}"`);
    if (!scenarioKeys.has(cell.scenarioKey)) report('/scenarioKey', `unknown scenario "${cell.scenarioKey}"`);
    const pair = JSON.stringify([cell.functionKey, cell.scenarioKey]);
    const first = firstCellOf.get(pair);
    if (first === undefined) firstCellOf.set(pair, index);
    else report('', `duplicates the cell at /cells/${first}; one cell per function and scenario`);

    for (const [where, message] of cellProblems(cell)) report(where, message);
  });
  return problems;
}

/** The owner rule alone: the one problem every active cell must not have. Shared with matrixGaps. */
export function ownershipProblems(cell: MatrixCell): string[] {
  if (!cell.active) return [];
  const problems: string[] = [];
  const accountable = cell.raci.filter((entry) => entry.role === 'A');
  if (accountable.length !== 1) {
    const who =
      accountable.length === 0 ? 'none' : `${accountable.length} (${accountable.map(entryName).join(', ')})`;
    problems.push(`needs exactly one Accountable; has ${who}`);
  }
  if (!cell.raci.some((entry) => entry.role === 'R')) problems.push('needs a Responsible party');
  return problems;
}

/** [path within the cell, message] pairs. */
function cellProblems(cell: MatrixCell): [string, string][] {
  const problems: [string, string][] = ownershipProblems(cell).map((message) => ['/raci', message]);
  const seen = new Map<string, number>();
  cell.raci.forEach((entry, k) => {
    const key = JSON.stringify([entry.party, entry.teamId, entry.role]);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, k);
    else problems.push([`/raci/${k}`, `repeats ${entryName(entry)} ${entry.role} (see /raci/${first})`]);
  });
  cell.coverage.forEach((rule, k) => {
    const hasCalendar = rule.calendarId !== null && rule.calendarId !== '';
    if (rule.when === 'always' && rule.calendarId !== null) {
      problems.push([`/coverage/${k}/calendarId`, 'an always rule takes no calendar']);
    } else if (rule.when !== 'always' && !hasCalendar) {
      problems.push([
        `/coverage/${k}/calendarId`,
        `a rule for ${rule.when.replace('_', ' ')} needs a calendar`,
      ]);
    }
    for (const [track, scheduleId] of Object.entries(rule.schedules)) {
      if (scheduleId === '') problems.push([`/coverage/${k}/schedules/${track}`, 'names no schedule']);
    }
  });
  return problems;
}

function checkRows(rows: readonly MatrixRow[], list: 'functions' | 'scenarios'): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  const firstOf = new Map<string, number>();
  rows.forEach((row, index) => {
    const path = `/${list}/${index}`;
    const about = list === 'functions' ? { functionKey: row.key } : { scenarioKey: row.key };
    if (!SLUG.test(row.key) || row.key.length > MAX_KEY_LENGTH) {
      problems.push({
        path: `${path}/key`,
        message: `"${row.key}" must be lower-case letters and digits joined by single hyphens, at most ${MAX_KEY_LENGTH} characters`,
        ...about,
      });
    }
    const first = firstOf.get(row.key);
    if (first === undefined) firstOf.set(row.key, index);
    else
      problems.push({
        path: `${path}/key`,
        message: `"${row.key}" is already used by /${list}/${first}`,
        ...about,
      });
    if (row.name.trim() === '') problems.push({ path: `${path}/name`, message: 'needs a name', ...about });
  });
  return problems;
}

function entryName(entry: RaciEntry): string {
  return entry.teamId === null ? entry.party : `${entry.party}/${entry.teamId}`;
}

/**
 * Gaps a reviewer must see before signing a matrix version: active cells without an owner, rows
 * with no active cell at all, and active cells whose coverage rules leave some instant of a week
 * to nobody (the Accountable party then owns it by default, with nobody paged).
 *
 * Coverage is read from its shape where that settles it (an `always` rule, or business_hours and
 * after_hours on the same calendar, cover everything) and otherwise by asking the calendars about
 * every minute of the week given: opening hours are whole local minutes, so in zones whose
 * offsets are whole minutes (all of them since 1972) a minute's start stands for the minute.
 */
import { type CalendarLookup, ruleAppliesWhen } from '../routing/resolve.ts';
import { type MatrixProblem, ownershipProblems } from './check.ts';
import type { Matrix, MatrixCell } from './matrix.ts';

const MINUTE_MS = 60_000;
const WEEK_MINUTES = 7 * 24 * 60;

/** `weekFrom` starts the week the coverage is checked over (domain code never reads the clock). */
export function matrixGaps(matrix: Matrix, calendars: CalendarLookup, weekFrom: Date): MatrixProblem[] {
  if (Number.isNaN(weekFrom.getTime())) throw new RangeError('weekFrom must be a valid date.');
  const problems: MatrixProblem[] = [];
  matrix.cells.forEach((cell, index) => {
    if (!cell.active) return;
    const about = { functionKey: cell.functionKey, scenarioKey: cell.scenarioKey };
    for (const message of ownershipProblems(cell))
      problems.push({ path: `/cells/${index}/raci`, message, ...about });
    const message = coverageGap(cell, calendars, weekFrom);
    if (message) problems.push({ path: `/cells/${index}/coverage`, message, ...about });
  });

  const active = matrix.cells.filter((cell) => cell.active);
  matrix.functions.forEach((row, index) => {
    if (!active.some((cell) => cell.functionKey === row.key)) {
      problems.push({ path: `/functions/${index}`, message: 'has no active cell', functionKey: row.key });
    }
  });
  matrix.scenarios.forEach((row, index) => {
    if (!active.some((cell) => cell.scenarioKey === row.key)) {
      problems.push({ path: `/scenarios/${index}`, message: 'has no active cell', scenarioKey: row.key });
    }
  });
  return problems;
}

/** What the cell's coverage leaves uncovered in the week, or undefined when it covers it all. */
function coverageGap(cell: MatrixCell, calendars: CalendarLookup, weekFrom: Date): string | undefined {
  const rules = cell.coverage;
  if (rules.length === 0) return 'has no coverage rules, so nobody is paged at any hour';
  if (rules.some((rule) => rule.when === 'always')) return undefined;
  const whenOn = (calendarId: string | null, when: string) =>
    rules.some((rule) => rule.calendarId === calendarId && rule.when === when);
  if (
    rules.some(
      (rule) =>
        rule.calendarId &&
        whenOn(rule.calendarId, 'business_hours') &&
        whenOn(rule.calendarId, 'after_hours'),
    )
  ) {
    return undefined;
  }

  const calendarIds = [...new Set(rules.flatMap((rule) => (rule.calendarId ? [rule.calendarId] : [])))];
  const open = new Map<string, boolean>();
  let uncovered = 0;
  let first: number | undefined;
  for (let minute = 0; minute < WEEK_MINUTES; minute++) {
    const at = new Date(weekFrom.getTime() + minute * MINUTE_MS);
    for (const id of calendarIds) open.set(id, calendars.isOpen(id, at));
    const covered = rules.some((rule) =>
      ruleAppliesWhen(rule, rule.calendarId !== null && open.get(rule.calendarId) === true),
    );
    if (covered) continue;
    uncovered++;
    first ??= at.getTime();
  }
  if (first === undefined) return undefined;
  const hours = Math.round((uncovered / 60) * 10) / 10;
  const week = weekFrom.toISOString().slice(0, 10);
  return `coverage leaves ${hours} h of the week from ${week} uncovered, first at ${new Date(first).toISOString().slice(0, 16)}Z`;
}

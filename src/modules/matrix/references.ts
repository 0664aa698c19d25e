import type { MatrixProblem } from '../../domain/matrix/check.ts';
import type { Matrix } from '../../domain/matrix/matrix.ts';

interface References {
  teams: ReadonlyMap<string, string>;
  calendars: ReadonlySet<string>;
  schedules: ReadonlyMap<string, string>;
}

/** Teams, calendars and schedules a draft names must be this engagement's, of the right party and track. */
export function referenceProblems(matrix: Matrix, refs: References): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  matrix.cells.forEach((cell, i) => {
    const at = { functionKey: cell.functionKey, scenarioKey: cell.scenarioKey };
    cell.raci.forEach((entry, j) => {
      if (entry.teamId && refs.teams.get(entry.teamId) !== entry.party) {
        problems.push({
          path: `/cells/${i}/raci/${j}/teamId`,
          message: `is not a ${entry.party} team of this engagement`,
          ...at,
        });
      }
    });
    cell.coverage.forEach((rule, j) => {
      const path = `/cells/${i}/coverage/${j}`;
      if (rule.teamId && refs.teams.get(rule.teamId) !== rule.party) {
        problems.push({
          path: `${path}/teamId`,
          message: `is not a ${rule.party} team of this engagement`,
          ...at,
        });
      }
      if (rule.calendarId && !refs.calendars.has(rule.calendarId)) {
        problems.push({ path: `${path}/calendarId`, message: 'is not a calendar of this engagement', ...at });
      }
      for (const [track, scheduleId] of Object.entries(rule.schedules)) {
        const found = scheduleId ? refs.schedules.get(scheduleId) : undefined;
        if (scheduleId && found !== track) {
          problems.push({
            path: `${path}/schedules/${track}`,
            message: found
              ? `is a ${found} schedule, not a ${track} one`
              : 'is not a schedule of this engagement',
            ...at,
          });
        }
      }
    });
  });
  return problems;
}

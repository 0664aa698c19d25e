import { ApiError } from '../../../lib/problem.ts';
import { useMatrixCalendars } from '../api/list-calendars.ts';
import { useMatrixSchedules } from '../api/list-schedules.ts';
import { useMatrixTeams } from '../api/list-teams.ts';
import type { CalendarRef, ScheduleRef, TeamRef } from '../api/matrix-types.ts';

/** What matrix cells name by id, with lookups for showing names. */
export interface MatrixReferences {
  teams: TeamRef[];
  calendars: CalendarRef[];
  schedules: ScheduleRef[];
  teamName: (id: string) => string | undefined;
  calendarName: (id: string) => string | undefined;
  scheduleName: (id: string) => string | undefined;
}

/** The engagement's teams, calendars and schedules; a list the server refuses or lacks reads as empty. */
export function useMatrixReferences(engagementId: string): MatrixReferences {
  const teams = useMatrixTeams(engagementId).data ?? [];
  const calendars = useMatrixCalendars(engagementId).data ?? [];
  const schedules = useMatrixSchedules(engagementId).data ?? [];
  const byId = <T extends { id: string; name: string }>(list: T[]) => {
    const names = new Map(list.map((item) => [item.id, item.name]));
    return (id: string) => names.get(id);
  };
  return {
    teams,
    calendars,
    schedules,
    teamName: byId(teams),
    calendarName: byId(calendars),
    scheduleName: byId(schedules),
  };
}

/** A failed write's body errors by JSON pointer: `/cells/3/raci/0/teamId` → "is not a provider team…". */
export function pointerErrors(error: unknown): Map<string, string> {
  const errors = new Map<string, string>();
  if (!(error instanceof ApiError)) return errors;
  for (const { path, message } of error.problem.errors ?? []) {
    if (/^\w+:/.test(path) && !path.startsWith('body:')) continue;
    const pointer = path.replace(/^body:/, '');
    if (!errors.has(pointer)) errors.set(pointer, message);
  }
  return errors;
}

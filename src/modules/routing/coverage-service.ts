import type { BusinessCalendar } from '../../domain/calendars/calendar.ts';
import { matrixGaps } from '../../domain/matrix/gaps.ts';
import type { Matrix } from '../../domain/matrix/matrix.ts';
import type { Shift, Track } from '../../domain/oncall/schedule.ts';
import { type CoverageLookups, coverageReport } from '../../domain/routing/coverage.ts';
import { type Principal, SYSTEM } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import type { Db } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Invalid } from '../../platform/errors.ts';
import { pageGapsIn } from '../incidents/service.ts';

const DAY_MS = 86_400_000;
const MAX_DAYS = 370;

export interface CoverageDeps {
  matrix: {
    inEffectVersion(reader: Db, engagementId: string): Promise<{ number: number; matrix: Matrix } | null>;
    draftMatrix(reader: Db, engagementId: string): Promise<Matrix>;
  };
  calendars: {
    compiled(db: Db, engagementId: string, calendarId: string): Promise<BusinessCalendar>;
    byIds(db: Db, engagementId: string, ids: Iterable<string>): Promise<Map<string, { name: string }>>;
  };
  schedules: {
    shiftsIn(reader: Db, engagementId: string, scheduleId: string, from: Date, to: Date): Promise<Shift[]>;
    scheduleTracks(reader: Db, engagementId: string): Promise<Map<string, { name: string; track: Track }>>;
    userNames(reader: Db, ids: readonly string[]): Promise<Map<string, string>>;
  };
  teams: { listTeams(actor: Principal, engagementId: string): Promise<{ id: string; name: string }[]> };
}

export type CoverageService = ReturnType<typeof createCoverageService>;

/**
 * The coverage map of the matrix in effect (who covers each function and track, hour by hour,
 * and every gap) and the gaps a reviewer sees in a draft before signing it.
 */
export function createCoverageService({ db, now }: Pick<PlatformDeps, 'db' | 'now'>, deps: CoverageDeps) {
  async function coverage(
    actor: Principal,
    engagementId: string,
    query: { from?: string; to?: string; scenario?: string; singlePointHours?: number },
  ) {
    authorize(actor, 'routing.resolve', engagementId);
    const from = query.from ? new Date(query.from) : now();
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + 7 * DAY_MS);
    if (!(to > from) || to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) {
      throw new Invalid(`Ask for a range of up to ${MAX_DAYS} days, ending after it starts.`, [
        { path: 'query:/to', message: 'is not within range' },
      ]);
    }
    const effective = await deps.matrix.inEffectVersion(db, engagementId);
    if (!effective)
      throw new Conflict('No responsibility matrix is in effect yet: a manager of each party must sign one.');
    const [lookups, pageGaps] = await Promise.all([
      lookupsFor(engagementId, effective.matrix, from, to),
      pageGapsIn(db, engagementId, from, to),
    ]);
    const report = coverageReport(effective.matrix, { from, to }, lookups, {
      scenario: query.scenario,
      singlePointHours: query.singlePointHours,
    });
    const names = lookups.names;
    const functionName = new Map(effective.matrix.functions.map((f) => [f.key, f.name]));
    const person = (id: string) => ({ id, name: names.get(id) ?? 'someone' });
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      scenario: report.scenario,
      matrixVersion: effective.number,
      score: report.score,
      lines: report.lines.map((line) => ({
        functionKey: line.functionKey,
        functionName: functionName.get(line.functionKey) ?? line.functionKey,
        track: line.track,
        spans: line.spans.map((span) => ({
          start: span.start.toISOString(),
          end: span.end.toISOString(),
          party: span.party,
          teamId: span.teamId,
          scheduleId: span.scheduleId,
          users: span.users.map(person),
        })),
        gaps: line.gaps.map((gap) => ({
          start: gap.start.toISOString(),
          end: gap.end.toISOString(),
          party: gap.party,
        })),
        coveredMinutes: Math.round(line.coveredMs / 60_000),
      })),
      singlePoints: report.singlePoints.map((point) => ({
        functionKey: point.functionKey,
        track: point.track,
        userId: point.userId,
        userName: names.get(point.userId) ?? 'someone',
        start: point.start.toISOString(),
        end: point.end.toISOString(),
      })),
      overlaps: report.overlaps.map((overlap) => ({
        functionKey: overlap.functionKey,
        start: overlap.start.toISOString(),
        end: overlap.end.toISOString(),
        parties: overlap.parties,
      })),
      pageGaps,
    };
  }

  /** Gaps of the draft (default) or the version in effect, over the coming week. */
  async function gaps(actor: Principal, engagementId: string, version: 'draft' | 'effective' = 'draft') {
    authorize(actor, 'matrix.read', engagementId);
    const matrix =
      version === 'draft'
        ? await deps.matrix.draftMatrix(db, engagementId)
        : (await deps.matrix.inEffectVersion(db, engagementId))?.matrix;
    if (!matrix) return { items: [] };
    const weekFrom = now();
    const lookups = await lookupsFor(
      engagementId,
      matrix,
      weekFrom,
      new Date(weekFrom.getTime() + 7 * DAY_MS),
    );
    return { items: matrixGaps(matrix, lookups.calendars, weekFrom) };
  }

  /** Everything the domain asks about, loaded once for the range. */
  async function lookupsFor(engagementId: string, matrix: Matrix, from: Date, to: Date) {
    const rules = matrix.cells.flatMap((cell) => cell.coverage);
    const calendarIds = new Set(rules.flatMap((rule) => (rule.calendarId ? [rule.calendarId] : [])));
    const schedules = await deps.schedules.scheduleTracks(db, engagementId);
    const scheduleIds = new Set(
      rules.flatMap((rule) =>
        Object.values(rule.schedules).filter((id): id is string => !!id && schedules.has(id)),
      ),
    );
    const [calendars, calendarNames, shifts, teams] = await Promise.all([
      Promise.all(
        [...calendarIds].map(
          async (id) => [id, await deps.calendars.compiled(db, engagementId, id)] as const,
        ),
      ),
      deps.calendars.byIds(db, engagementId, calendarIds),
      Promise.all(
        [...scheduleIds].map(
          async (id) => [id, await deps.schedules.shiftsIn(db, engagementId, id, from, to)] as const,
        ),
      ),
      deps.teams.listTeams(SYSTEM, engagementId),
    ]);
    const compiled = new Map(calendars);
    const shiftsOf = new Map(shifts);
    const names = await deps.schedules.userNames(db, [
      ...new Set(shifts.flatMap(([, list]) => list.map((s) => s.userId))),
    ]);
    const lookups: CoverageLookups & { names: Map<string, string> } = {
      names,
      calendars: {
        isOpen: (id, at) => compiled.get(id)?.isOpen(at) ?? false,
        name: (id) => calendarNames.get(id)?.name ?? 'a deleted calendar',
        changesBetween: (id, a, b) =>
          (compiled.get(id)?.openSpansBetween(a, b) ?? []).flatMap((span) => [span.start, span.end]),
      },
      schedules: {
        onCallAt: (id, at) =>
          (shiftsOf.get(id) ?? []).filter((s) => s.start <= at && at < s.end).map((s) => s.userId),
        name: (id) => schedules.get(id)?.name ?? 'a deleted schedule',
        track: (id) => schedules.get(id)?.track ?? 'operations',
        shiftsBetween: (id, a, b) => (shiftsOf.get(id) ?? []).filter((s) => s.start < b && s.end > a),
      },
      userName: (id) => names.get(id) ?? 'someone',
      teamName: (id) => teams.find((team) => team.id === id)?.name ?? 'a deleted team',
    };
    return lookups;
  }

  return { coverage, gaps };
}

/**
 * "Who owns this, right now, and why": a function × scenario cell of the responsibility matrix,
 * read at one instant for one track. Pure: calendars and schedules arrive as small lookups, so
 * the caller decides how they are resolved (compiled calendars, final shift lists, …).
 *
 * The rules:
 * - The first coverage rule that applies at `at` wins (always; business_hours while its calendar
 *   is open; after_hours while it is closed). With none applying, the cell's Accountable party
 *   owns the work, with nobody paged.
 * - The track (default operations) picks the winning rule's schedule for that track. A rule with
 *   no schedule for the track, or one naming a schedule that serves the other track, routes to
 *   nobody: security work never lands on the operations rota, nor the reverse.
 */
import type { CoverageRule, Matrix, MatrixCell, MatrixParty } from '../matrix/matrix.ts';
import type { Track } from '../oncall/schedule.ts';

export interface CalendarLookup {
  isOpen(calendarId: string, at: Date): boolean;
  name(calendarId: string): string;
}

export interface ScheduleLookup {
  /** User ids on call at `at`, in a stable order. */
  onCallAt(scheduleId: string, at: Date): string[];
  name(scheduleId: string): string;
  /** The one track the schedule serves. */
  track(scheduleId: string): Track;
}

export interface RouteLookups {
  readonly calendars: CalendarLookup;
  readonly schedules: ScheduleLookup;
  userName(userId: string): string;
  teamName(teamId: string): string;
}

export interface RouteRequest {
  readonly functionKey: string;
  /** A scenario key, e.g. 'incident'. */
  readonly scenario: string;
  /** Defaults to operations. */
  readonly track?: Track;
  readonly at: Date;
  /** Accepted for the API; no rule reads it yet, so it never shows in the reasons. */
  readonly priority?: 'P1' | 'P2' | 'P3' | 'P4';
}

export interface Route {
  readonly party: MatrixParty;
  readonly teamId: string | null;
  readonly scheduleId: string | null;
  /** Who is paged: empty when the owning party has no schedule on this track at `at`. */
  readonly users: string[];
  readonly escalationPolicy: string | null;
  readonly runbookUrl: string | null;
  /** Short phrases in order, e.g. ['Network × Incident response', 'after hours per … → provider', …]. */
  readonly reasons: string[];
}

export type RouteResult =
  | { readonly ok: true; readonly route: Route }
  | { readonly ok: false; readonly reason: string; readonly reasons: string[] };

export const DEFAULT_TRACK: Track = 'operations';

export function resolveRoute(matrix: Matrix, request: RouteRequest, lookups: RouteLookups): RouteResult {
  const { at, functionKey, scenario } = request;
  if (Number.isNaN(at.getTime())) throw new RangeError('at must be a valid date.');
  const track = request.track ?? DEFAULT_TRACK;
  const title = `${rowName(matrix.functions, functionKey)} × ${rowName(matrix.scenarios, scenario)}`;
  const reasons = [title];

  const cell = cellFor(matrix, functionKey, scenario);
  if (!cell?.active) {
    reasons.push(cell ? 'cell is inactive' : 'no cell in the matrix');
    return { ok: false, reason: `no active cell for ${title}`, reasons };
  }

  const ruleIndex = applyingRules(cell, lookups.calendars, at)[0];
  const rule = ruleIndex === undefined ? undefined : cell.coverage[ruleIndex];
  let owner: { party: MatrixParty; teamId: string | null };
  if (rule) {
    owner = rule;
    reasons.push(`${whenPhrase(rule, lookups.calendars)} → ${ownerPhrase(rule, lookups)}`);
  } else {
    const accountable = cell.raci.find((entry) => entry.role === 'A');
    if (!accountable) {
      reasons.push('no coverage rule at this time', 'no Accountable party');
      return { ok: false, reason: `no coverage rule at this time and no Accountable for ${title}`, reasons };
    }
    owner = accountable;
    reasons.push('no coverage rule at this time → accountable party', ownerPhrase(accountable, lookups));
  }

  const pick = rule ? scheduleFor(rule, track, lookups.schedules) : { scheduleId: null };
  let users: string[] = [];
  if (pick.scheduleId === null) {
    reasons.push(noSchedulePhrase(rule, track, pick, lookups.schedules));
  } else {
    const scheduleName = lookups.schedules.name(pick.scheduleId);
    users = lookups.schedules.onCallAt(pick.scheduleId, at);
    reasons.push(
      `${track} track → ${scheduleName}`,
      users.length === 0
        ? `nobody on call on ${scheduleName}`
        : `${users.map((user) => lookups.userName(user)).join(', ')} on call`,
    );
  }
  return {
    ok: true,
    route: {
      party: owner.party,
      teamId: owner.teamId,
      scheduleId: pick.scheduleId,
      users,
      escalationPolicy: cell.escalationPolicy,
      runbookUrl: cell.runbookUrl,
      reasons,
    },
  };
}

/** The cell for a pair (checkMatrix allows one), or undefined. */
export function cellFor(matrix: Matrix, functionKey: string, scenarioKey: string): MatrixCell | undefined {
  return matrix.cells.find((cell) => cell.functionKey === functionKey && cell.scenarioKey === scenarioKey);
}

/**
 * Whether a rule applies given its calendar's state (`open` is ignored for `always`). A
 * business_hours or after_hours rule without a calendar never applies (checkMatrix reports it).
 */
export function ruleAppliesWhen(rule: CoverageRule, open: boolean): boolean {
  if (rule.when === 'always') return true;
  if (!rule.calendarId) return false;
  return rule.when === 'business_hours' ? open : !open;
}

/** Indices of the cell's coverage rules that apply at `at`, in rule order (the first wins). */
export function applyingRules(cell: MatrixCell, calendars: CalendarLookup, at: Date): number[] {
  const applying: number[] = [];
  cell.coverage.forEach((rule, index) => {
    const open = rule.when !== 'always' && !!rule.calendarId && calendars.isOpen(rule.calendarId, at);
    if (ruleAppliesWhen(rule, open)) applying.push(index);
  });
  return applying;
}

/** Why a rule pages nobody on a track: it names no schedule, or one serving the other track. */
export interface SchedulePick {
  readonly scheduleId: string | null;
  /** Set when the rule names a schedule for this track that serves the other one. */
  readonly servesTrack?: Track;
}

/** The rule's schedule for `track`, refusing one that serves the other track. */
export function scheduleFor(rule: CoverageRule, track: Track, schedules: ScheduleLookup): SchedulePick {
  const scheduleId = rule.schedules[track];
  if (scheduleId === undefined) return { scheduleId: null };
  const servesTrack = schedules.track(scheduleId);
  return servesTrack === track ? { scheduleId } : { scheduleId: null, servesTrack };
}

function noSchedulePhrase(
  rule: CoverageRule | undefined,
  track: Track,
  pick: SchedulePick,
  schedules: ScheduleLookup,
): string {
  if (rule && pick.servesTrack) {
    const named = schedules.name(rule.schedules[track]!);
    return `${named} serves the ${pick.servesTrack} track, not ${track} → nobody paged`;
  }
  const others = Object.entries(rule?.schedules ?? {}).filter(([other]) => other !== track);
  const note = others.map(([other, id]) => ` (${schedules.name(id!)} serves ${other} only)`).join('');
  return `no ${track} schedule${note} → nobody paged`;
}

function whenPhrase(rule: CoverageRule, calendars: CalendarLookup): string {
  if (rule.when === 'always' || !rule.calendarId) return 'at all times';
  const calendar = calendars.name(rule.calendarId);
  return rule.when === 'business_hours' ? `within ${calendar}` : `after hours per ${calendar}`;
}

function ownerPhrase(owner: { party: MatrixParty; teamId: string | null }, lookups: RouteLookups): string {
  return owner.teamId === null ? owner.party : `${owner.party} (${lookups.teamName(owner.teamId)})`;
}

function rowName(rows: Matrix['functions'], key: string): string {
  return rows.find((row) => row.key === key)?.name ?? key;
}

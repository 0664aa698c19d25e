/**
 * The coverage map: for one scenario (incident by default), every function × track over a range,
 * split into spans where someone is on call and gaps where nobody is. What an MSP shows a
 * prospect as a coverage gap assessment, and what the matrix screen warns about.
 *
 * The same rules as resolveRoute, evaluated once per segment rather than per instant: the sorted
 * boundaries (calendar opens and closes, shift starts and ends, the range ends) cut the range
 * into segments in which nothing changes, so a year costs a few thousand segments per line.
 * A rule that applies but has no schedule (or nobody on it) for a track is a gap on that track:
 * covered by a party on paper, nobody paged.
 */
import type { Matrix, MatrixCell, MatrixParty } from '../matrix/matrix.ts';
import { TRACKS, type Track } from '../oncall/schedule.ts';
import { cellFor, type RouteLookups, ruleAppliesWhen, scheduleFor } from './resolve.ts';
import {
  type CoverageCalendarLookup,
  type CoverageScheduleLookup,
  lastAtOrBefore,
  sameUsers,
  sortedUnique,
  Timelines,
} from './timelines.ts';

export interface CoverageLookups extends RouteLookups {
  readonly calendars: CoverageCalendarLookup;
  readonly schedules: CoverageScheduleLookup;
}

/** Someone on call: half-open [start, end). */
export interface CoverageSpan {
  readonly start: Date;
  readonly end: Date;
  readonly party: MatrixParty;
  readonly teamId: string | null;
  readonly scheduleId: string | null;
  readonly users: string[];
}

/** Nobody on call: half-open [start, end). */
export interface CoverageGap {
  readonly start: Date;
  readonly end: Date;
  /** Who owns the time on paper (a coverage rule, else the Accountable); null with no active cell. */
  readonly party: MatrixParty | null;
}

/** One function on one track: its spans and gaps tile the range, in order. */
export interface CoverageLine {
  readonly functionKey: string;
  readonly track: Track;
  readonly spans: CoverageSpan[];
  readonly gaps: CoverageGap[];
  readonly coveredMs: number;
}

/** One person alone on call for longer than the single-point limit, without a break. */
export interface SinglePoint {
  readonly functionKey: string;
  readonly track: Track;
  readonly userId: string;
  readonly start: Date;
  readonly end: Date;
}

/** Time in which coverage rules naming different parties all apply; parties in rule order, the first wins. */
export interface CoverageOverlap {
  readonly functionKey: string;
  readonly start: Date;
  readonly end: Date;
  readonly parties: MatrixParty[];
}

export interface CoverageReport {
  readonly from: Date;
  readonly to: Date;
  readonly scenario: string;
  /** Each function of the matrix, security then operations. */
  readonly lines: CoverageLine[];
  readonly singlePoints: SinglePoint[];
  readonly overlaps: CoverageOverlap[];
  /** Share of function × track time with someone on call, 0..1: measured against 24/7. */
  readonly score: number;
}

export interface CoverageOptions {
  /** Scenario key; default 'incident'. */
  readonly scenario?: string;
  /** One person on call alone for longer than this is a single point of failure; default 24. */
  readonly singlePointHours?: number;
}

const HOUR_MS = 3_600_000;

export function coverageReport(
  matrix: Matrix,
  range: { from: Date; to: Date },
  lookups: CoverageLookups,
  options: CoverageOptions = {},
): CoverageReport {
  const from = range.from.getTime();
  const to = range.to.getTime();
  if (!(from < to)) throw new RangeError('Coverage needs valid dates with from before to.');
  const scenario = options.scenario ?? 'incident';
  const singlePointMs = (options.singlePointHours ?? 24) * HOUR_MS;
  if (!(singlePointMs >= 0)) throw new RangeError('singlePointHours must be a non-negative number.');
  const timelines = new Timelines(from, to, lookups.calendars, lookups.schedules);
  const lines: CoverageLine[] = [];
  const singlePoints: SinglePoint[] = [];
  const overlaps: CoverageOverlap[] = [];

  for (const { key: functionKey } of matrix.functions) {
    const found = cellFor(matrix, functionKey, scenario);
    const cell = found?.active ? found : undefined;
    const owners = cell
      ? ownerSegments(cell, timelines)
      : [{ start: from, end: to, rule: -1, parties: PARTIES.none }];
    // Where no rule applies the Accountable owns the work on paper (as resolveRoute says).
    const accountable = cell?.raci.find((entry) => entry.role === 'A')?.party ?? null;
    overlaps.push(...overlapsOf(functionKey, owners));
    for (const track of TRACKS) {
      const line = new LineBuilder();
      for (const owner of owners) {
        const rule = cell && owner.rule >= 0 ? cell.coverage[owner.rule] : undefined;
        const scheduleId = rule ? scheduleFor(rule, track, lookups.schedules).scheduleId : null;
        if (!rule || scheduleId === null) {
          line.gap(owner.start, owner.end, rule?.party ?? accountable);
          continue;
        }
        const { party, teamId } = rule;
        const shifts = timelines.schedule(scheduleId);
        let i = lastAtOrBefore(shifts.times, owner.start);
        for (let start = owner.start; start < owner.end; i++) {
          const end = Math.min(shifts.times[i + 1]!, owner.end);
          const users = shifts.users[i]!;
          if (users.length === 0) line.gap(start, end, party);
          else line.span(start, end, { party, teamId, scheduleId, users });
          start = end;
        }
      }
      const finished = line.finish(functionKey, track);
      lines.push(finished);
      singlePoints.push(...singlePointsOf(finished, singlePointMs));
    }
  }
  const coveredMs = lines.reduce((sum, line) => sum + line.coveredMs, 0);
  const score = lines.length === 0 ? 0 : coveredMs / (lines.length * (to - from));
  return { from: range.from, to: range.to, scenario, lines, singlePoints, overlaps, score };
}

/** A stretch in which the same rule wins (-1: none applies) and the same parties' rules apply. */
interface OwnerSegment {
  start: number;
  end: number;
  rule: number;
  /** One of PARTIES, so segments compare by reference. */
  parties: readonly MatrixParty[];
}

/** The distinct parties of the rules that apply, in rule order. */
const PARTIES = {
  none: [],
  internal: ['internal'],
  provider: ['provider'],
  internalFirst: ['internal', 'provider'],
  providerFirst: ['provider', 'internal'],
} as const satisfies Record<string, readonly MatrixParty[]>;

function ownerSegments(cell: MatrixCell, timelines: Timelines): OwnerSegment[] {
  const calendarIds = [
    ...new Set(
      cell.coverage.flatMap((rule) => (rule.when === 'always' || !rule.calendarId ? [] : [rule.calendarId])),
    ),
  ];
  const calendars = calendarIds.map((id) => timelines.calendar(id));
  const cuts = calendars.length === 1 ? calendars[0]!.times : sortedUnique(calendars.flatMap((c) => c.times));
  const boundaries = cuts.length > 0 ? cuts : [timelines.from, timelines.to];
  const cursors = calendars.map(() => 0);
  const open = calendars.map(() => false);
  // Each rule's position in `calendars`, or -1 for none.
  const calendarOf = cell.coverage.map((rule) =>
    rule.calendarId ? calendarIds.indexOf(rule.calendarId) : -1,
  );
  const segments: OwnerSegment[] = [];
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const start = boundaries[i]!;
    for (let c = 0; c < calendars.length; c++) {
      const { times, open: opens } = calendars[c]!;
      while (times[cursors[c]! + 1]! <= start) cursors[c]!++;
      open[c] = opens[cursors[c]!]!;
    }
    let rule = -1;
    let parties: readonly MatrixParty[] = PARTIES.none;
    for (let r = 0; r < cell.coverage.length; r++) {
      const candidate = cell.coverage[r]!;
      if (!ruleAppliesWhen(candidate, open[calendarOf[r]!] === true)) continue;
      if (rule < 0) {
        rule = r;
        parties = PARTIES[candidate.party];
      } else if (parties.length === 1 && parties[0] !== candidate.party) {
        parties = candidate.party === 'provider' ? PARTIES.internalFirst : PARTIES.providerFirst;
      }
    }
    const last = segments.at(-1);
    if (last && last.rule === rule && last.parties === parties) last.end = boundaries[i + 1]!;
    else segments.push({ start, end: boundaries[i + 1]!, rule, parties });
  }
  return segments;
}

/** Time in which rules naming different parties apply at once, adjacent stretches joined. */
function overlapsOf(functionKey: string, owners: readonly OwnerSegment[]): CoverageOverlap[] {
  const found: CoverageOverlap[] = [];
  for (const { start, end, parties } of owners) {
    if (parties.length < 2) continue;
    const last = found.at(-1);
    if (last?.end.getTime() === start && last.parties.join() === parties.join()) {
      found[found.length - 1] = { ...last, end: new Date(end) };
    } else {
      found.push({ functionKey, start: new Date(start), end: new Date(end), parties: [...parties] });
    }
  }
  return found;
}

/** Collects pieces in time order, merging a piece into the previous one when nothing differs. */
class LineBuilder {
  private readonly spans: { start: number; end: number; span: Omit<CoverageSpan, 'start' | 'end'> }[] = [];
  private readonly gaps: { start: number; end: number; party: MatrixParty | null }[] = [];

  span(start: number, end: number, span: Omit<CoverageSpan, 'start' | 'end'>): void {
    const last = this.spans.at(-1);
    const same =
      last?.end === start &&
      last.span.party === span.party &&
      last.span.teamId === span.teamId &&
      last.span.scheduleId === span.scheduleId &&
      sameUsers(last.span.users, span.users);
    if (same) last.end = end;
    else this.spans.push({ start, end, span });
  }

  gap(start: number, end: number, party: MatrixParty | null): void {
    const last = this.gaps.at(-1);
    if (last?.end === start && last.party === party) last.end = end;
    else this.gaps.push({ start, end, party });
  }

  finish(functionKey: string, track: Track): CoverageLine {
    return {
      functionKey,
      track,
      spans: this.spans.map(({ start, end, span }) => ({
        start: new Date(start),
        end: new Date(end),
        ...span,
        users: [...span.users],
      })),
      gaps: this.gaps.map(({ start, end, party }) => ({ start: new Date(start), end: new Date(end), party })),
      coveredMs: this.spans.reduce((sum, { start, end }) => sum + (end - start), 0),
    };
  }
}

/** Runs of one person alone on call, across adjacent spans, longer than `limitMs`. */
function singlePointsOf(line: CoverageLine, limitMs: number): SinglePoint[] {
  const { functionKey, track } = line;
  const found: SinglePoint[] = [];
  let run: { userId: string; start: Date; end: Date } | undefined;
  const close = () => {
    if (run && run.end.getTime() - run.start.getTime() > limitMs) found.push({ functionKey, track, ...run });
    run = undefined;
  };
  for (const span of line.spans) {
    const alone = span.users.length === 1 ? span.users[0]! : undefined;
    if (run && (alone !== run.userId || run.end.getTime() !== span.start.getTime())) close();
    if (alone === undefined) continue;
    if (run) run.end = span.end;
    else run = { userId: alone, start: span.start, end: span.end };
  }
  close();
  return found;
}

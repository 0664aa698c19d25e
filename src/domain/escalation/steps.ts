/**
 * The escalation step machine. An escalation stands at a position (level, round); firing a
 * position pages whoever its level's targets reach at that instant. A level that reaches
 * nobody is a coverage gap: it is recorded and the next level fires at once, then the policy's
 * fallback, then the owning party's managers — a page is never dropped silently. After the
 * last level the policy runs again from level 1, `repeat` times, and is then exhausted.
 */
import type { PolicySnapshot, Target } from './policy.ts';

/** Where an escalation stands: level is 1-based, round 0 is the first pass. */
export interface Position {
  readonly level: number;
  readonly round: number;
}

/** What the firing needs to know about people, read at the firing instant by the caller. */
export interface TargetLookups {
  /** Users on call on the schedule now, in a stable order. */
  onCall(scheduleId: string): readonly string[];
  /** The team's own schedules (whose on-call people answer for the team). */
  schedulesOfTeam(teamId: string): readonly string[];
  teamMembers(teamId: string): readonly string[];
  /** A user who is still an active staff member of the engagement. */
  isActive(userId: string): boolean;
  /** The managers of the party that owns the work: the last resort. */
  managers(): readonly string[];
}

export interface Page {
  readonly userId: string;
  /** The target that reached them; a manager paged as the last resort is a user target. */
  readonly target: Target;
  readonly level: number;
  readonly round: number;
}

/** A target that reached nobody when it was paged. */
export interface Gap {
  readonly level: number;
  readonly target: Target;
  readonly reason: string;
}

export type Via = 'level' | 'fallback' | 'managers' | 'nobody';

export interface Firing {
  readonly pages: readonly Page[];
  readonly gaps: readonly Gap[];
  /** The level that was paged after falling through (the fallback counts as the last level). */
  readonly paged: Position;
  readonly via: Via;
  /** When the next position fires if nobody acknowledges. */
  readonly nextAt: Date;
}

/** Fires a position: pages, gaps, and where the escalation stands afterwards. */
export function fire(snapshot: PolicySnapshot, at: Position, lookups: TargetLookups, now: Date): Firing {
  const gaps: Gap[] = [];
  const last = snapshot.levels.length;
  for (let level = at.level; level <= last; level++) {
    const reached = reach(snapshot.levels[level - 1]!.targets, level, lookups);
    gaps.push(...reached.gaps);
    if (reached.people.length > 0) {
      return firing(snapshot, reached.people, gaps, { level, round: at.round }, 'level', now);
    }
  }
  const paged = { level: last, round: at.round };
  const fallback = reach(snapshot.fallback, last, lookups);
  gaps.push(...fallback.gaps);
  if (fallback.people.length > 0) return firing(snapshot, fallback.people, gaps, paged, 'fallback', now);
  const managers = uniqueActive(lookups.managers(), lookups).map((userId) => ({
    userId,
    target: { type: 'user' as const, id: userId },
  }));
  return firing(snapshot, managers, gaps, paged, managers.length > 0 ? 'managers' : 'nobody', now);
}

/** The position after `at`, or null once the last round's last level has been paged. */
export function advance(snapshot: PolicySnapshot, at: Position): Position | null {
  if (at.level < snapshot.levels.length) return { level: at.level + 1, round: at.round };
  if (at.round < snapshot.repeat) return { level: 1, round: at.round + 1 };
  return null;
}

/** Orders positions: negative when a comes before b. */
export function comparePositions(a: Position, b: Position): number {
  return a.round - b.round || a.level - b.level;
}

/** The position a level number names in the current round, for escalating by hand. */
export function positionOfLevel(snapshot: PolicySnapshot, level: number, round: number): Position | null {
  return Number.isInteger(level) && level >= 1 && level <= snapshot.levels.length ? { level, round } : null;
}

/** Delay of a level in milliseconds. */
export function delayOf(snapshot: PolicySnapshot, level: number): number {
  return (snapshot.levels[level - 1]?.delayMinutes ?? snapshot.levels.at(-1)!.delayMinutes) * 60_000;
}

function firing(
  snapshot: PolicySnapshot,
  people: readonly { userId: string; target: Target }[],
  gaps: Gap[],
  paged: Position,
  via: Via,
  now: Date,
): Firing {
  return {
    pages: people.map((p) => ({ ...p, level: paged.level, round: paged.round })),
    gaps,
    paged,
    via,
    nextAt: new Date(now.getTime() + delayOf(snapshot, paged.level)),
  };
}

/** Everyone the targets reach, each person once (the first target that reaches them names them), or the level's gaps. */
function reach(targets: readonly Target[], level: number, lookups: TargetLookups) {
  const people: { userId: string; target: Target }[] = [];
  const gaps: Gap[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    const found = uniqueActive(resolveTarget(target, lookups), lookups);
    if (found.length === 0) gaps.push({ level, target, reason: emptyReason(target) });
    for (const userId of found) {
      if (seen.has(userId)) continue;
      seen.add(userId);
      people.push({ userId, target });
    }
  }
  // A level that pages someone has no gap: a schedule idle at this hour beside one that is
  // staffed (a business-hours desk and an after-hours rota) is how round-the-clock levels look.
  return { people, gaps: people.length > 0 ? [] : gaps };
}

function resolveTarget(target: Target, lookups: TargetLookups): readonly string[] {
  switch (target.type) {
    case 'user':
      return [target.id];
    case 'schedule':
      return lookups.onCall(target.id);
    case 'team': {
      // The team's people on call answer for it; with nobody on call, every member is paged.
      const onCall = lookups.schedulesOfTeam(target.id).flatMap((id) => lookups.onCall(id));
      const active = onCall.filter((id) => lookups.isActive(id));
      return active.length > 0 ? active : lookups.teamMembers(target.id);
    }
  }
}

function uniqueActive(ids: readonly string[], lookups: TargetLookups): string[] {
  return [...new Set(ids)].filter((id) => lookups.isActive(id));
}

function emptyReason(target: Target): string {
  switch (target.type) {
    case 'user':
      return 'no longer an active member of this engagement';
    case 'schedule':
      return 'nobody on call';
    case 'team':
      return 'nobody on call and no active members';
  }
}

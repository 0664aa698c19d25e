import type { PolicySnapshot, Target } from './policy.ts';
import type { TargetLookups } from './steps.ts';

/** Lookups from plain data, for tests: who is on call per schedule, team members, who is gone. */
export function lookupsOf(world: {
  onCall?: Record<string, readonly string[]>;
  teamSchedules?: Record<string, readonly string[]>;
  teams?: Record<string, readonly string[]>;
  inactive?: readonly string[];
  managers?: readonly string[];
}): TargetLookups {
  const inactive = new Set(world.inactive ?? []);
  return {
    onCall: (id) => world.onCall?.[id] ?? [],
    schedulesOfTeam: (id) => world.teamSchedules?.[id] ?? [],
    teamMembers: (id) => world.teams?.[id] ?? [],
    isActive: (id) => !inactive.has(id),
    managers: () => world.managers ?? [],
  };
}

export const user = (id: string): Target => ({ type: 'user', id });
export const schedule = (id: string): Target => ({ type: 'schedule', id });
export const team = (id: string): Target => ({ type: 'team', id });

export function snapshot(
  levels: readonly (readonly Target[])[],
  options: { repeat?: number; fallback?: readonly Target[]; delay?: number } = {},
): PolicySnapshot {
  return {
    policyId: 'p1',
    name: 'Test policy',
    repeat: options.repeat ?? 0,
    fallback: options.fallback ?? [],
    levels: levels.map((targets) => ({ delayMinutes: options.delay ?? 15, targets })),
    takenAt: '2026-11-02T00:00:00.000Z',
  };
}

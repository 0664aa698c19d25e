/**
 * Escalation policies: ordered levels of targets (users, on-call schedules, teams — of either
 * party), a delay before the next level, a repeat count and optional fallback targets. Pure
 * data and the rules a policy must keep; the step machine is steps.ts.
 */

export const TARGET_TYPES = ['user', 'schedule', 'team'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export interface Target {
  readonly type: TargetType;
  readonly id: string;
}

export interface EscalationLevel {
  /** Minutes to wait for an acknowledgement before the next level is paged. */
  readonly delayMinutes: number;
  readonly targets: readonly Target[];
}

export interface EscalationPolicySpec {
  readonly levels: readonly EscalationLevel[];
  /** How many more times the whole policy runs after its last level, 0–9. */
  readonly repeat: number;
  /** Paged when every level from the current one on reaches nobody. */
  readonly fallback: readonly Target[];
}

/** The policy as an escalation took it when it started; later edits never reach it. */
export interface PolicySnapshot extends EscalationPolicySpec {
  readonly policyId: string | null;
  readonly name: string;
  readonly takenAt: string;
}

export const LIMITS = {
  minLevels: 1,
  maxLevels: 10,
  minDelay: 1,
  maxDelay: 1440,
  maxRepeat: 9,
  maxTargets: 20,
} as const;

export interface PolicyProblem {
  /** JSON pointer into the policy body, e.g. /levels/1/delayMinutes. */
  readonly path: string;
  readonly message: string;
}

/** Every rule the policy breaks, each at its field; empty when it is valid. */
export function checkPolicy(spec: EscalationPolicySpec): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const { levels, repeat, fallback } = spec;
  if (levels.length < LIMITS.minLevels || levels.length > LIMITS.maxLevels) {
    problems.push({
      path: '/levels',
      message: `must have ${LIMITS.minLevels} to ${LIMITS.maxLevels} levels`,
    });
  }
  if (!Number.isInteger(repeat) || repeat < 0 || repeat > LIMITS.maxRepeat) {
    problems.push({ path: '/repeat', message: `must be a whole number from 0 to ${LIMITS.maxRepeat}` });
  }
  levels.forEach((level, i) => {
    const { delayMinutes: delay } = level;
    if (!Number.isInteger(delay) || delay < LIMITS.minDelay || delay > LIMITS.maxDelay) {
      problems.push({
        path: `/levels/${i}/delayMinutes`,
        message: `must be a whole number of minutes from ${LIMITS.minDelay} to ${LIMITS.maxDelay}`,
      });
    }
    if (level.targets.length === 0) {
      problems.push({
        path: `/levels/${i}/targets`,
        message: 'must name at least one user, schedule or team',
      });
    }
    problems.push(...duplicates(level.targets, `/levels/${i}/targets`));
  });
  problems.push(...duplicates(fallback, '/fallback'));
  return problems;
}

function duplicates(targets: readonly Target[], path: string): PolicyProblem[] {
  const seen = new Set<string>();
  return targets.flatMap((target, j) => {
    const key = `${target.type}:${target.id}`;
    if (seen.has(key)) return [{ path: `${path}/${j}`, message: 'names the same target twice' }];
    seen.add(key);
    return [];
  });
}

/** A deep copy of the policy, so the escalation never shares structure with the policy row. */
export function snapshotOf(
  policy: EscalationPolicySpec & { readonly policyId: string | null; readonly name: string },
  now: Date,
): PolicySnapshot {
  const copy = (targets: readonly Target[]) => targets.map((t) => ({ type: t.type, id: t.id }));
  return {
    policyId: policy.policyId,
    name: policy.name,
    repeat: policy.repeat,
    levels: policy.levels.map((level) => ({
      delayMinutes: level.delayMinutes,
      targets: copy(level.targets),
    })),
    fallback: copy(policy.fallback),
    takenAt: now.toISOString(),
  };
}

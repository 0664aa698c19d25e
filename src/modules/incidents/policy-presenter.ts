import type { EscalationPolicySpec, Target } from '../../domain/escalation/policy.ts';
import { type Directory, namedTarget } from './people.ts';
import type { EscalationPolicy } from './policy-schema.ts';
import type { PolicyRow } from './tables.ts';

/** The stored policy as the domain reads it. */
export function policyOf(row: PolicyRow): EscalationPolicySpec & { policyId: string; name: string } {
  return {
    policyId: row.id,
    name: row.name,
    repeat: row.repeat,
    levels: JSON.parse(row.levels) as EscalationPolicySpec['levels'],
    fallback: JSON.parse(row.fallback) as Target[],
  };
}

export function presentPolicy(row: PolicyRow, dir: Directory): EscalationPolicy {
  const spec = policyOf(row);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    repeat: row.repeat,
    levels: spec.levels.map((level) => ({
      delayMinutes: level.delayMinutes,
      targets: level.targets.map((t) => namedTarget(dir, t)),
    })),
    fallback: spec.fallback.map((t) => namedTarget(dir, t)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

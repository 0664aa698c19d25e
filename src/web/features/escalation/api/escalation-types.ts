import type { Party } from '../../../lib/api-types.ts';

/**
 * The shapes of the escalation API (`/escalation-policies`, `/drills`), written by hand from the
 * issue 6 contract until the OpenAPI types are generated.
 */

export type TargetType = 'user' | 'schedule' | 'team';
export const TARGET_TYPES: readonly TargetType[] = ['user', 'schedule', 'team'];

export interface TargetRef {
  type: TargetType;
  id: string;
}

export interface Target extends TargetRef {
  /** In answers only. */
  name?: string;
}

export interface PolicyLevel {
  /** Minutes to wait for an acknowledgement before the next level is paged: 1..1440. */
  delayMinutes: number;
  targets: Target[];
}

/** What a create or update sends. */
export interface PolicyInput {
  name: string;
  description?: string;
  /** How many more times the whole policy runs when nobody answered: 0..9. */
  repeat: number;
  levels: PolicyLevel[];
  /** Paged when a level's targets are all out of coverage. */
  fallback?: Target[];
}

export interface EscalationPolicy extends PolicyInput {
  id: string;
  description?: string;
  fallback?: Target[];
  createdAt: string;
  updatedAt: string;
}

export interface DrillPage {
  id: string;
  userId: string;
  userName: string;
  party: Party | null;
  pagedAt: string;
  acknowledgedAt: string | null;
}

export interface Drill {
  id: string;
  policyId: string;
  policyName: string;
  state: 'running' | 'completed';
  startedBy: string | { userId: string; name: string } | null;
  startedAt: string;
  endedAt: string | null;
  level: number;
  nextAt: string | null;
  levels: { level: number; pages: DrillPage[]; missed: boolean }[];
}

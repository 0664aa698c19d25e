import type { Track } from '../oncall/schedule.ts';
import type { Priority, Severity, Signal } from './signal.ts';

/** An integration's routing defaults (the contract's `defaults`). */
export interface IntegrationDefaults {
  readonly functionKey?: string | null;
  readonly track?: Track;
  /** An EDR, SIEM or IDS: everything it sends is security work. */
  readonly security?: boolean;
  readonly severityPriority?: Readonly<Record<Severity, Priority>>;
  readonly escalationPolicyId?: string | null;
  readonly grouping?: GroupingRule;
}

export interface GroupingRule {
  readonly by: readonly GroupingField[];
  readonly windowMinutes: number;
}
export type GroupingField = 'source' | 'component' | 'function';

export const DEFAULT_PRIORITIES: Readonly<Record<Severity, Priority>> = {
  critical: 'P1',
  error: 'P2',
  warning: 'P3',
  info: 'P4',
};

/**
 * Security work goes to the SOC track, never the on-call rota: an integration marked security
 * (or with track security) makes every alert security; otherwise the event may say so itself
 * (a generic mapping's track, or a PagerDuty class starting with "security").
 */
export function trackOf(defaults: IntegrationDefaults, signal: Pick<Signal, 'track' | 'class'>): Track {
  if (defaults.security === true || defaults.track === 'security') return 'security';
  if (signal.track === 'security') return 'security';
  if (signal.class?.trim().toLowerCase().startsWith('security')) return 'security';
  return 'operations';
}

export function priorityOf(defaults: IntegrationDefaults, severity: Severity): Priority {
  return defaults.severityPriority?.[severity] ?? DEFAULT_PRIORITIES[severity];
}

export function functionOf(
  defaults: IntegrationDefaults,
  signal: Pick<Signal, 'functionKey'>,
): string | null {
  return signal.functionKey ?? defaults.functionKey ?? null;
}

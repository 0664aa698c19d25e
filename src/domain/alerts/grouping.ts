import type { GroupingField, GroupingRule } from './routing-defaults.ts';

const MINUTE = 60_000;

/** An open incident of the integration, by its latest alert. */
export interface OpenIncidentAlert {
  readonly incidentId: string;
  readonly source: string;
  readonly component: string | null;
  readonly functionKey: string | null;
  readonly lastAt: Date;
}

export interface NewAlert {
  readonly source: string;
  readonly component: string | null;
  readonly functionKey: string | null;
}

export type Placement =
  | {
      readonly kind: 'join';
      readonly incidentId: string;
      readonly reason: 'dedup_key' | 'grouping' | 'flapping';
    }
  | { readonly kind: 'open' };

/**
 * Which incident a new alert belongs to: the same key's incident while it is open; else an
 * open incident whose latest alert matches on every field of the integration's grouping rule
 * within its window (the most recent such); else a new incident.
 */
export function placeAlert(input: {
  readonly sameKeyIncident: string | null;
  readonly rule: GroupingRule | undefined;
  readonly alert: NewAlert;
  readonly candidates: readonly OpenIncidentAlert[];
  readonly now: Date;
}): Placement {
  if (input.sameKeyIncident) return { kind: 'join', incidentId: input.sameKeyIncident, reason: 'dedup_key' };
  const rule = input.rule;
  if (!rule || rule.by.length === 0) return { kind: 'open' };
  const since = input.now.getTime() - rule.windowMinutes * MINUTE;
  const match = [...input.candidates]
    .filter((c) => c.lastAt.getTime() >= since && rule.by.every((field) => sameField(field, c, input.alert)))
    .sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime())[0];
  return match ? { kind: 'join', incidentId: match.incidentId, reason: 'grouping' } : { kind: 'open' };
}

function sameField(field: GroupingField, a: NewAlert, b: NewAlert): boolean {
  const value = (x: NewAlert) => (field === 'function' ? x.functionKey : x[field]);
  const left = value(a);
  // An alert without the field never groups on it: "no component" is not a component.
  return left !== null && left !== '' && left === value(b);
}

import type { Signal } from './signal.ts';

export type AlertStatus = 'triggered' | 'acknowledged' | 'resolved';

/** What the lifecycle needs to know of an alert of the same (integration, dedup key). */
export interface AlertSnapshot {
  readonly id: string;
  readonly status: AlertStatus;
  readonly episode: string | null;
}

export interface LifecycleInput {
  /** The open (triggered or acknowledged) alert of this key, if any. */
  readonly open: AlertSnapshot | null;
  readonly signal: Pick<Signal, 'action' | 'episode'>;
  /** An event with the same idempotency key is already stored. */
  readonly duplicate: boolean;
  /** A resolve of this episode was already received (applied or dropped). */
  readonly episodeResolved: boolean;
}

export type Decision =
  | { readonly kind: 'create' }
  | { readonly kind: 'retrigger'; readonly alertId: string }
  | { readonly kind: 'acknowledge'; readonly alertId: string }
  | { readonly kind: 'resolve'; readonly alertId: string }
  | { readonly kind: 'deduplicated' }
  | { readonly kind: 'drop'; readonly reason: string };

/**
 * One event against the alert it names, as PagerDuty scopes it: (integration, dedup key).
 * A trigger re-triggers the open alert or opens a new one (a trigger after a resolve opens a
 * new alert); acknowledge and resolve act on the open alert or are dropped. Alertmanager and
 * Grafana may repeat and reorder: a repeat is a no-op, a firing of an episode already resolved
 * is stale, and a resolve of an older episode than the open alert's leaves it open.
 */
export function decide(input: LifecycleInput): Decision {
  const { open, signal } = input;
  if (input.duplicate) return { kind: 'deduplicated' };
  switch (signal.action) {
    case 'trigger':
      if (signal.episode !== null && input.episodeResolved) {
        return { kind: 'drop', reason: 'stale: this episode (startsAt) has already resolved' };
      }
      return open ? { kind: 'retrigger', alertId: open.id } : { kind: 'create' };
    case 'acknowledge':
      if (!open) return { kind: 'drop', reason: 'no open alert with this dedup key' };
      if (open.status === 'acknowledged')
        return { kind: 'drop', reason: 'the alert is already acknowledged' };
      return { kind: 'acknowledge', alertId: open.id };
    case 'resolve':
      if (!open) return { kind: 'drop', reason: 'no open alert with this dedup key' };
      if (isOlderEpisode(signal.episode, open.episode)) {
        return { kind: 'drop', reason: 'stale: resolves an earlier episode than the open alert' };
      }
      return { kind: 'resolve', alertId: open.id };
  }
}

function isOlderEpisode(signal: string | null, open: string | null): boolean {
  return signal !== null && open !== null && Date.parse(signal) < Date.parse(open);
}

/** A re-trigger from a newer episode moves the alert to it, so the older episode's resolve is stale. */
export function laterEpisode(current: string | null, signal: string | null): string | null {
  if (current === null) return signal;
  if (signal === null) return current;
  return Date.parse(signal) > Date.parse(current) ? signal : current;
}

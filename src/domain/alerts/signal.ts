import type { Track } from '../oncall/schedule.ts';

export type Severity = 'critical' | 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'error', 'warning', 'info'];
export type SignalAction = 'trigger' | 'acknowledge' | 'resolve';
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';

export interface Link {
  readonly href: string;
  readonly text?: string;
}

export interface Image {
  readonly src: string;
  readonly href?: string;
  readonly alt?: string;
}

/**
 * One event from any source, normalised: what the alert lifecycle decides on. PagerDuty,
 * Alertmanager, Grafana, generic JSON and e-mail all become signals.
 */
export interface Signal {
  readonly action: SignalAction;
  readonly dedupKey: string;
  readonly summary: string;
  readonly severity: Severity;
  readonly source: string;
  readonly component: string | null;
  readonly group: string | null;
  readonly class: string | null;
  readonly customDetails: unknown;
  readonly links: readonly Link[];
  readonly images: readonly Image[];
  /** When the source says it happened (its timestamp), else when it arrived. */
  readonly at: Date;
  /**
   * Alertmanager and Grafana: the alert's startsAt. A firing of an episode that already
   * resolved is stale (the webhook reordered it) and is dropped.
   */
  readonly episode: string | null;
  /** Alertmanager and Grafana: (group key, fingerprint, startsAt, status); a repeat is a no-op. */
  readonly idempotencyKey: string | null;
  /** Set by the event (generic mapping); the integration's defaults apply otherwise. */
  readonly functionKey: string | null;
  readonly track: Track | null;
}

/** The longest dedup key PagerDuty accepts, and so the longest Tandem stores. */
export const MAX_DEDUP_KEY = 255;
export const MAX_SUMMARY = 1024;

const SEVERITY_WORDS: Readonly<Record<string, Severity>> = {
  critical: 'critical',
  crit: 'critical',
  fatal: 'critical',
  emergency: 'critical',
  page: 'critical',
  disaster: 'critical',
  p1: 'critical',
  error: 'error',
  err: 'error',
  high: 'error',
  major: 'error',
  p2: 'error',
  warning: 'warning',
  warn: 'warning',
  medium: 'warning',
  average: 'warning',
  minor: 'warning',
  p3: 'warning',
  info: 'info',
  informational: 'info',
  information: 'info',
  low: 'info',
  notice: 'info',
  debug: 'info',
  none: 'info',
  p4: 'info',
  p5: 'info',
};

/**
 * A monitoring tool's severity word onto PagerDuty's four. Unknown or missing → `error`, the
 * default Alertmanager's own PagerDuty receiver sends: an alert someone configured to fire is a
 * problem, but nobody said it is critical.
 */
export function severityOf(word: unknown): Severity {
  if (typeof word !== 'string') return 'error';
  return SEVERITY_WORDS[word.trim().toLowerCase()] ?? 'error';
}

/** Cuts text to a limit without splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return Array.from(text).slice(0, max).join('').slice(0, max);
}

/** A short stable fingerprint (FNV-1a, 64 bits, hex) for sources that send none. */
export function fingerprintOf(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

import type { Selectable } from 'kysely';
import type { ClockKind, ClockOutcome, ClockParty } from '../../domain/sla/clock.ts';

/** An SLA policy: targets for both parties, for the ticket kinds it covers. */
export interface SlaPoliciesTable {
  engagement_id: string;
  id: string;
  name: string;
  /** JSON text: the ticket kinds it covers; `[]` covers every kind no other policy names. */
  ticket_kinds: string;
  /** Warn at this share of the target, in percent (default 75). */
  warn_percent: number;
  /** JSON text: `[{party, kind, priority, minutes, calendarId}]`. */
  targets: string;
  created_at: string;
  updated_at: string;
}
export type SlaPolicyRow = Selectable<SlaPoliciesTable>;

/** One party's clock on one ticket. Elapsed time is business time on its calendar. */
export interface SlaClocksTable {
  engagement_id: string;
  id: string;
  ticket_id: string;
  party: ClockParty;
  kind: ClockKind;
  calendar_id: string;
  target_minutes: number;
  warn_percent: number;
  state: 'running' | 'paused' | 'stopped';
  outcome: ClockOutcome | null;
  started_at: string;
  /** When the running segment began; null unless running. */
  running_since: string | null;
  /** Business milliseconds of the closed segments. */
  elapsed_ms: number;
  /** While running, the instant the target is reached; kept for "at risk" queries. */
  due_at: string | null;
  warned_at: string | null;
  breached_at: string | null;
  stopped_at: string | null;
  updated_at: string;
}
export type SlaClockRow = Selectable<SlaClocksTable>;

/** The clock ledger: every start, pause, resume, retarget, warning, breach and stop, with why. */
export interface SlaClockEventsTable {
  engagement_id: string;
  id: string;
  clock_id: string;
  at: string;
  event: string;
  reason: string;
  elapsed_ms: number;
  target_minutes: number;
}

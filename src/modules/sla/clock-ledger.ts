import { uuidv7 } from 'uuidv7';
import type { Clock, ClockReading } from '../../domain/sla/clock.ts';
import type { Trx } from '../../platform/db/database.ts';
import * as clockStore from './clock-store.ts';
import type { SlaClockRow, SlaClocksTable } from './tables.ts';

/**
 * Writes an entry on a ticket's timeline as Tandem itself. Handed in at composition: the
 * timeline belongs to the tickets module, and clocks only ask for a line on it.
 */
export type ClockNote = (
  trx: Trx,
  entry: { engagementId: string; ticketId: string; kind: 'sla'; data: unknown; at: Date },
) => Promise<void>;

export type LedgerEvent =
  | 'started'
  | 'paused'
  | 'resumed'
  | 'retargeted'
  | 'warned'
  | 'breached'
  | 'met'
  | 'cancelled';

const MINUTE_MS = 60_000;

export function clockOf(row: SlaClockRow): Clock {
  return {
    targetMinutes: row.target_minutes,
    warnPercent: row.warn_percent,
    startedAt: new Date(row.started_at),
    runningSince: row.running_since ? new Date(row.running_since) : null,
    elapsedMs: row.elapsed_ms,
    stoppedAt: row.stopped_at ? new Date(row.stopped_at) : null,
    outcome: row.outcome,
  };
}

/** The stored columns of a clock after an operation, with its reading at that instant. */
export function columnsOf(clock: Clock, reading: ClockReading, at: Date): Partial<SlaClocksTable> {
  return {
    target_minutes: clock.targetMinutes,
    state: clock.outcome ? 'stopped' : clock.runningSince ? 'running' : 'paused',
    outcome: clock.outcome,
    running_since: clock.runningSince?.toISOString() ?? null,
    elapsed_ms: Math.round(clock.elapsedMs),
    due_at: reading.dueAt?.toISOString() ?? null,
    stopped_at: clock.stoppedAt?.toISOString() ?? null,
    updated_at: at.toISOString(),
  };
}

/**
 * Writes one ledger entry and its twin on the ticket's timeline, so every figure a clock shows
 * can be traced to the moments that made it and why.
 */
export async function recordClockEvent(
  trx: Trx,
  note: ClockNote,
  row: Pick<SlaClockRow, 'engagement_id' | 'id' | 'ticket_id' | 'party' | 'kind'>,
  entry: { event: LedgerEvent; reason: string; elapsedMs: number; targetMinutes: number; at: Date },
): Promise<void> {
  const elapsedMs = Math.round(entry.elapsedMs);
  await clockStore.insertLedgerEntry(trx, {
    engagement_id: row.engagement_id,
    id: uuidv7(),
    clock_id: row.id,
    at: entry.at.toISOString(),
    event: entry.event,
    reason: entry.reason,
    elapsed_ms: elapsedMs,
    target_minutes: entry.targetMinutes,
  });
  await note(trx, {
    engagementId: row.engagement_id,
    ticketId: row.ticket_id,
    kind: 'sla',
    data: {
      clockId: row.id,
      party: row.party,
      kind: row.kind,
      event: entry.event,
      reason: entry.reason,
      targetMinutes: entry.targetMinutes,
      elapsedMinutes: Math.floor(elapsedMs / MINUTE_MS),
    },
    at: entry.at,
  });
}

import type { ClockReading } from '../../domain/sla/clock.ts';
import type { SlaClock } from './clock-schema.ts';
import type { SlaClockRow } from './tables.ts';

const MINUTE_MS = 60_000;

export type Risk = 'breached' | 'warning' | 'on_track';

export function presentClock(row: SlaClockRow, reading: ClockReading, calendarName: string): SlaClock {
  const elapsedMinutes = Math.floor(reading.elapsedMs / MINUTE_MS);
  return {
    id: row.id,
    party: row.party,
    kind: row.kind,
    state: reading.state,
    running: reading.running,
    targetMinutes: row.target_minutes,
    elapsedMinutes,
    remainingMinutes: row.target_minutes - elapsedMinutes,
    dueAt: reading.dueAt?.toISOString() ?? null,
    warnAt: reading.warnAt?.toISOString() ?? null,
    startedAt: row.started_at,
    stoppedAt: row.stopped_at,
    breachedAt: row.breached_at,
    calendarId: row.calendar_id,
    calendarName,
  };
}

/** Breached, past its warning share, or on track. */
export function riskOf(clock: SlaClock, warnPercent: number): Risk {
  if (clock.state === 'breached') return 'breached';
  return clock.elapsedMinutes * 100 >= clock.targetMinutes * warnPercent ? 'warning' : 'on_track';
}

/**
 * The clock a reader cares about for each party and kind of a ticket: the open one, else the
 * most recent. Rows come oldest first.
 */
export function currentOf(rows: readonly SlaClockRow[]): SlaClockRow[] {
  const chosen = new Map<string, SlaClockRow>();
  for (const row of rows) {
    const key = `${row.ticket_id}:${row.party}:${row.kind}`;
    const held = chosen.get(key);
    if (!held || held.state === 'stopped' || row.state !== 'stopped') chosen.set(key, row);
  }
  return [...chosen.values()];
}

import type { BusinessCalendar } from '../../domain/calendars/calendar.ts';
import { type Clock, type ClockReading, readClock } from '../../domain/sla/clock.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { cancelJobs, enqueueJob } from '../../platform/jobs/queue.ts';
import type { JobHandler } from '../../platform/jobs/worker.ts';
import { type ClockNote, clockOf, recordClockEvent } from './clock-ledger.ts';
import * as clockStore from './clock-store.ts';
import type { SlaClockRow } from './tables.ts';

export const SLA_WARN_JOB = 'sla.warn';
export const SLA_BREACH_JOB = 'sla.breach';

const warnKey = (clockId: string) => `sla-warn:${clockId}`;
const breachKey = (clockId: string) => `sla-breach:${clockId}`;

/**
 * Arms (or disarms) the warning and breach timers of a clock after it changed, in the same
 * transaction: a running clock has one pending job for each moment still ahead of it.
 */
export async function armTimers(
  trx: Trx,
  row: Pick<SlaClockRow, 'engagement_id' | 'id' | 'warned_at' | 'breached_at'>,
  clock: Clock,
  reading: ClockReading,
  now: Date,
): Promise<void> {
  await cancelJobs(trx, { dedupeKey: warnKey(row.id) });
  await cancelJobs(trx, { dedupeKey: breachKey(row.id) });
  if (!reading.running || clock.outcome) return;
  const payload = { clockId: row.id };
  if (!row.warned_at && reading.warnAt && !reading.breached) {
    await enqueueJob(
      trx,
      {
        kind: SLA_WARN_JOB,
        engagementId: row.engagement_id,
        payload,
        runAt: reading.warnAt,
        dedupeKey: warnKey(row.id),
      },
      now,
    );
  }
  if (!row.breached_at && reading.dueAt) {
    await enqueueJob(
      trx,
      {
        kind: SLA_BREACH_JOB,
        engagementId: row.engagement_id,
        payload,
        runAt: reading.dueAt,
        dedupeKey: breachKey(row.id),
      },
      now,
    );
  }
}

type CompiledOf = (db: Db, engagementId: string, calendarId: string) => Promise<BusinessCalendar>;
type Announce = (row: SlaClockRow, event: 'sla.warning' | 'sla.breached') => Promise<void>;

/**
 * The two timer handlers. Each re-reads the clock: a paused, stopped or retargeted clock is
 * left alone or re-armed, so a timer that fires late, twice, or after a change is harmless.
 */
export function clockTimerHandlers(
  { db, now }: Pick<PlatformDeps, 'db' | 'now'>,
  compiled: CompiledOf,
  announce: Announce,
  note: ClockNote,
): Record<string, JobHandler> {
  const fire =
    (moment: 'warned' | 'breached') => async (job: { engagementId: string | null; payload: unknown }) => {
      const clockId = (job.payload as { clockId?: unknown } | null)?.clockId;
      if (!job.engagementId || typeof clockId !== 'string') return;
      const engagementId = job.engagementId;
      const fired = await db.transaction().execute(async (trx) => {
        const row = await clockStore.findClock(trx, engagementId, clockId);
        if (row?.state !== 'running') return undefined;
        const at = now();
        const clock = clockOf(row);
        const reading = readClock(clock, await compiled(trx, engagementId, row.calendar_id), at);
        const done = moment === 'warned' ? row.warned_at : row.breached_at;
        if (done) return undefined;
        const due = moment === 'warned' ? reading.warnAt : reading.dueAt;
        const reached = moment === 'warned' ? due !== null && due <= at : reading.breached;
        if (!reached) {
          await armTimers(trx, row, clock, reading, at);
          return undefined;
        }
        const stamp = (due ?? at).toISOString();
        await clockStore.updateClock(
          trx,
          engagementId,
          clockId,
          moment === 'warned'
            ? { warned_at: stamp, updated_at: at.toISOString() }
            : { breached_at: stamp, updated_at: at.toISOString() },
        );
        await recordClockEvent(trx, note, row, {
          event: moment,
          reason:
            moment === 'warned'
              ? `${row.warn_percent} % of the ${row.target_minutes} min target used`
              : `target of ${row.target_minutes} min passed`,
          elapsedMs: reading.elapsedMs,
          targetMinutes: row.target_minutes,
          at: due ?? at,
        });
        return row;
      });
      if (fired) await announce(fired, moment === 'warned' ? 'sla.warning' : 'sla.breached');
    };
  return { [SLA_WARN_JOB]: fire('warned'), [SLA_BREACH_JOB]: fire('breached') };
}

import { SYSTEM } from '../access/actor.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { IDEMPOTENCY_TTL_HOURS } from '../http/idempotency.ts';
import { enqueueJob } from './queue.ts';
import type { RunningJob } from './worker.ts';

export const HOUSEKEEPING_JOB = 'platform.housekeeping';
const EVERY_MS = 3_600_000;
const KEEP_FINISHED_JOBS_DAYS = 14;

/** Arms the hourly housekeeping timer once across all processes (the dedupe key keeps one). */
export async function scheduleHousekeeping(db: Db, now: Date, delayMs = EVERY_MS): Promise<void> {
  await enqueueJob(
    db,
    {
      kind: HOUSEKEEPING_JOB,
      payload: {},
      runAt: new Date(now.getTime() + delayMs),
      dedupeKey: HOUSEKEEPING_JOB,
    },
    now,
  );
}

/**
 * Removes what has expired (sessions, idempotency keys, long-finished jobs), records the run
 * in the global audit chain, and re-arms itself, all in one transaction.
 */
export function housekeepingHandler(db: Db, now: () => Date) {
  return async (job: RunningJob): Promise<void> => {
    const at = now();
    const idempotencyCutoff = new Date(at.getTime() - IDEMPOTENCY_TTL_HOURS * 3_600_000).toISOString();
    const jobsCutoff = new Date(at.getTime() - KEEP_FINISHED_JOBS_DAYS * 86_400_000).toISOString();
    await db.transaction().execute(async (trx) => {
      const sessions = await trx
        .deleteFrom('sessions')
        .where('expires_at', '<=', at.toISOString())
        .executeTakeFirst();
      const keys = await trx
        .deleteFrom('idempotency_keys')
        .where('created_at', '<', idempotencyCutoff)
        .executeTakeFirst();
      const jobs = await trx
        .deleteFrom('jobs')
        .where('state', 'in', ['done', 'failed'])
        .where('finished_at', '<', jobsCutoff)
        .executeTakeFirst();
      const removed = {
        sessions: Number(sessions.numDeletedRows),
        idempotencyKeys: Number(keys.numDeletedRows),
        jobs: Number(jobs.numDeletedRows),
      };
      await recordAudit(
        trx,
        SYSTEM,
        {
          engagementId: null,
          action: 'housekeeping.ran',
          targetType: 'job',
          targetId: job.id,
          after: removed,
        },
        at,
      );
      if (!(job.payload as { once?: boolean } | null)?.once) await scheduleHousekeeping(trx, at);
    });
  };
}

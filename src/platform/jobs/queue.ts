import { uuidv7 } from 'uuidv7';
import type { Db } from '../db/database.ts';

/** A job to write. It runs at `runAt` or soon after, on whichever worker claims it first. */
export interface NewJob {
  /** Names the handler that runs it, e.g. `sla.warn`. */
  readonly kind: string;
  /** The engagement it belongs to; null or absent for platform jobs. */
  readonly engagementId?: string | null;
  /** Stored as JSON. Keep it to ids and small facts: the handler reads current state itself. */
  readonly payload: unknown;
  readonly runAt: Date;
  /**
   * At most one pending job per key (e.g. `sla-warning:<clockId>`): enqueueing a key that is
   * already pending keeps the existing job and returns its id. Include the engagement or
   * record id in the key; keys are global.
   */
  readonly dedupeKey?: string;
  /** Runs (claims) allowed before the job is marked failed; default 5. */
  readonly maxAttempts?: number;
}

/** Which pending jobs `cancelJobs` removes. */
export type JobSelector =
  | { readonly dedupeKey: string }
  | { readonly kind: string; readonly engagementId: string | null };

export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Writes a job in the caller's transaction, so the job exists if and only if the change that
 * caused it commits. Returns the job's id (the existing one when `dedupeKey` is already pending).
 */
export async function enqueueJob(trx: Db, job: NewJob, now: Date): Promise<string> {
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a positive integer; got ${maxAttempts}`);
  }
  const row = {
    id: uuidv7(),
    kind: job.kind,
    engagement_id: job.engagementId ?? null,
    payload: JSON.stringify(job.payload ?? null),
    state: 'pending' as const,
    run_at: job.runAt.toISOString(),
    attempt: 0,
    max_attempts: maxAttempts,
    dedupe_key: job.dedupeKey ?? null,
    created_at: now.toISOString(),
  };
  if (job.dedupeKey === undefined) {
    await trx.insertInto('jobs').values(row).execute();
    return row.id;
  }

  // The key names the *next* firing, so a running, done or failed job gives it up. Otherwise a
  // handler re-arming its own timer under the same key would get its own running job back.
  await trx
    .updateTable('jobs')
    .set({ dedupe_key: null })
    .where('dedupe_key', '=', job.dedupeKey)
    .where('state', '<>', 'pending')
    .execute();
  // On PostgreSQL a concurrent insert of the same key makes this wait for that transaction;
  // if it commits we insert nothing and read its row below, so one job survives either way.
  const inserted = await trx
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await trx
    .selectFrom('jobs')
    .select('id')
    .where('dedupe_key', '=', job.dedupeKey)
    .executeTakeFirstOrThrow();
  return existing.id;
}

/**
 * Removes pending jobs (including ones waiting to retry) in the caller's transaction and
 * returns how many. A job already running cannot be recalled, which is why handlers re-read
 * the state they act on instead of trusting that they were not cancelled.
 */
export async function cancelJobs(trx: Db, which: JobSelector): Promise<number> {
  let query = trx.deleteFrom('jobs').where('state', '=', 'pending');
  if ('dedupeKey' in which) {
    query = query.where('dedupe_key', '=', which.dedupeKey);
  } else {
    query = query.where('kind', '=', which.kind);
    query =
      which.engagementId === null
        ? query.where('engagement_id', 'is', null)
        : query.where('engagement_id', '=', which.engagementId);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

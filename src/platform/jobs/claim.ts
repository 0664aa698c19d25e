import type { Selectable } from 'kysely';
import type { Db, DialectName } from '../db/database.ts';
import type { JobsTable } from './tables.ts';

/** A job row as stored. */
export type JobRow = Selectable<JobsTable>;

/** One claim of a job: settling it only counts while the row still carries this attempt. */
export interface JobAttempt {
  readonly id: string;
  readonly attempt: number;
}

export interface ClaimRequest {
  readonly workerId: string;
  readonly now: Date;
  readonly leaseMs: number;
  readonly limit: number;
}

/**
 * Marks up to `limit` due jobs as running for this worker and returns them, attempt already
 * incremented. Due means pending with `run_at` reached, or running with an expired lease (its
 * worker died or stalled, so the job is taken over).
 *
 * It is one statement on both databases. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets N
 * workers claim concurrently without waiting on or double-claiming each other's rows; a row
 * another worker claimed after our snapshot is re-checked against the WHERE when locked, and
 * its new lease excludes it. On SQLite a write statement takes the write lock before it reads
 * (as BEGIN IMMEDIATE does), so select and update cannot interleave with another writer; and
 * no lock is held across an `await`, which matters because better-sqlite3 waits for a busy
 * lock synchronously and would stall the event loop of a process holding the other one.
 */
export async function claimDueJobs(db: Db, dialect: DialectName, request: ClaimRequest): Promise<JobRow[]> {
  const now = request.now.toISOString();
  const due = db
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'pending'), eb('run_at', '<=', now)]),
        eb.and([eb('state', '=', 'running'), eb('lease_until', '<', now)]),
      ]),
    )
    .orderBy('run_at')
    .limit(request.limit)
    .$if(dialect === 'postgres', (qb) => qb.forUpdate().skipLocked());
  const rows = await db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'running',
      attempt: eb('attempt', '+', 1),
      lease_until: new Date(request.now.getTime() + request.leaseMs).toISOString(),
      locked_by: request.workerId,
    }))
    .where('id', 'in', due)
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.run_at.localeCompare(b.run_at));
}

/** Marks the attempt done. False when the job was re-claimed meanwhile: this result is void. */
export function completeJob(db: Db, job: JobAttempt, now: Date): Promise<boolean> {
  return settle(db, job, {
    state: 'done',
    finished_at: now.toISOString(),
    lease_until: null,
    last_error: null,
  });
}

/** Puts the job back to pending, to run again at `runAt`. */
export function retryJob(db: Db, job: JobAttempt, error: string, runAt: Date): Promise<boolean> {
  return settle(db, job, {
    state: 'pending',
    run_at: runAt.toISOString(),
    lease_until: null,
    locked_by: null,
    last_error: error,
  });
}

/** Marks the job failed for good. */
export function failJob(db: Db, job: JobAttempt, error: string, now: Date): Promise<boolean> {
  return settle(db, job, {
    state: 'failed',
    finished_at: now.toISOString(),
    lease_until: null,
    last_error: error,
  });
}

/** Extends the lease of a job still running under this attempt, so a long handler keeps it. */
export function renewLease(db: Db, job: JobAttempt, leaseUntil: Date): Promise<boolean> {
  return settle(db, job, { lease_until: leaseUntil.toISOString() });
}

type JobChange = Partial<
  Pick<JobRow, 'state' | 'run_at' | 'lease_until' | 'locked_by' | 'last_error' | 'finished_at'>
>;

// The attempt in the WHERE is the fence: once a job's lease expired and another worker
// re-claimed it (attempt + 1), the first worker's late settle matches nothing.
async function settle(db: Db, job: JobAttempt, change: JobChange): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set(change)
    .where('id', '=', job.id)
    .where('attempt', '=', job.attempt)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

const RETRY_BASE_MS = 10_000;
const RETRY_CAP_MS = 60 * 60_000;

/**
 * How long to wait before retrying after failed attempt `attempt` (1-based): 10 s doubling per
 * attempt, capped at an hour, then scaled into [50 %, 100 %] so jobs that failed together
 * (a mail server outage) do not all retry in the same instant.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

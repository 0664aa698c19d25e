import os from 'node:os';
import { uuidv7 } from 'uuidv7';
import type { DatabaseHandle } from '../db/database.ts';
import type { Logger } from '../log/logger.ts';
import {
  claimDueJobs,
  completeJob,
  failJob,
  type JobAttempt,
  type JobRow,
  renewLease,
  retryDelayMs,
  retryJob,
} from './claim.ts';

/** What a handler is given: the job as claimed for this attempt. */
export interface RunningJob {
  readonly id: string;
  readonly kind: string;
  readonly engagementId: string | null;
  /** The payload as enqueued, parsed from JSON; validate it before use. */
  readonly payload: unknown;
  /** 1 on the first run. */
  readonly attempt: number;
}

/**
 * Does the work of one job kind. Resolving marks the job done; throwing retries it with
 * backoff until its attempts run out. It may run more than once (a worker can die after the
 * work but before recording it), so it re-reads the state it acts on and is idempotent.
 */
export type JobHandler = (job: RunningJob) => Promise<void>;

export interface JobWorkerOptions {
  readonly handle: DatabaseHandle;
  /** Handlers by job kind. A claimed job of any other kind fails at once. */
  readonly handlers: Readonly<Record<string, JobHandler>>;
  readonly log: Logger;
  /** Recorded in `locked_by`; defaults to host, pid and a random suffix. */
  readonly workerId?: string;
  /** How often to look for due jobs; default 500 ms. */
  readonly pollMs?: number;
  /** How long a claim holds before another worker may take the job over; default 30 s. */
  readonly leaseMs?: number;
  /** Jobs run at once by the poller, and the batch size of `runDue`; default 10. */
  readonly concurrency?: number;
  /** False: claim only when `runDue()` is called (tests, one-shot commands). Default true. */
  readonly polling?: boolean;
  /** The clock; tests pass their own to move time. */
  readonly now?: () => Date;
}

export interface JobWorker {
  /** Stops claiming and resolves once every handler already started has settled. */
  stop(): Promise<void>;
  /** Claims and runs jobs until none is due; resolves with how many ran. */
  runDue(): Promise<number>;
}

const MAX_ERROR_LENGTH = 2000;

/** Starts a worker that claims due jobs from the `jobs` table and runs their handlers. */
export function startJobWorker(options: JobWorkerOptions): JobWorker {
  const { handle, handlers } = options;
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${uuidv7().slice(-8)}`;
  const log = options.log.child({ worker: workerId });
  const pollMs = options.pollMs ?? 500;
  const leaseMs = options.leaseMs ?? 30_000;
  const concurrency = options.concurrency ?? 10;
  const now = options.now ?? (() => new Date());

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pollFailing = false;
  const claims = new Set<Promise<unknown>>();
  const running = new Set<Promise<void>>();

  async function claimAndStart(limit: number): Promise<Promise<void>[]> {
    const claim = claimDueJobs(handle.db, handle.dialect, { workerId, now: now(), leaseMs, limit });
    claims.add(claim);
    try {
      const rows = await claim;
      return rows.map((row) => {
        const run = runOne(row);
        running.add(run);
        void run.finally(() => running.delete(run));
        return run;
      });
    } finally {
      claims.delete(claim);
    }
  }

  // Never rejects: every outcome, including a database error while settling, is logged here.
  async function runOne(row: JobRow): Promise<void> {
    const attempt: JobAttempt = { id: row.id, attempt: row.attempt };
    const jobLog = log.child({ jobId: row.id, kind: row.kind, attempt: row.attempt });
    try {
      const handler = Object.hasOwn(handlers, row.kind) ? handlers[row.kind] : undefined;
      if (!handler) {
        const error = `No handler for job kind "${row.kind}" on worker ${workerId}`;
        jobLog.error(error);
        reportStale(jobLog, await failJob(handle.db, attempt, error, now()));
        return;
      }
      if (row.attempt > row.max_attempts) {
        // Re-claimed after its lease expired on the last allowed attempt: the worker died
        // mid-run every time, so running it again would only repeat that.
        const error = `Abandoned: lease expired during attempt ${row.max_attempts} of ${row.max_attempts}`;
        jobLog.error(error);
        reportStale(jobLog, await failJob(handle.db, attempt, error, now()));
        return;
      }
      const outcome = await runHandler(handler, row, attempt);
      if (outcome.ok) {
        reportStale(jobLog, await completeJob(handle.db, attempt, now()));
      } else if (row.attempt >= row.max_attempts) {
        jobLog.error({ err: outcome.error }, 'Job failed on its last attempt');
        reportStale(jobLog, await failJob(handle.db, attempt, errorText(outcome.error), now()));
      } else {
        const runAt = new Date(now().getTime() + retryDelayMs(row.attempt));
        jobLog.warn({ err: outcome.error, retryAt: runAt.toISOString() }, 'Job failed; will retry');
        reportStale(jobLog, await retryJob(handle.db, attempt, errorText(outcome.error), runAt));
      }
    } catch (error) {
      // The database failed while settling; the lease will expire and the job run again.
      jobLog.error({ err: error }, 'Could not record the outcome of a job');
    }
  }

  async function runHandler(
    handler: JobHandler,
    row: JobRow,
    attempt: JobAttempt,
  ): Promise<{ ok: true } | { ok: false; error: unknown }> {
    // Renew the lease while the handler runs so a slow one is not taken over mid-run.
    const heartbeat = setInterval(() => {
      renewLease(handle.db, attempt, new Date(now().getTime() + leaseMs)).catch((error: unknown) =>
        log.warn({ err: error, jobId: row.id }, 'Could not renew a job lease'),
      );
    }, leaseMs / 3);
    heartbeat.unref();
    try {
      await handler({
        id: row.id,
        kind: row.kind,
        engagementId: row.engagement_id,
        payload: JSON.parse(row.payload),
        attempt: row.attempt,
      });
      return { ok: true };
    } catch (error) {
      return { ok: false, error };
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function poll(): Promise<void> {
    timer = undefined;
    const free = concurrency - running.size;
    let filled = false;
    if (free > 0) {
      try {
        filled = (await claimAndStart(free)).length === free;
        if (pollFailing) log.info('Job polling recovered');
        pollFailing = false;
      } catch (error) {
        // Log an outage once, not every poll.
        if (!pollFailing) log.error({ err: error }, 'Could not claim jobs; will keep trying');
        pollFailing = true;
      }
    }
    // A full batch suggests more are due: look again at once rather than after pollMs.
    if (!stopped) timer = setTimeout(poll, filled ? 0 : pollMs);
  }

  if (options.polling ?? true) timer = setTimeout(poll, 0);

  return {
    async runDue() {
      let ran = 0;
      while (!stopped) {
        const started = await claimAndStart(concurrency);
        if (started.length === 0) break;
        await Promise.all(started);
        ran += started.length;
      }
      return ran;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      // A claim in flight may still hand back jobs; they are ours now, so let them run.
      await Promise.allSettled([...claims]);
      await Promise.allSettled([...running]);
    },
  };
}

function reportStale(log: Logger, settled: boolean): void {
  if (!settled) {
    log.warn('Job was taken over by another worker after this lease expired; this result is discarded');
  }
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

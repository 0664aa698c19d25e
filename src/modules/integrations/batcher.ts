import type { Db, Trx } from '../../platform/db/database.ts';
import type { Logger } from '../../platform/log/logger.ts';

interface Job {
  readonly run: (trx: Trx) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

export interface IngestBatcher {
  /** Runs `work` in a transaction shared with events that arrived alongside; resolves after commit. */
  submit<T>(work: (trx: Trx) => Promise<T>): Promise<T>;
  /** Commits what is queued, then refuses new work. */
  stop(): Promise<void>;
}

export class IngestStopped extends Error {
  override readonly name = 'IngestStopped';
}

/**
 * Group commit: events that arrive within one turn of the event loop (up to `maxBatch`) are
 * applied in one transaction, and each caller hears back only after that commit, so a 202 is
 * only ever sent for a stored event. If the shared transaction fails, each event is retried in
 * its own, so one bad event (or a unique-index race with another process) never fails the rest.
 * Batches run one at a time: SQLite has one connection, and order per key is kept.
 */
export function createIngestBatcher(db: Db, log: Logger, maxBatch = 200): IngestBatcher {
  let queue: Job[] = [];
  let running: Promise<void> | null = null;
  let scheduled = false;
  let stopped = false;

  function schedule() {
    if (scheduled || running) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      running = drain().finally(() => {
        running = null;
        if (queue.length > 0) schedule();
      });
    });
  }

  async function drain() {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      await commit(batch);
    }
  }

  async function commit(batch: readonly Job[]) {
    try {
      const results = await db.transaction().execute(async (trx) => {
        const out: unknown[] = [];
        for (const job of batch) out.push(await job.run(trx));
        return out;
      });
      for (const [i, job] of batch.entries()) job.resolve(results[i]);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      log.warn({ err: error, size: batch.length }, 'ingest batch failed; applying its events one by one');
      for (const job of batch) {
        try {
          job.resolve(await db.transaction().execute((trx) => job.run(trx)));
        } catch (single) {
          job.reject(single);
        }
      }
    }
  }

  return {
    submit<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
      if (stopped) return Promise.reject(new IngestStopped('Tandem is shutting down'));
      return new Promise<T>((resolve, reject) => {
        queue.push({ run: work, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
    async stop() {
      stopped = true;
      while (running || scheduled || queue.length > 0) {
        if (running) await running;
        else await new Promise((r) => setImmediate(r));
      }
    },
  };
}

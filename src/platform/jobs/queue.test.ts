import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { cancelJobs, enqueueJob } from './queue.ts';
import { startJobWorker } from './worker.ts';

const log = pino({ level: 'silent' });
const T0 = new Date('2030-01-07T09:00:00.000Z');

describe.each(await testDatabases())('job queue on $name', (testDb) => {
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;

  beforeEach(async () => {
    const created = await testDb.create();
    drop = created.drop;
    handle = openDatabase({ database: created.database });
    await migrateToLatest(handle.db);
  });

  afterEach(async () => {
    await handle.close();
    await drop();
  });

  const jobs = () => handle.db.selectFrom('jobs').selectAll().orderBy('created_at').orderBy('id').execute();

  it('writes the job with the change that caused it, and not without', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, { kind: 'sla.warn', payload: { clockId: 'c1' }, runAt: T0 }, T0);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await jobs()).toEqual([]);

    const id = await handle.db
      .transaction()
      .execute((trx) =>
        enqueueJob(trx, { kind: 'sla.warn', engagementId: 'e1', payload: { clockId: 'c1' }, runAt: T0 }, T0),
      );
    expect(await jobs()).toMatchObject([
      { id, kind: 'sla.warn', engagement_id: 'e1', state: 'pending', attempt: 0, max_attempts: 5 },
    ]);
  });

  it('keeps one pending job per dedupe key and returns its id', async () => {
    const first = await enqueueJob(
      handle.db,
      { kind: 'sla.warn', payload: 1, runAt: T0, dedupeKey: 'k' },
      T0,
    );
    const later = new Date(T0.getTime() + 60_000);
    const second = await enqueueJob(
      handle.db,
      { kind: 'sla.warn', payload: 2, runAt: later, dedupeKey: 'k' },
      T0,
    );
    expect(second).toBe(first);
    expect(await jobs()).toMatchObject([{ id: first, payload: '1', run_at: T0.toISOString() }]);
  });

  it('lets a key be scheduled again once its job has run, including from its own handler', async () => {
    const rearmed: string[] = [];
    const worker = startJobWorker({
      handle,
      log,
      polling: false,
      now: () => T0,
      handlers: {
        'escalation.step': async (job) => {
          if (job.payload !== 1) return;
          const next = new Date(T0.getTime() + 300_000);
          rearmed.push(
            await enqueueJob(
              handle.db,
              { kind: 'escalation.step', payload: 2, runAt: next, dedupeKey: 'esc' },
              T0,
            ),
          );
        },
      },
    });
    const first = await enqueueJob(
      handle.db,
      { kind: 'escalation.step', payload: 1, runAt: T0, dedupeKey: 'esc' },
      T0,
    );
    expect(await worker.runDue()).toBe(1);
    await worker.stop();

    expect(rearmed).toHaveLength(1);
    expect(rearmed[0]).not.toBe(first);
    expect(await jobs()).toMatchObject([
      { id: first, state: 'done', dedupe_key: null },
      { id: rearmed[0], state: 'pending', dedupe_key: 'esc' },
    ]);
  });

  it('cancels pending jobs by dedupe key, or by kind within one engagement', async () => {
    const at = { runAt: T0, payload: null };
    await enqueueJob(handle.db, { ...at, kind: 'sla.warn', engagementId: 'e1', dedupeKey: 'w1' }, T0);
    await enqueueJob(handle.db, { ...at, kind: 'sla.breach', engagementId: 'e1' }, T0);
    await enqueueJob(handle.db, { ...at, kind: 'sla.breach', engagementId: 'e1' }, T0);
    await enqueueJob(handle.db, { ...at, kind: 'sla.breach', engagementId: 'e2' }, T0);

    expect(await cancelJobs(handle.db, { dedupeKey: 'w1' })).toBe(1);
    expect(await cancelJobs(handle.db, { kind: 'sla.breach', engagementId: 'e1' })).toBe(2);
    expect(await cancelJobs(handle.db, { dedupeKey: 'w1' })).toBe(0);
    expect((await jobs()).map((j) => [j.kind, j.engagement_id])).toEqual([['sla.breach', 'e2']]);
  });

  it('does not cancel a job that is already running', async () => {
    await enqueueJob(handle.db, { kind: 'notify.send', payload: null, runAt: T0, dedupeKey: 'n' }, T0);
    await handle.db.updateTable('jobs').set({ state: 'running', attempt: 1 }).execute();
    expect(await cancelJobs(handle.db, { dedupeKey: 'n' })).toBe(0);
    expect(await jobs()).toMatchObject([{ state: 'running' }]);
  });

  it('refuses a job that could never be attempted', async () => {
    await expect(
      enqueueJob(handle.db, { kind: 'x', payload: null, runAt: T0, maxAttempts: 0 }, T0),
    ).rejects.toThrow(RangeError);
  });
});

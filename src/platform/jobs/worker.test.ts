import { type Logger, pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.ts';
import type { Config } from '../config/config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { claimDueJobs } from './claim.ts';
import { enqueueJob } from './queue.ts';
import { type JobWorker, type JobWorkerOptions, startJobWorker } from './worker.ts';

const T0 = new Date('2030-01-07T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function capturedLog(): { log: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  return { log: pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) }), lines };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(await testDatabases())('job worker on $name', (testDb) => {
  let database: Config['database'];
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;
  const handles: DatabaseHandle[] = [];
  const workers: JobWorker[] = [];
  const { log, lines } = capturedLog();

  beforeEach(async () => {
    const created = await testDb.create();
    ({ database, drop } = created);
    handle = openDatabase({ database });
    handles.push(handle);
    await migrateToLatest(handle.db);
    lines.length = 0;
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await Promise.all(handles.splice(0).map((h) => h.close()));
    await drop();
  });

  function worker(options: Partial<JobWorkerOptions> & Pick<JobWorkerOptions, 'handlers'>): JobWorker {
    const started = startJobWorker({ handle, log, polling: false, now: () => T0, ...options });
    workers.push(started);
    return started;
  }

  const job = (id: string) =>
    handle.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const enqueue = (kind: string, runAt = T0, maxAttempts?: number) =>
    enqueueJob(handle.db, { kind, engagementId: 'e1', payload: { n: 1 }, runAt, maxAttempts }, T0);

  it('runs a due job once with its payload and marks it done', async () => {
    const seen: unknown[] = [];
    let clock = at(-1);
    const w = worker({ now: () => clock, handlers: { ping: async (j) => void seen.push(j) } });
    const id = await enqueue('ping');

    expect(await w.runDue()).toBe(0); // not due yet
    clock = T0;
    expect(await w.runDue()).toBe(1);
    expect(await w.runDue()).toBe(0);

    expect(seen).toEqual([{ id, kind: 'ping', engagementId: 'e1', payload: { n: 1 }, attempt: 1 }]);
    expect(await job(id)).toMatchObject({ state: 'done', attempt: 1, finished_at: T0.toISOString() });
  });

  it('retries a failing handler with growing backoff, then fails it after the last attempt', async () => {
    let clock = T0;
    let calls = 0;
    const w = worker({
      now: () => clock,
      handlers: {
        flaky: async () => {
          calls++;
          throw new Error('mail server down');
        },
      },
    });
    const id = await enqueue('flaky', T0, 3);

    for (const [attempt, [min, max]] of [
      [1, [5_000, 10_000]],
      [2, [10_000, 20_000]],
    ] as const) {
      expect(await w.runDue()).toBe(1);
      const row = await job(id);
      expect(row).toMatchObject({ state: 'pending', attempt, last_error: 'Error: mail server down' });
      const delay = Date.parse(row.run_at) - clock.getTime();
      expect(delay).toBeGreaterThanOrEqual(min);
      expect(delay).toBeLessThanOrEqual(max);
      expect(await w.runDue()).toBe(0); // waiting out the backoff
      clock = new Date(row.run_at);
    }
    expect(await w.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({ state: 'failed', attempt: 3, finished_at: clock.toISOString() });
    clock = at(24 * 3600_000);
    expect(await w.runDue()).toBe(0);
    expect(calls).toBe(3);
  });

  it('fails a job of a kind no handler knows, at once and saying so', async () => {
    const id = await enqueue('nobody.handles.this');
    expect(await worker({ handlers: {} }).runDue()).toBe(1);
    const row = await job(id);
    expect(row).toMatchObject({ state: 'failed', attempt: 1 });
    expect(row.last_error).toContain('No handler for job kind "nobody.handles.this"');
  });

  it('hands a job whose lease expired to another worker and ignores the first worker when it finishes late', async () => {
    const gate = deferred();
    const claimed = deferred();
    const runs: string[] = [];
    const stale = worker({
      workerId: 'stale',
      leaseMs: 30_000,
      handlers: {
        report: async (j) => {
          runs.push(`stale#${j.attempt}`);
          claimed.resolve();
          await gate.promise;
        },
      },
    });
    let freshClock = at(29_000);
    const fresh = worker({
      workerId: 'fresh',
      now: () => freshClock,
      handlers: { report: async (j) => void runs.push(`fresh#${j.attempt}`) },
    });
    const id = await enqueue('report');

    const staleRun = stale.runDue();
    await claimed.promise;
    expect(await fresh.runDue()).toBe(0); // lease still held
    freshClock = at(31_000);
    expect(await fresh.runDue()).toBe(1);
    const taken = await job(id);
    expect(taken).toMatchObject({ state: 'done', attempt: 2, locked_by: 'fresh' });

    gate.resolve();
    await staleRun;
    expect(await job(id)).toEqual(taken);
    expect(runs).toEqual(['stale#1', 'fresh#2']);
    expect(lines.some((l) => l.worker === 'stale' && String(l.msg).includes('taken over'))).toBe(true);
  });

  it('fails rather than reruns a job whose worker died during its last attempt', async () => {
    const id = await enqueue('report', T0, 1);
    await claimDueJobs(handle.db, handle.dialect, { workerId: 'died', now: T0, leaseMs: 30_000, limit: 1 });
    let ran = false;
    const w = worker({
      now: () => at(60_000),
      handlers: {
        report: async () => {
          ran = true;
        },
      },
    });
    expect(await w.runDue()).toBe(1);
    expect(ran).toBe(false);
    expect(await job(id)).toMatchObject({ state: 'failed', attempt: 2 });
  });

  it('stop waits for running handlers and claims nothing after', async () => {
    const gate = deferred();
    const claimed = deferred();
    const w = startJobWorker({
      handle,
      log,
      pollMs: 10,
      handlers: {
        slow: async () => {
          claimed.resolve();
          await gate.promise;
        },
      },
    });
    const first = await enqueueJob(handle.db, { kind: 'slow', payload: null, runAt: new Date() }, new Date());
    await claimed.promise;

    let stopped = false;
    const stopping = w.stop().then(() => {
      stopped = true;
    });
    await sleep(50);
    expect(stopped).toBe(false);
    gate.resolve();
    await stopping;
    expect(await job(first)).toMatchObject({ state: 'done' });

    const second = await enqueueJob(
      handle.db,
      { kind: 'slow', payload: null, runAt: new Date() },
      new Date(),
    );
    await sleep(50);
    expect(await job(second)).toMatchObject({ state: 'pending', attempt: 0 });
  });

  it('two workers on separate connections run each of 50 due jobs exactly once', async () => {
    const other = openDatabase({ database });
    handles.push(other);
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) ids.add(await enqueue('race'));
    const runs = new Map<string, string[]>();
    const handler = (name: string) => async (j: { id: string }) => {
      runs.set(j.id, [...(runs.get(j.id) ?? []), name]);
      await sleep(Math.random() * 5);
    };
    const a = worker({ handle, workerId: 'a', concurrency: 4, handlers: { race: handler('a') } });
    const b = worker({ handle: other, workerId: 'b', concurrency: 4, handlers: { race: handler('b') } });

    const counts = await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);

    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(50);
    expect(new Set(runs.keys())).toEqual(ids);
    expect([...runs.values()].filter((by) => by.length !== 1)).toEqual([]);
    const byWorker = [...runs.values()].flat();
    expect(byWorker.filter((w) => w === 'a').length).toBeGreaterThan(0);
    expect(byWorker.filter((w) => w === 'b').length).toBeGreaterThan(0);
    const states = await handle.db.selectFrom('jobs').select('state').distinct().execute();
    expect(states).toEqual([{ state: 'done' }]);
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/platform/config/config.ts';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/database.ts';
import { HOUSEKEEPING_JOB } from '../src/platform/jobs/housekeeping.ts';
import { enqueueJob } from '../src/platform/jobs/queue.ts';
import { DEMO_PASSWORD } from './app.ts';
import { testDatabases } from './databases.ts';

/**
 * Two `tandem start` processes on one PostgreSQL database, as behind a load balancer: a change
 * made through one reaches the live stream of the other, and due jobs run exactly once between them.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TANDEM = path.join(ROOT, 'bin', 'tandem.js');
const JOBS = 40;

const postgres = (await testDatabases()).find((d) => d.name === 'postgres');
if (!postgres)
  console.warn('two-processes.pg.test.ts: no PostgreSQL reachable, so the multi-process tests are skipped.');

interface Server {
  readonly process: ChildProcess;
  readonly origin: string;
  /** stdout and stderr so far, for failure messages. */
  readonly output: () => string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function tandemEnv(
  database: Config['database'],
  dataDir: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  if (database.kind !== 'postgres') throw new Error('this test runs on PostgreSQL only');
  return {
    ...process.env,
    DATABASE_URL: database.url,
    TANDEM_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    TANDEM_DEMO_PASSWORD: DEMO_PASSWORD,
    ...extra,
  };
}

/** Runs a one-shot `tandem` command to completion. */
function runCommand(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TANDEM, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`tandem ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

function startServer(env: NodeJS.ProcessEnv, port: number): Server {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [TANDEM, 'start'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', TANDEM_BASE_URL: origin },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { process: child, origin, output: () => output };
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs: number,
  detail = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${detail()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitForHealth(server: Server): Promise<void> {
  await until(
    `${server.origin}/healthz`,
    async () => {
      if (server.process.exitCode !== null)
        throw new Error(`server exited ${server.process.exitCode}:\n${server.output()}`);
      return (await fetch(`${server.origin}/healthz`)).ok;
    },
    60_000,
    server.output,
  );
}

async function stopServer(server: Server): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGTERM');
  await exited;
}

describe.skipIf(!postgres)('two Tandem processes on one PostgreSQL database', () => {
  let drop: (() => Promise<void>) | undefined;
  let database: Config['database'];
  let handle: DatabaseHandle;
  const servers: Server[] = [];

  beforeAll(async () => {
    if (!postgres) return;
    const created = await postgres.create();
    drop = created.drop;
    database = created.database;
    const env = tandemEnv(database, created.dataDir);
    await runCommand(['demo'], env);
    // Same data folder for both: they sign the audit log with the same key.
    const [port1, port2] = [await freePort(), await freePort()];
    servers.push(startServer(env, port1 ?? 0), startServer(env, port2 ?? 0));
    await Promise.all(servers.map(waitForHealth));
    handle = openDatabase({ database });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map(stopServer));
    await handle?.close();
    await drop?.();
  }, 60_000);

  it('delivers a change made through one process to a live stream on the other', async () => {
    const [first, second] = servers;
    if (!first || !second) throw new Error('servers did not start');
    const login = await fetch(`${first.origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'priya.sharma@harborline.example', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c?.startsWith('tandem_session='));
    if (!cookie) throw new Error('no session cookie');
    const engagements = (await (
      await fetch(`${first.origin}/api/v1/engagements`, { headers: { cookie } })
    ).json()) as { items: { id: string; slug: string }[] };
    const harborline = engagements.items.find((e) => e.slug === 'harborline')?.id;
    if (!harborline) throw new Error('no harborline engagement');

    // The session was made by process 1 and lives in the database, so process 2 accepts it.
    const abort = new AbortController();
    const stream = await fetch(`${second.origin}/api/v1/engagements/${harborline}/events`, {
      headers: { cookie, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body?.getReader();
    if (!reader) throw new Error('no stream body');
    let received = '';
    const decoder = new TextDecoder();
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received += decoder.decode(value, { stream: true });
      }
    })().catch(() => undefined);
    await until(
      'the stream to open',
      async () => received.includes(': connected'),
      5_000,
      () => received,
    );

    try {
      const created = await fetch(`${first.origin}/api/v1/engagements/${harborline}/teams`, {
        method: 'POST',
        headers: { cookie, origin: first.origin, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Cross-node Team', party: 'internal' }),
      });
      expect(created.status).toBe(201);
      const team = (await created.json()) as { id: string };
      const frame = await until(
        'team.created on process 2',
        async () =>
          received.split('\n\n').find((f) => f.includes('event: team.created') && f.includes(team.id)),
        5_000,
        () => received,
      );
      expect(frame).toContain(`"id":"${team.id}"`);
    } finally {
      abort.abort();
      await reading;
    }
  }, 30_000);

  it('runs each due job exactly once across both processes', async () => {
    const now = new Date();
    const ids = await handle.db.transaction().execute(async (trx) => {
      const written: string[] = [];
      for (let i = 0; i < JOBS; i++) {
        written.push(
          await enqueueJob(
            trx,
            { kind: HOUSEKEEPING_JOB, payload: { once: true }, runAt: new Date(now.getTime() - 1_000) },
            now,
          ),
        );
      }
      return written;
    });

    const jobs = await until(
      `all ${JOBS} jobs done`,
      async () => {
        const rows = await handle.db
          .selectFrom('jobs')
          .select(['id', 'state', 'attempt', 'locked_by', 'last_error'])
          .where('id', 'in', ids)
          .execute();
        return rows.length === JOBS && rows.every((r) => r.state === 'done') && rows;
      },
      30_000,
      () => servers.map((s) => s.output()).join('\n'),
    );
    expect(jobs.map((j) => j.attempt)).toEqual(ids.map(() => 1));

    const runs = await handle.db
      .selectFrom('audit_events')
      .select(['target_id'])
      .where('chain_id', '=', 'global')
      .where('action', '=', 'housekeeping.ran')
      .where('target_id', 'in', ids)
      .execute();
    const perJob = new Map<string, number>();
    for (const run of runs) perJob.set(run.target_id ?? '', (perJob.get(run.target_id ?? '') ?? 0) + 1);
    expect(Object.fromEntries(ids.map((id) => [id, perJob.get(id) ?? 0]))).toEqual(
      Object.fromEntries(ids.map((id) => [id, 1])),
    );

    const byProcess = new Map<string, number>();
    for (const job of jobs) {
      const pid = job.locked_by?.split(':')[1] ?? 'unknown';
      byProcess.set(pid, (byProcess.get(pid) ?? 0) + 1);
    }
    const pids = servers.map((s) => String(s.process.pid));
    console.log(
      `housekeeping jobs run per process: ${pids.map((pid, i) => `process ${i + 1} (pid ${pid}): ${byProcess.get(pid) ?? 0}`).join(', ')}`,
    );
    expect([...byProcess.keys()].every((pid) => pids.includes(pid))).toBe(true);
  }, 60_000);
});

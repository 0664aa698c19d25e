/**
 * Alert ingest at a fixed offered rate, and escalation timer lateness while it runs.
 *
 *   npm run bench:ingest            (BENCH_SECONDS=10 per run, BENCH_RATES=500,2000)
 *
 * Three servers take the same stream of alerts, each alone on CPU core 0 (`taskset -c 0`),
 * while the load generator (autocannon, a second process) runs on core 1:
 *   - a bare Node `http` server that parses the JSON and answers 202 (the baseline);
 *   - Tandem (`tandem start`, embedded SQLite) on `POST /v2/enqueue`, a 202 only once durable;
 *   - Debian's Prometheus Alertmanager (GOMAXPROCS=1) on `POST /api/v2/alerts`.
 * The stream: 1,000 dedup keys over 50 sources, 80 % triggers (most of them re-triggers),
 * 12 % acknowledges, 8 % resolves. Latencies are autocannon's, corrected for coordinated omission.
 *
 * Timer lateness: before each Tandem run (and once with Tandem idle, the baseline) the bench
 * writes jobs into the job table due at instants spread over the run, and afterwards reads
 * `finished_at − run_at` of each: when the worker fired it, against when it was due.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { alertmanagerInstalled, startAlertmanager } from '../test/alertmanager.ts';
import {
  freePort,
  ROOT,
  type ServerProcess,
  spawnServer,
  startTandemProcess,
  stopServer,
  waitUntilServing,
} from '../test/server-process.ts';
import { type Lateness, makeDue, prepareTandem, readyTimers, timerLateness } from './ingest-setup.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATES = (process.env.BENCH_RATES ?? '500,2000').split(',').map(Number);
const CONNECTIONS = 100;
const KEYS = 1_000;
const SOURCES = 50;
const TIMERS_PER_RUN = 200;
/** The load generator's line just before it sends; its JSON result follows. */
const STARTED = 'sending…\n';

type Target = 'pagerduty' | 'alertmanager';

interface LoadPlan {
  url: string;
  target: Target;
  /** Integration keys: a key's limit is 100,000 events a minute, so the load spreads over several. */
  routingKeys: string[];
  rate: number | null;
  seconds: number;
  seed: number;
}

interface LoadResult {
  latency: { p50: number; p99: number };
  duration: number;
  statusCodeStats?: Record<string, { count: number }>;
  errors: number;
  timeouts: number;
}

const hasTaskset = fs.existsSync('/usr/bin/taskset') && os.cpus().length >= 2;
const onCore = (core: number, command: readonly string[]) =>
  hasTaskset ? ['taskset', '-c', String(core), ...command] : [...command];

/** mulberry32: the same stream of alerts for every server. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The next alert of the mix, as the body the target takes. */
function alertStream(plan: LoadPlan): () => string {
  const random = seeded(plan.seed);
  const past = new Date(Date.now() - 60_000).toISOString();
  return () => {
    const n = Math.floor(random() * KEYS);
    const draw = random();
    const action = draw < 0.8 ? 'trigger' : draw < 0.92 ? 'acknowledge' : 'resolve';
    const key = `bench-${n}`;
    const source = `host-${n % SOURCES}.example`;
    const summary = `Disk usage high on ${source} (${key})`;
    if (plan.target === 'alertmanager') {
      // Alertmanager has no acknowledge: a re-send of the firing alert is its nearest event.
      const alert = {
        labels: { alertname: 'BenchAlert', instance: source, key, severity: 'error' },
        annotations: { summary },
        ...(action === 'resolve'
          ? { startsAt: past, endsAt: new Date(Date.now() - 1_000).toISOString() }
          : {}),
      };
      return JSON.stringify([alert]);
    }
    return JSON.stringify({
      routing_key: plan.routingKeys[n % plan.routingKeys.length],
      event_action: action,
      dedup_key: key,
      ...(action === 'trigger' ? { payload: { summary, source, severity: 'error', component: 'disk' } } : {}),
    });
  };
}

/** The load generator's side: run in its own process by `load()`. */
async function generate(plan: LoadPlan): Promise<void> {
  // Untyped package: the options and result used here are described by LoadPlan and LoadResult.
  const { default: autocannon } = (await import('autocannon' as string)) as {
    default: (options: object) => Promise<LoadResult>;
  };
  const next = alertStream(plan);
  process.stdout.write(STARTED);
  const result = await autocannon({
    url: plan.url,
    connections: CONNECTIONS,
    duration: plan.seconds,
    ...(plan.rate ? { overallRate: plan.rate } : {}),
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request: object) => ({ ...request, body: next() }),
      },
    ],
  });
  process.stdout.write(JSON.stringify(result));
}

/** Runs the load generator in its own process; `onStarted` runs as it starts sending. */
async function load(plan: LoadPlan, onStarted: () => Promise<void> = async () => {}): Promise<LoadResult> {
  const [command, ...args] = onCore(1, [
    process.execPath,
    '--import',
    'tsx',
    path.join(ROOT, 'bench', 'ingest.ts'),
    'load',
    JSON.stringify(plan),
  ]);
  const child = spawn(command ?? process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  let started: Promise<void> | undefined;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
    if (!started && stdout.includes(STARTED)) started = onStarted();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  await started;
  if (code !== 0) throw new Error(`load generator exited ${code}: ${stdout}`);
  return JSON.parse(stdout.slice(stdout.indexOf(STARTED) + STARTED.length)) as LoadResult;
}

interface Row {
  name: string;
  accepted: number;
  perSecond: number;
  p50: number;
  p99: number;
  failed: string;
}

function row(name: string, result: LoadResult): Row {
  let accepted = 0;
  const failed: string[] = [];
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    if (code.startsWith('2')) accepted += count;
    else failed.push(`${code}×${count}`);
  }
  if (result.errors) failed.push(`errors×${result.errors}`);
  if (result.timeouts) failed.push(`timeouts×${result.timeouts}`);
  return {
    name,
    accepted,
    perSecond: accepted / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: failed.join(' '),
  };
}

function print(r: Row, baseline?: Row, alertmanager?: Row): void {
  const ratio = (label: string, other?: Row) =>
    other
      ? `  ${label}: ${(r.perSecond / other.perSecond).toFixed(2)}× rate, p99 ${(r.p99 / other.p99).toFixed(1)}×`
      : '';
  console.log(
    `  ${r.name.padEnd(34)} ${r.perSecond.toFixed(0).padStart(6)} 2xx/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(5)} ms${ratio('vs bare', baseline)}${ratio('vs Alertmanager', alertmanager)}${r.failed ? `  (not 2xx: ${r.failed})` : ''}`,
  );
}

function printLateness(name: string, l: Lateness, baseline?: Lateness): void {
  const ratio = baseline && baseline.p99 > 0 ? `  p99 ${(l.p99 / baseline.p99).toFixed(2)}× idle` : '';
  console.log(
    `  ${name.padEnd(34)} ${String(l.fired).padStart(4)}/${l.armed} fired  p50 ${l.p50.toFixed(0).padStart(4)} ms  p99 ${l.p99.toFixed(0).padStart(5)} ms  max ${l.max.toFixed(0)} ms${ratio}`,
  );
}

/** The baseline server: parse, answer 202 as PagerDuty does, nothing stored. */
const BARE_SERVER = `
const http = require('node:http');
http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    let event;
    try { event = JSON.parse(body); } catch { res.writeHead(400); res.end(); return; }
    res.writeHead(202, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'success', message: 'Event processed', dedup_key: event.dedup_key ?? null }));
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-ingest-'));
  const env = { ...process.env, TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const children: ServerProcess[] = [];
  const sink = http.createServer((req, res) => req.resume().on('end', () => res.writeHead(200).end()));
  try {
    const setup = await prepareTandem(dataDir);
    console.log(
      `Alert ingest at a fixed offered rate, ${SECONDS} s a run, ${CONNECTIONS} connections (Node ${process.version}, ${os.cpus().length} cores)`,
    );
    console.log(
      hasTaskset
        ? '  each server pinned to core 0, the load generator to core 1'
        : '  (no taskset or one core: nothing pinned)',
    );

    const barePort = await freePort();
    const [bareCommand, ...bareArgs] = onCore(0, [process.execPath, '-e', BARE_SERVER]);
    const bare = spawnServer(
      bareCommand ?? '',
      bareArgs,
      { ...process.env, PORT: String(barePort) },
      barePort,
    );
    children.push(bare);
    await until200(bare);

    const tandemPort = await freePort();
    const tandem = startTandemProcess(env, tandemPort, onCore(0, []));
    children.push(tandem);
    await waitUntilServing(tandem, '/healthz');
    setup.origin = tandem.origin;

    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
    const sinkAddress = sink.address();
    const sinkPort = typeof sinkAddress === 'object' && sinkAddress ? sinkAddress.port : 0;
    const alertmanager = alertmanagerInstalled()
      ? await startAlertmanager({
          webhookUrl: `http://127.0.0.1:${sinkPort}/`,
          groupInterval: '10s',
          groupBy: ['alertname', 'instance'],
          prefix: onCore(0, []),
          env: { GOMAXPROCS: '1' },
        })
      : undefined;
    if (!alertmanager) console.log('  (prometheus-alertmanager not installed: no Alertmanager figures)');

    const plan = (url: string, target: Target, rate: number | null, seconds = SECONDS): LoadPlan => ({
      url,
      target,
      routingKeys: setup.routingKeys,
      rate,
      seconds,
      seed: 42,
    });
    const tandemUrl = `${tandem.origin}/v2/enqueue`;
    // Warm-up: JIT, SQLite page cache, the first alerts and incidents of the key set.
    await load(plan(`${bare.origin}/`, 'pagerduty', 500, 2));
    await load(plan(tandemUrl, 'pagerduty', 500, 3));
    if (alertmanager) await load(plan(`${alertmanager.origin}/api/v2/alerts`, 'alertmanager', 500, 2));

    const idleTimers = await readyTimers(setup, TIMERS_PER_RUN);
    await makeDue(setup, idleTimers, Date.now() + 1_000, SECONDS * 1_000 - 2_000);
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1_000 + 1_000));
    const idle = await timerLateness(setup, idleTimers);

    const lateness: [string, Lateness][] = [];
    for (const rate of [...RATES, null]) {
      console.log(rate ? `\noffered ${rate} events/s` : '\nclosed loop (as fast as each server answers)');
      const bareRow = row(
        'bare Node http, parse + 202',
        await load(plan(`${bare.origin}/`, 'pagerduty', rate)),
      );
      const amRow = alertmanager
        ? row(
            'Alertmanager POST /api/v2/alerts',
            await load(plan(`${alertmanager.origin}/api/v2/alerts`, 'alertmanager', rate)),
          )
        : undefined;
      const timers = rate ? await readyTimers(setup, TIMERS_PER_RUN) : [];
      // Due from 1 s after the load starts to 1 s before it ends.
      const due = () => makeDue(setup, timers, Date.now() + 1_000, SECONDS * 1_000 - 2_000);
      const tandemRow = row('Tandem POST /v2/enqueue', await load(plan(tandemUrl, 'pagerduty', rate), due));
      print(bareRow);
      if (amRow) print(amRow, bareRow);
      print(tandemRow, bareRow, amRow);
      if (rate) {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        lateness.push([`while taking ${rate} events/s`, await timerLateness(setup, timers)]);
      }
    }

    console.log(
      `\nescalation timer lateness (${setup.timerKind}, fired − due, ${TIMERS_PER_RUN} timers a run)`,
    );
    printLateness('Tandem idle (baseline)', idle);
    for (const [name, l] of lateness) printLateness(name, l, idle);
    console.log(`\n${await setup.describe()}`);
    await alertmanager?.stop();
  } finally {
    await Promise.all(children.map((c) => stopServer(c)));
    await new Promise((resolve) => sink.close(resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function until200(server: ServerProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const ok = await fetch(server.origin, { method: 'POST', body: '{}' }).then(
      (r) => r.status === 202,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`bare server did not start:\n${server.output()}`);
}

if (process.argv[2] === 'load') await generate(JSON.parse(process.argv[3] ?? '{}') as LoadPlan);
else await main();

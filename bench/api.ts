/**
 * API throughput and the cost of the login throttle, on the embedded SQLite database.
 *
 *   npm run bench
 *
 * The load generator (autocannon) runs as a second process. Every figure is printed next to
 * a baseline measured in the same run on the same server, since this machine is shared:
 *   - GET /api/v1/engagements (session lookup, fresh membership load, query) vs GET /healthz;
 *   - a login flood answered 429 by the throttle vs logins that reach argon2id.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadDemo } from '../src/cli/demo.ts';
import { createTandem } from '../src/main.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { createLogger } from '../src/platform/log/logger.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;

interface Result {
  requests: { average: number };
  latency: { p50: number; p99: number };
  statusCodeStats?: Record<string, { count: number }>;
  non2xx?: number;
}

// Asynchronous on purpose: the server under test runs in this process's event loop.
async function load(url: string, extra: string[] = []): Promise<Result> {
  const { stdout } = await promisify(execFile)(
    'node_modules/.bin/autocannon',
    ['--json', '-c', String(CONNECTIONS), '-d', String(SECONDS), ...extra, url],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as Result;
}

function line(name: string, r: Result, baseline?: Result): string {
  const ratio = baseline ? `  ${(r.requests.average / baseline.requests.average).toFixed(2)}× baseline` : '';
  // A figure for error answers would flatter the server: say so beside it.
  const failed = r.non2xx && !name.includes('flood') ? `  (${r.non2xx} answers not 2xx!)` : '';
  return `${name.padEnd(44)} ${r.requests.average.toFixed(0).padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms${ratio}${failed}`;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-'));
const config = loadConfig({ TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0' });
const tandem = await createTandem(config, { log: createLogger('silent') });
try {
  await loadDemo(tandem.services, 'tandem-demo');
  await tandem.app.listen({ port: 0, host: '127.0.0.1' });
  const address = tandem.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'sam.patel@northwind.example', password: 'tandem-demo' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

  console.log(
    `Tandem API on SQLite, ${CONNECTIONS} connections, ${SECONDS} s each (Node ${process.version}, ${os.cpus().length} cores)`,
  );
  const health = await load(`${base}/healthz`);
  console.log(line('GET /healthz (baseline)', health));
  console.log(
    line(
      'GET /api/v1/engagements (session cookie)',
      await load(`${base}/api/v1/engagements`, ['-H', `cookie=${cookie}`]),
      health,
    ),
  );

  const harborline = (
    await (await fetch(`${base}/api/v1/engagements`, { headers: { cookie } })).json()
  ).items.find((e: { slug: string }) => e.slug === 'harborline').id;
  // A page of tickets reads each ticket's SLA clocks and their calendars as well.
  console.log(
    line(
      'GET …/tickets?limit=50 (with SLA clocks)',
      await load(`${base}/api/v1/engagements/${harborline}/tickets?limit=50`, ['-H', `cookie=${cookie}`]),
      health,
    ),
  );
  console.log(
    line(
      'GET …/sla/at-risk (every open clock read)',
      await load(
        `${base}/api/v1/engagements/${harborline}/sla/at-risk?risk=breached&risk=warning&risk=on_track`,
        ['-H', `cookie=${cookie}`],
      ),
      health,
    ),
  );

  const wrong = JSON.stringify({ email: 'dana.reyes@northwind.example', password: 'not-the-password' });
  const flood = await load(`${base}/api/v1/auth/login`, [
    '-m',
    'POST',
    '-H',
    'content-type=application/json',
    '-b',
    wrong,
  ]);
  const codes = Object.entries(flood.statusCodeStats ?? {})
    .map(([code, s]) => `${code}×${s.count}`)
    .join(' ');
  console.log(line('POST /auth/login flood, throttled', flood, health), ` (${codes})`);
  const started = performance.now();
  const verifies = 20;
  const { verifyPassword, hashPassword } = await import('../src/platform/auth/password.ts');
  const stored = await hashPassword('x'.repeat(12));
  for (let i = 0; i < verifies; i++) await verifyPassword(stored, 'wrong-password');
  const perVerify = (performance.now() - started) / verifies;
  console.log(
    `argon2id verify (m=46 MiB, t=1, p=1)               ${perVerify.toFixed(1)} ms each = ${(1000 / perVerify).toFixed(0)} per second per core`,
  );
} finally {
  await tandem.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

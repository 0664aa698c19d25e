/**
 * The ticket queue at scale: 1,000,000 tickets in SQLite, read over HTTP.
 *
 *   npm run bench:tickets                 # BENCH_TICKETS=100000 for a quicker run
 *
 * Loads the demo's people and engagements through the services, then writes the tickets (and
 * their search documents, and a comment on every fourth ticket, some of them private notes)
 * straight into the database file with prepared statements in large transactions — the HTTP API
 * would take hours. It then serves the file and drives it with autocannon in a second process,
 * as a provider agent of both engagements: the first page of the queue, a filtered page, the
 * "our move" view, full-text searches and the one queue across engagements, each next to
 * GET /healthz measured in the same run (the machine is shared; only ratios travel).
 * BENCH_EXPLAIN=1 prints each query's SQLite plan.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import { loadDemo } from '../src/cli/demo.ts';
import { createTandem } from '../src/main.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { createLogger } from '../src/platform/log/logger.ts';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const BATCH = 50_000;
const PASSWORD = 'tandem-demo';
const AGENT = 'sam.patel@northwind.example';

// Word lists for titles and descriptions like the ones a service desk sees.
const THINGS = [
  'label printer',
  'printer',
  'laptop',
  'docking station',
  'monitor',
  'scanner',
  'handheld scanner',
  'core switch',
  'access point',
  'firewall',
  'VPN client',
  'Outlook',
  'Teams',
  'SharePoint site',
  'OneDrive',
  'badge reader',
  'forklift tablet',
  'desk phone',
  'mobile phone',
  'MFA token',
  'file share',
  'backup job',
  'domain controller',
  'SQL server',
  'ERP client',
  'warehouse PDA',
  'conference room display',
  'webcam',
  'headset',
  'EHR workstation',
  'lab analyser',
  'UPS',
  'router',
  'Wi-Fi',
  'shared mailbox',
  'distribution list',
  'certificate',
  'antivirus agent',
];
const PROBLEMS = [
  'will not start',
  'is offline',
  'is very slow',
  'keeps rebooting',
  'license expired',
  'shows error 0x80070005',
  'cannot connect',
  'drops every few minutes',
  'needs replacing',
  'access request',
  'password reset',
  'paper jam',
  'out of toner',
  'firmware update',
  'no sound',
  'blue screen after update',
  'sync conflict',
  'permission denied',
  'not charging',
  'flickers',
  'certificate warning',
  'high CPU',
  'disk almost full',
  'login loop',
  'frozen',
];
const PLACES = [
  'Dock 1',
  'Dock 4',
  'Warehouse B',
  'Head office',
  'Reception',
  'Finance',
  'Exam room 3',
  'Front desk',
  'Night shift',
  'Loading bay',
  'Board room',
  'Pharmacy',
  'Dispatch',
  'HR',
];
const DETAILS = [
  'Started this morning after the weekly patch window.',
  'The user already restarted it twice; no change.',
  'Affects the whole team on the second floor.',
  'Happens only on the night shift when the backup runs.',
  'Vendor says the warranty is still valid until next spring.',
  'Please check whether the policy change last week caused it.',
  'Screenshot attached in the original e-mail.',
  'Workaround: use the spare unit from the storeroom.',
  'Same issue reported last month, see the previous ticket.',
  'Urgent: blocks shipping labels for the afternoon trucks.',
];
const NOTES = [
  'Reimaged the device and restored the profile.',
  'Escalated to the vendor, case opened.',
  'Waiting for the user to confirm the fix.',
  'Replaced the cable and the port is stable now.',
  'Rolled back the driver to the previous version.',
];
const STATUSES: readonly [string, number][] = [
  ['closed', 50],
  ['resolved', 10],
  ['new', 6],
  ['triaged', 6],
  ['in_progress', 10],
  ['waiting_on_internal', 6],
  ['waiting_on_provider', 6],
  ['waiting_on_requester', 6],
];
const KINDS = ['incident', 'request', 'problem', 'change', 'info_request', 'task'];
const PRIORITIES = ['P1', 'P2', 'P3', 'P3', 'P3', 'P4', 'P4'];

// A fixed seed (mulberry32): every run loads the same tickets.
let seed = 42;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
}
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
const statusBag = STATUSES.flatMap(([status, weight]) => Array<string>(weight).fill(status));

interface Engagement {
  id: string;
  staff: string[];
  members: string[];
}

/** Writes TICKETS tickets over the engagements; returns seconds taken. */
function loadTickets(file: string, engagements: readonly Engagement[], createdBy: string): number {
  const started = performance.now();
  const raw = new SQLite(file);
  // A bulk load of generated, valid rows: no fsync per batch, no foreign-key lookups.
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  raw.pragma('foreign_keys = OFF');
  raw.pragma('cache_size = -262144');
  const ticket = raw.prepare(
    `insert into tickets (engagement_id, id, number, title, description, kind, priority, status,
       owner_party, assignee_id, requester_id, created_by, created_at, updated_at, resolved_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const comment = raw.prepare(
    `insert into ticket_comments (engagement_id, id, ticket_id, author_id, author_party, body, visibility, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const document = raw.prepare(
    `insert into ticket_search (engagement_id, ticket_id, source_id, visibility, title, body)
     values (?, ?, ?, ?, ?, ?)`,
  );
  const counter = raw.prepare(
    `insert into ticket_counters (engagement_id, last_number) values (?, ?)
     on conflict (engagement_id) do update set last_number = excluded.last_number`,
  );
  // Building indexes once from sorted data is several times faster than growing them row by row:
  // drop the secondary indexes and the FTS insert trigger now, recreate them after the load.
  const deferred = raw
    .prepare(
      `select type, name, sql from sqlite_master
       where tbl_name in ('tickets', 'ticket_comments', 'ticket_search') and sql is not null
         and (type = 'index' or name = 'ticket_search_ai')`,
    )
    .all() as { type: string; name: string; sql: string }[];
  for (const { type, name } of deferred) raw.exec(`drop ${type} ${name}`);
  const numbers = new Map(engagements.map((e) => [e.id, 0]));
  // Three years of tickets, oldest first.
  const first = Date.parse('2023-01-01T00:00:00Z');
  const span = 3 * 365 * 86_400_000;
  const batch = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const engagement = engagements[i % engagements.length]!;
      const number = numbers.get(engagement.id)! + 1;
      numbers.set(engagement.id, number);
      const id = uuidv7();
      const created = first + Math.floor((i / TICKETS) * span);
      const updated = Math.min(created + Math.floor(random() * 20 * 86_400_000), first + span);
      const status = pick(statusBag);
      const title = `${pick(THINGS)} ${pick(PROBLEMS)} – ${pick(PLACES)}`;
      const host = `Host WS-${Math.floor(random() * 9000) + 1000}.`;
      const description = `${pick(DETAILS)} ${pick(DETAILS)} ${host}`;
      const createdAt = new Date(created).toISOString();
      const updatedAt = new Date(updated).toISOString();
      ticket.run(
        engagement.id,
        id,
        number,
        title,
        description,
        pick(KINDS),
        pick(PRIORITIES),
        status,
        random() < 0.6 ? 'provider' : 'internal',
        random() < 0.15 ? null : pick(engagement.staff),
        random() < 0.3 ? null : pick(engagement.members),
        createdBy,
        createdAt,
        updatedAt,
        status === 'resolved' || status === 'closed' ? updatedAt : null,
      );
      document.run(engagement.id, id, id, 'shared', title, description);
      if (i % 4 === 0) {
        const note = pick(NOTES);
        const visibility = random() < 0.7 ? 'shared' : random() < 0.5 ? 'provider_only' : 'internal_only';
        const commentId = uuidv7();
        comment.run(engagement.id, commentId, id, createdBy, 'provider', note, visibility, updatedAt);
        document.run(engagement.id, id, commentId, visibility, '', note);
      }
    }
    for (const [engagementId, last] of numbers) counter.run(engagementId, last);
  });
  for (let from = 0; from < TICKETS; from += BATCH) {
    batch(from, Math.min(from + BATCH, TICKETS));
    process.stdout.write(`\r  loaded ${Math.min(from + BATCH, TICKETS).toLocaleString('en')} tickets`);
  }
  process.stdout.write(` in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  let step = performance.now();
  raw.exec(`insert into ticket_search_fts(ticket_search_fts) values ('rebuild')`);
  for (const { sql } of deferred) raw.exec(sql);
  console.log(`  search index and indexes built in ${((performance.now() - step) / 1000).toFixed(1)} s`);
  step = performance.now();
  // Statistics for the query planner, as `PRAGMA optimize` keeps them on a long-lived database.
  raw.exec('analyze');
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  console.log(`  analyze and checkpoint in ${((performance.now() - step) / 1000).toFixed(1)} s`);
  return (performance.now() - started) / 1000;
}

interface Result {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx?: number;
  errors?: number;
}

// Asynchronous on purpose: the server under test runs in this process's event loop.
async function load(url: string, cookie: string): Promise<Result> {
  const { stdout } = await promisify(execFile)(
    'node_modules/.bin/autocannon',
    ['--json', '-c', String(CONNECTIONS), '-d', String(SECONDS), '-H', `cookie=${cookie}`, url],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as Result;
}

function line(name: string, r: Result, baseline?: Result): string {
  const ratio = baseline ? `  ${(r.requests.average / baseline.requests.average).toFixed(3)}× baseline` : '';
  const failed = (r.non2xx ?? 0) + (r.errors ?? 0);
  return `${name.padEnd(40)} ${r.requests.average.toFixed(0).padStart(7)} req/s  p50 ${String(r.latency.p50).padStart(3)} ms  p99 ${String(r.latency.p99).padStart(4)} ms${ratio}${failed ? `  (${failed} failed!)` : ''}`;
}

/** The SQL of every ticket query the server prepares, for BENCH_EXPLAIN. */
const prepared = new Set<string>();
if (process.env.BENCH_EXPLAIN) {
  const prepare = SQLite.prototype.prepare;
  SQLite.prototype.prepare = function (this: SQLite.Database, source: string) {
    if (/^select .*from "(tickets|ticket_search_fts|hits)"/s.test(source)) prepared.add(source);
    return prepare.call(this, source);
  } as typeof prepare;
}

function explain(file: string): void {
  const raw = new SQLite(file, { readonly: true });
  for (const source of prepared) {
    console.log(`\n${source.replace(/\?(, \?){8,}/g, '?, …')}`);
    // The plan needs no values: bind nulls.
    const nulls = Array<null>(source.split('?').length - 1).fill(null);
    const plan = raw.prepare(`explain query plan ${source}`).all(...nulls) as {
      id: number;
      parent: number;
      detail: string;
    }[];
    const depth = new Map<number, number>([[0, 0]]);
    for (const step of plan) {
      depth.set(step.id, (depth.get(step.parent) ?? 0) + 1);
      console.log(`${'  '.repeat(depth.get(step.id)!)}${step.detail}`);
    }
  }
  raw.close();
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-tickets-'));
const config = loadConfig({ TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0' });
if (config.database.kind !== 'sqlite') throw new Error('the ticket benchmark runs on SQLite');
let tandem = await createTandem(config, { log: createLogger('silent') });
try {
  await loadDemo(tandem.services, PASSWORD);
  const db = tandem.handle.db;
  const members = await db
    .selectFrom('memberships')
    .innerJoin('engagements', 'engagements.id', 'memberships.engagement_id')
    .select(['memberships.engagement_id', 'memberships.user_id', 'memberships.role', 'engagements.slug'])
    .orderBy('engagements.slug')
    .orderBy('memberships.user_id')
    .execute();
  const engagements = [...new Set(members.map((m) => m.engagement_id))].map((id) => ({
    id,
    staff: members
      .filter((m) => m.engagement_id === id && !['requester', 'viewer'].includes(m.role))
      .map((m) => m.user_id),
    members: members.filter((m) => m.engagement_id === id).map((m) => m.user_id),
  }));
  const agent = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', AGENT)
    .executeTakeFirstOrThrow();
  // The server keeps its connection; the bulk load writes through its own, then the server reopens.
  await tandem.close();
  console.log(`Loading ${TICKETS.toLocaleString('en')} tickets into ${engagements.length} engagements…`);
  const seconds = loadTickets(config.database.file, engagements, agent.id);
  const size = fs.statSync(config.database.file).size / 2 ** 20;
  console.log(
    `  ${seconds.toFixed(1)} s (${Math.round(TICKETS / seconds).toLocaleString('en')} tickets/s), database ${size.toFixed(0)} MiB`,
  );

  tandem = await createTandem(config, { log: createLogger('silent') });
  await tandem.app.listen({ port: 0, host: '127.0.0.1' });
  const address = tandem.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: AGENT, password: PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const queue = `${base}/api/v1/engagements/${engagements[0]!.id}/tickets`;
  const cases: [string, string][] = [
    ['list, first page (updated_desc)', queue],
    [
      'filter: status+priority+assignee',
      `${queue}?status=in_progress&status=waiting_on_provider&priority=P1&priority=P2&assigneeId=me`,
    ],
    ['view: our_move', `${queue}?view=our_move`],
    ['search: q=printer offline', `${queue}?q=printer%20offline`],
    ['search: q=ws-4821 (rare word)', `${queue}?q=ws-4821`],
    ['search: q=toner (common word)', `${queue}?q=toner`],
    ['one queue, both engagements', `${base}/api/v1/tickets`],
    ['one queue, q=firmware update', `${base}/api/v1/tickets?q=firmware%20update`],
  ];
  for (const [name, url] of cases) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    const body = (await response.json()) as { items?: unknown[] };
    if (response.status !== 200) throw new Error(`${name}: ${response.status} ${JSON.stringify(body)}`);
    console.log(
      `  ${name}: ${body.items?.length ?? 0} items, first call ${(performance.now() - started).toFixed(0)} ms`,
    );
  }

  if (process.env.BENCH_EXPLAIN) explain(config.database.file);
  console.log(
    `\nTandem tickets on SQLite, ${TICKETS.toLocaleString('en')} tickets, ${CONNECTIONS} connections, ${SECONDS} s each (Node ${process.version}, ${os.cpus().length} cores)`,
  );
  const health = await load(`${base}/healthz`, cookie);
  console.log(line('GET /healthz (baseline)', health));
  for (const [name, url] of cases) console.log(line(name, await load(url, cookie), health));
} finally {
  await tandem.close();
  if (process.env.BENCH_KEEP) console.log(`kept ${config.database.file}`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * The ingest benchmark's Tandem: the demo's people and engagements, the integrations the load
 * and the timers use, and the escalation timers whose lateness it measures.
 */
import { sql } from 'kysely';
import { loadDemo } from '../src/cli/demo.ts';
import { createTandem } from '../src/main.ts';
import { STEP_JOB } from '../src/modules/incidents/escalator.ts';
import { type Config, loadConfig } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { HOUSEKEEPING_JOB } from '../src/platform/jobs/housekeeping.ts';
import { enqueueJob } from '../src/platform/jobs/queue.ts';
import { createLogger } from '../src/platform/log/logger.ts';

const PASSWORD = 'tandem-demo';
/** Far beyond any level delay in a run: the timers fire only when the bench re-times them. */
const POLICY_DELAY_MINUTES = 600;
/** Each takes at most 100,000 events a minute (its rate limit), so 4 take 6,666 a second. */
const INGEST_INTEGRATIONS = 4;

export interface BenchTandem {
  readonly config: Config;
  readonly engagementId: string;
  /** The routing keys of the integrations the load goes to. */
  readonly routingKeys: string[];
  /** The integration whose alerts open incidents on the timer policy; null → housekeeping jobs. */
  readonly timerRoutingKey: string | null;
  readonly timerKind: string;
  /** Where the running Tandem answers, once started. */
  origin: string;
  describe(): Promise<string>;
}

export interface Lateness {
  readonly armed: number;
  readonly fired: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** Loads the demo into `dataDir` (no tickets) and creates what the bench needs, in-process. */
export async function prepareTandem(dataDir: string): Promise<BenchTandem> {
  const config = loadConfig({ TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0' });
  const tandem = await createTandem(config, { log: createLogger('silent') });
  try {
    await loadDemo(tandem.services, PASSWORD, { tickets: false });
    const login = await tandem.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'maria.chen@northwind.example', password: PASSWORD },
    });
    const session = login.cookies.find((c) => c.name === 'tandem_session');
    const headers = { cookie: `tandem_session=${session?.value}`, origin: config.baseUrl };
    const engagementId = (
      await tandem.handle.db
        .selectFrom('engagements')
        .select('id')
        .where('slug', '=', 'harborline')
        .executeTakeFirstOrThrow()
    ).id;
    const base = `/api/v1/engagements/${engagementId}`;
    const post = async (url: string, payload: object) => {
      const response = await tandem.app.inject({ method: 'POST', url: `${base}${url}`, headers, payload });
      if (response.statusCode !== 201)
        throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`);
      return response.json();
    };
    const routingKeys: string[] = [];
    for (let i = 1; i <= INGEST_INTEGRATIONS; i++) {
      const ingest = await post('/integrations', {
        name: `Bench monitor ${i}`,
        type: 'pagerduty_v2',
        // Alerts of one host join one incident, as a grouping rule would have them in production.
        defaults: { grouping: { by: ['source'], windowMinutes: 60 } },
        ratePerMinute: 100_000,
      });
      routingKeys.push(ingest.key);
    }

    const userId = async (email: string) =>
      (
        await tandem.handle.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirstOrThrow()
      ).id;
    let timerRoutingKey: string | null = null;
    try {
      const policy = await post('/escalation-policies', {
        name: 'Bench timers',
        repeat: 0,
        levels: [
          {
            delayMinutes: POLICY_DELAY_MINUTES,
            targets: [{ type: 'user', id: await userId('lee.okafor@northwind.example') }],
          },
          {
            delayMinutes: POLICY_DELAY_MINUTES,
            targets: [{ type: 'user', id: await userId('jordan.blake@northwind.example') }],
          },
        ],
      });
      const timers = await post('/integrations', {
        name: 'Bench timers',
        type: 'pagerduty_v2',
        defaults: { escalationPolicyId: policy.id },
        ratePerMinute: 100_000,
      });
      timerRoutingKey = timers.key;
    } catch (error) {
      console.log(
        `  (no escalation policies yet, so housekeeping jobs stand in for steps: ${(error as Error).message})`,
      );
    }
    return {
      config,
      engagementId,
      routingKeys,
      timerRoutingKey,
      timerKind: timerRoutingKey ? `${STEP_JOB} jobs of real incidents` : `${HOUSEKEEPING_JOB} jobs`,
      origin: '',
      describe: async () => describeDatabase(config, engagementId),
    };
  } finally {
    await tandem.close();
  }
}

const used = new Set<string>();
let incidentsOpened = 0;

/**
 * Readies `count` timers, not yet due. With an escalation policy: opens `count` incidents through
 * the running Tandem (one alert each on the timer integration), so each starts an escalation
 * whose level-2 step job waits hours away; without one, housekeeping jobs far in the future.
 * Returns the job ids, for `makeDue`.
 */
export async function readyTimers(bench: BenchTandem, count: number): Promise<string[]> {
  const handle = openDatabase(bench.config);
  try {
    if (!bench.timerRoutingKey) {
      const now = new Date();
      const later = new Date(now.getTime() + POLICY_DELAY_MINUTES * 60_000);
      return await handle.db.transaction().execute(async (trx) => {
        const ids: string[] = [];
        for (let i = 0; i < count; i++)
          ids.push(
            await enqueueJob(trx, { kind: HOUSEKEEPING_JOB, payload: { once: true }, runAt: later }, now),
          );
        return ids;
      });
    }
    for (let i = 0; i < count; i++) {
      const n = incidentsOpened++;
      const response = await fetch(`${bench.origin}/v2/enqueue`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          routing_key: bench.timerRoutingKey,
          event_action: 'trigger',
          dedup_key: `timer-${n}`,
          payload: { summary: `Timer incident ${n}`, source: `timer-host-${n}`, severity: 'critical' },
        }),
      });
      if (response.status !== 202)
        throw new Error(`timer incident: ${response.status} ${await response.text()}`);
    }
    const deadline = Date.now() + 30_000;
    let pending: { id: string }[] = [];
    while (Date.now() < deadline) {
      pending = (
        await handle.db
          .selectFrom('jobs')
          .select('id')
          .where('kind', '=', STEP_JOB)
          .where('state', '=', 'pending')
          .where('engagement_id', '=', bench.engagementId)
          .orderBy('created_at')
          .execute()
      ).filter((j) => !used.has(j.id));
      if (pending.length >= count) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (pending.length < count) throw new Error(`only ${pending.length} of ${count} escalation steps armed`);
    const ids = pending.slice(0, count).map((j) => j.id);
    for (const id of ids) used.add(id);
    return ids;
  } finally {
    await handle.close();
  }
}

/** Moves the timers' due instants to be spread evenly over [startMs, startMs + spanMs]. */
export async function makeDue(bench: BenchTandem, ids: readonly string[], startMs: number, spanMs: number) {
  const dueAt = (i: number) => new Date(startMs + (spanMs * i) / Math.max(1, ids.length - 1));
  const handle = openDatabase(bench.config);
  try {
    await handle.db.transaction().execute(async (trx) => {
      for (const [i, id] of ids.entries())
        await trx
          .updateTable('jobs')
          .set({ run_at: dueAt(i).toISOString() })
          .where('id', '=', id)
          .execute();
    });
  } finally {
    await handle.close();
  }
}

/** How late each timer fired: `finished_at − run_at`, waiting up to 15 s for stragglers. */
export async function timerLateness(bench: BenchTandem, ids: readonly string[]): Promise<Lateness> {
  const handle = openDatabase(bench.config);
  try {
    const deadline = Date.now() + 15_000;
    let rows: { run_at: string; finished_at: string | null; state: string }[] = [];
    do {
      rows = await handle.db
        .selectFrom('jobs')
        .select(['run_at', 'finished_at', 'state'])
        .where('id', 'in', ids.length > 0 ? [...ids] : [''])
        .execute();
      if (rows.every((r) => r.state === 'done' || r.state === 'failed')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    } while (Date.now() < deadline);
    const late = rows
      .filter((r) => r.finished_at)
      .map((r) => Date.parse(r.finished_at ?? '') - Date.parse(r.run_at))
      .sort((a, b) => a - b);
    const at = (q: number) => late[Math.min(late.length - 1, Math.ceil(q * late.length) - 1)] ?? Number.NaN;
    return {
      armed: ids.length,
      fired: late.length,
      p50: at(0.5),
      p99: at(0.99),
      max: late.at(-1) ?? Number.NaN,
    };
  } finally {
    await handle.close();
  }
}

async function describeDatabase(config: Config, engagementId: string): Promise<string> {
  const handle = openDatabase(config);
  try {
    const count = async (table: string) =>
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*) as n from ${sql.table(table)} where engagement_id = ${engagementId}`.execute(
            handle.db,
          )
        ).rows[0]?.n ?? 0,
      );
    const tickets = await sql<{
      n: number;
    }>`select count(*) as n from tickets where engagement_id = ${engagementId} and kind = 'incident'`.execute(
      handle.db,
    );
    const parts = [`incidents ${Number(tickets.rows[0]?.n ?? 0)}`];
    for (const table of ['alerts', 'alert_events']) {
      parts.push(`${table} ${await count(table).catch(() => Number.NaN)}`);
    }
    return `stored at the end: ${parts.join(', ')}`;
  } finally {
    await handle.close();
  }
}

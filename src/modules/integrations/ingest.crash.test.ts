import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../test/app.ts';
import {
  freePort,
  runTandemCommand,
  type ServerProcess,
  startTandemProcess,
  stopServer,
  waitUntilServing,
} from '../../../test/server-process.ts';

/**
 * An acknowledged event survives `kill -9`: PagerDuty events go to a real `tandem start` process
 * at a fixed rate from several senders while the process is killed at random moments and
 * restarted; afterwards every dedup key answered 202 is stored as exactly one alert.
 *
 * The kill moments come from a seeded generator; the seed is printed, and
 * TANDEM_CRASH_SEED=<seed> replays the same schedule.
 */

const RATE_PER_SECOND = 200;
const SENDERS = 4;
const KILLS = 5;
/** How long the server takes events before each kill, once it serves again. */
const UP_MIN_MS = 800;
const UP_MAX_MS = 2_500;
const SEED = Number(process.env.TANDEM_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: a small seeded generator, so a failing schedule can be replayed. */
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

interface Tally {
  sent: Set<string>;
  accepted: Set<string>;
  /** Answered, but not 202 (e.g. 503 while stopping): status → count. */
  otherStatus: Map<number, number>;
  /** No answer: refused, reset or timed out. */
  unanswered: Set<string>;
}

describe('PagerDuty ingest across kill -9', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-crash-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TANDEM_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    TANDEM_DEMO_PASSWORD: DEMO_PASSWORD,
  };
  let port = 0;
  let server: ServerProcess | undefined;
  let origin = '';
  let cookie = '';
  let base = '';
  let routingKey = '';
  let integrationId = '';

  const start = async () => {
    server = startTandemProcess(env, port);
    origin = server.origin;
    await waitUntilServing(server, '/healthz', 60_000);
  };

  const login = async () => {
    const response = await fetch(`${origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'maria.chen@northwind.example', password: DEMO_PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
    cookie =
      response.headers
        .getSetCookie()
        .map((c) => c.split(';')[0] ?? '')
        .find((c) => c.startsWith('tandem_session=')) ?? '';
  };
  const api = (url: string, init: RequestInit = {}) =>
    fetch(`${origin}${url}`, {
      ...init,
      headers: { cookie, origin, 'content-type': 'application/json', ...init.headers },
    });

  beforeAll(async () => {
    await runTandemCommand(['demo'], env);
    port = await freePort();
    await start();
    await login();
    const engagements = (await (await api('/api/v1/engagements')).json()) as {
      items: { id: string; slug: string }[];
    };
    base = `/api/v1/engagements/${engagements.items.find((e) => e.slug === 'harborline')?.id}`;
    const created = await api(`${base}/integrations`, {
      method: 'POST',
      body: JSON.stringify({
        name: 'Crash test monitor',
        type: 'pagerduty_v2',
        // Every alert joins one incident, so the test measures ingest, not thousands of incidents.
        defaults: { grouping: { by: ['source'], windowMinutes: 60 } },
        ratePerMinute: 60_000,
      }),
    });
    if (created.status !== 201) throw new Error(`integration: ${created.status} ${await created.text()}`);
    const integration = (await created.json()) as { id: string; key: string };
    routingKey = integration.key;
    integrationId = integration.id;
  }, 180_000);

  afterAll(async () => {
    if (server) await stopServer(server, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  /** One sender: events at `ratePerSecond`, on schedule whether or not earlier ones were answered. */
  function sender(id: number, ratePerSecond: number, tally: Tally, stop: AbortSignal): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    const startedAt = performance.now();
    let n = 0;
    return new Promise((resolve) => {
      const tick = () => {
        if (stop.aborted) {
          void Promise.allSettled(inFlight).then(() => resolve());
          return;
        }
        const dedupKey = `crash-${id}-${n++}`;
        tally.sent.add(dedupKey);
        const request = fetch(`${origin}/v2/enqueue`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            routing_key: routingKey,
            event_action: 'trigger',
            dedup_key: dedupKey,
            payload: { summary: `Crash test event ${dedupKey}`, source: 'crash-test', severity: 'error' },
          }),
          signal: AbortSignal.timeout(10_000),
        })
          .then(async (response) => {
            const body = (await response.json().catch(() => ({}))) as { dedup_key?: string };
            if (response.status === 202 && body.dedup_key === dedupKey) tally.accepted.add(dedupKey);
            else tally.otherStatus.set(response.status, (tally.otherStatus.get(response.status) ?? 0) + 1);
          })
          .catch(() => {
            tally.unanswered.add(dedupKey);
          })
          .finally(() => inFlight.delete(request));
        inFlight.add(request);
        const next = startedAt + (n * 1000) / ratePerSecond;
        setTimeout(tick, Math.max(0, next - performance.now()));
      };
      tick();
    });
  }

  async function storedAlerts(): Promise<Map<string, number>> {
    const perKey = new Map<string, number>();
    let cursor: string | null = null;
    do {
      const query: string = `integrationId=${integrationId}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await api(`${base}/alerts?${query}`);
      if (response.status !== 200) throw new Error(`alerts: ${response.status} ${await response.text()}`);
      const page = (await response.json()) as { items: { dedupKey: string }[]; nextCursor: string | null };
      for (const alert of page.items) perKey.set(alert.dedupKey, (perKey.get(alert.dedupKey) ?? 0) + 1);
      cursor = page.nextCursor;
    } while (cursor);
    return perKey;
  }

  it('stores every event it answered 202 exactly once', async () => {
    const random = seeded(SEED);
    const tally: Tally = {
      sent: new Set(),
      accepted: new Set(),
      otherStatus: new Map(),
      unanswered: new Set(),
    };
    const stop = new AbortController();
    const t0 = performance.now();
    const log: string[] = [`seed ${SEED} (TANDEM_CRASH_SEED=${SEED} replays it)`];
    const senders = Array.from({ length: SENDERS }, (_, i) =>
      sender(i, RATE_PER_SECOND / SENDERS, tally, stop.signal),
    );
    try {
      for (let kill = 1; kill <= KILLS; kill++) {
        const upMs = UP_MIN_MS + Math.floor(random() * (UP_MAX_MS - UP_MIN_MS));
        await new Promise((resolve) => setTimeout(resolve, upMs));
        const current = server;
        if (!current) throw new Error('no server');
        current.process.kill('SIGKILL');
        await current.exited();
        const restartedAt = performance.now();
        log.push(
          `kill ${kill} at ${((performance.now() - t0) / 1000).toFixed(2)} s after ${upMs} ms up; ${tally.accepted.size} answered 202 so far`,
        );
        await start();
        log.push(`  back up in ${((performance.now() - restartedAt) / 1000).toFixed(1)} s`);
        if (process.env.TANDEM_CRASH_DEBUG) console.error(log.slice(-2).join('\n'));
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    } finally {
      stop.abort();
      await Promise.all(senders);
    }
    const sendingSeconds = (performance.now() - t0) / 1000;

    // Read back through a freshly started server, as an operator would after the last crash.
    await login();
    const stored = await storedAlerts();
    const lost = [...tally.accepted].filter((key) => !stored.has(key));
    const duplicated = [...stored].filter(([, count]) => count > 1).map(([key]) => key);
    const strangers = [...stored.keys()].filter((key) => !tally.sent.has(key));
    const storedUnanswered = [...tally.sent].filter((key) => !tally.accepted.has(key) && stored.has(key));
    const others = [...tally.otherStatus].map(([status, count]) => `${status}×${count}`).join(' ') || 'none';
    console.log(
      [
        'PagerDuty ingest across kill -9:',
        ...log.map((l) => `  ${l}`),
        `  ${tally.sent.size} events sent in ${sendingSeconds.toFixed(1)} s (${RATE_PER_SECOND}/s offered by ${SENDERS} senders)`,
        `  ${tally.accepted.size} answered 202; ${tally.unanswered.size} not answered (refused, reset); other answers: ${others}`,
        `  ${stored.size} stored as alerts: ${tally.accepted.size - lost.length} of the 202s, ${storedUnanswered.length} never answered`,
        `  lost 202s: ${lost.length}; keys stored more than once: ${duplicated.length}`,
      ].join('\n'),
    );

    expect(lost, 'answered 202 but not stored').toEqual([]);
    expect(duplicated, 'stored more than once').toEqual([]);
    expect(strangers).toEqual([]);
    // The run must have exercised the path: events accepted between every pair of kills.
    expect(tally.accepted.size).toBeGreaterThan(KILLS * 50);
  }, 300_000); // a restart takes ~3 s on a quiet machine, 20 s on a busy one
});

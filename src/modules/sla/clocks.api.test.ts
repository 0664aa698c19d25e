import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { startJobWorker } from '../../platform/jobs/worker.ts';
import { createLogger } from '../../platform/log/logger.ts';
import type { SlaClock } from './clock-schema.ts';

// The demo's Harborline engagement: "Standard" policy, the provider's 24×7 calendar and
// Harborline business hours (America/Chicago, Mon–Fri 08–12 and 13–17). In late November
// Chicago is on CST, UTC−6, so 09:00 local is 15:00Z.
const at = (iso: string) => new Date(iso);

describe.each(await testDatabases())('SLA clocks on $name', (database) => {
  let t: TestTandem;
  let now = at('2026-11-24T15:00:00Z'); // Tuesday 09:00 in Chicago
  let sam: Client; // provider agent
  let tom: Client; // internal agent
  let base: string;

  beforeAll(async () => {
    t = await startTestTandem(database, { now: () => now });
    sam = await t.as('sam.patel@northwind.example');
    tom = await t.as('tom.eriksen@harborline.example');
    base = `/api/v1/engagements/${t.engagements.harborline}`;
  });
  afterAll(() => t.close());

  const clockOf = async (ticketId: string, party: string, kind: string): Promise<SlaClock> => {
    const ticket = (await sam.get(`${base}/tickets/${ticketId}`)).json();
    const clock = ticket.slaClocks.find((c: SlaClock) => c.party === party && c.kind === kind);
    if (!clock) throw new Error(`no ${party} ${kind} clock on ${JSON.stringify(ticket.slaClocks)}`);
    return clock;
  };
  const runTimers = () =>
    startJobWorker({
      handle: t.tandem.handle,
      handlers: t.tandem.services.slaClocks.timerHandlers,
      log: createLogger('silent'),
      now: () => now,
      polling: false,
    });

  it("pauses the provider's clock while the ticket waits on internal, and runs theirs", async () => {
    now = at('2026-11-24T15:00:00Z');
    const ticket = (
      await sam.post(`${base}/tickets`, { title: 'Label printer queue stuck', priority: 'P2' })
    ).json();
    expect((await clockOf(ticket.id, 'provider', 'resolution')).state).toBe('running');

    now = at('2026-11-24T15:10:00Z'); // 09:10 local
    const asked = await sam.post(`${base}/info-requests`, {
      ticketId: ticket.id,
      question: 'Which depot is it?',
    });
    expect(asked.statusCode).toBe(201);
    expect((await sam.get(`${base}/tickets/${ticket.id}`)).json().status).toBe('waiting_on_internal');

    now = at('2026-11-24T16:40:00Z'); // 10:40 local
    const resolution = await clockOf(ticket.id, 'provider', 'resolution');
    expect(resolution).toMatchObject({ state: 'paused', running: false, elapsedMinutes: 10, dueAt: null });
    expect(await clockOf(ticket.id, 'provider', 'first_response')).toMatchObject({
      state: 'met',
      elapsedMinutes: 10,
    });
    // P2 answer target: 120 business minutes from 09:10 local → 11:10 local = 17:10Z.
    expect(await clockOf(ticket.id, 'internal', 'info_request_response')).toMatchObject({
      state: 'running',
      elapsedMinutes: 90,
      targetMinutes: 120,
      dueAt: '2026-11-24T17:10:00.000Z',
    });

    now = at('2026-11-24T17:30:00Z');
    const worker = runTimers();
    await worker.runDue();
    await worker.stop();
    const breached = await clockOf(ticket.id, 'internal', 'info_request_response');
    expect(breached).toMatchObject({
      state: 'breached',
      running: true,
      breachedAt: '2026-11-24T17:10:00.000Z',
    });

    now = at('2026-11-24T19:30:00Z'); // 13:30 local, after the lunch hour
    const answered = await tom.post(`${base}/info-requests/${asked.json().id}/answer`, { answer: 'Joliet.' });
    expect(answered.statusCode).toBe(200);
    // 09:10–12:00 is 170 business minutes, 12:00–13:00 is lunch, 13:00–13:30 is 30 more.
    expect(await clockOf(ticket.id, 'internal', 'info_request_response')).toMatchObject({
      state: 'breached',
      running: false,
      elapsedMinutes: 200,
    });

    now = at('2026-11-24T20:00:00Z');
    // 10 minutes before the question and 30 since the answer; 470 left on 24×7 from 19:30Z.
    expect(await clockOf(ticket.id, 'provider', 'resolution')).toMatchObject({
      state: 'running',
      elapsedMinutes: 40,
      dueAt: '2026-11-25T03:20:00.000Z',
    });
    const sla = (await sam.get(`${base}/tickets/${ticket.id}/sla`)).json();
    const ledger = sla.clocks.find((c: SlaClock) => c.party === 'provider' && c.kind === 'resolution').ledger;
    expect(ledger.map((e: { event: string }) => e.event)).toEqual(['started', 'paused', 'resumed']);
    expect(ledger[1].reason).toMatch(/^waiting on internal: info request LOGI-\d+: “Which depot is it\?”$/);
  });

  it('re-targets from the time already used when the priority changes', async () => {
    now = at('2026-11-24T15:00:00Z');
    const ticket = (
      await sam.post(`${base}/tickets`, { title: 'Slow VPN for one user', priority: 'P3' })
    ).json();
    // P3 first response: 240 business minutes on Harborline hours.
    expect(await clockOf(ticket.id, 'provider', 'first_response')).toMatchObject({ targetMinutes: 240 });
    now = at('2026-11-24T15:30:00Z');
    await tom.patch(`${base}/tickets/${ticket.id}`, { priority: 'P2' });
    // P2: 60 minutes on 24×7; 30 already used, so due 30 minutes from the change.
    expect(await clockOf(ticket.id, 'provider', 'first_response')).toMatchObject({
      targetMinutes: 60,
      elapsedMinutes: 30,
      dueAt: '2026-11-24T16:00:00.000Z',
    });
    const sla = (await sam.get(`${base}/tickets/${ticket.id}/sla`)).json();
    const ledger = sla.clocks.find((c: SlaClock) => c.kind === 'first_response').ledger;
    expect(ledger.map((e: { event: string }) => e.event)).toEqual(['started', 'retargeted']);
  });

  it('fires a breach from its timer after the server restarted', async () => {
    now = at('2026-11-24T15:00:00Z');
    const ticket = (await sam.post(`${base}/tickets`, { title: 'Core switch down', priority: 'P1' })).json();
    // P1 first response: 15 minutes on 24×7; the warning at 75 % is 11¼ minutes in.
    await t.restart({ now: () => now });
    sam = await t.as('sam.patel@northwind.example');
    now = at('2026-11-24T15:20:00Z');
    const worker = runTimers();
    expect(await worker.runDue()).toBeGreaterThanOrEqual(2);
    await worker.stop();
    expect(await clockOf(ticket.id, 'provider', 'first_response')).toMatchObject({
      state: 'breached',
      breachedAt: '2026-11-24T15:15:00.000Z',
    });
    const activity = (await sam.get(`${base}/tickets/${ticket.id}/activity`)).json().items;
    const events = activity
      .filter(
        (a: { kind: string; data: { kind: string } }) => a.kind === 'sla' && a.data.kind === 'first_response',
      )
      .map((a: { data: { event: string } }) => a.data.event);
    expect(events).toEqual(expect.arrayContaining(['started', 'warned', 'breached']));
  });

  it('lists the clocks at risk for a party, breached first', async () => {
    const risky = (await tom.get(`${base}/sla/at-risk?party=provider`)).json().items;
    expect(risky.length).toBeGreaterThan(0);
    expect(risky.every((i: { clock: SlaClock & { risk: string } }) => i.clock.party === 'provider')).toBe(
      true,
    );
    expect(risky[0].clock.risk).toBe('breached');
    expect(
      (await t.as('nina.kowalski@harborline.example').then((c) => c.get(`${base}/sla/at-risk`))).statusCode,
    ).toBe(403);
  });
});

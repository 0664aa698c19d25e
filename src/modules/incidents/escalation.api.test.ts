import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { escalationWorld, type IncidentView, openIncident, runDueSteps } from './incidents.fixture.ts';

// A Tuesday morning in December, clear of the demo's time off and rotations around "today".
const at = (iso: string) => new Date(iso);

describe.each(await testDatabases())('escalations on $name', (database) => {
  let t: TestTandem;
  let now = at('2026-12-08T02:00:00Z');
  let admin: Client;
  let sam: Client;
  let world: Awaited<ReturnType<typeof escalationWorld>>;

  beforeAll(async () => {
    t = await startTestTandem(database, { now: () => now });
    admin = await t.as('admin@northwind.example');
    sam = await t.as('sam.patel@northwind.example');
    world = await escalationWorld(t, admin, 'Esc');
  });
  afterAll(() => t.close());

  const incidentOf = async (ticketId: string): Promise<IncidentView> => {
    const response = await sam.get(`${world.base}/tickets/${ticketId}/incident`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const runSteps = () => runDueSteps(t, () => now);

  it('falls through a level with nobody on call to the next, and flags the gap', async () => {
    now = at('2026-12-08T02:00:00Z');
    const policyId = await world.policy('gap', [
      { delayMinutes: 10, targets: [{ type: 'schedule', id: world.emptyRota }] },
      { delayMinutes: 10, targets: [{ type: 'schedule', id: world.samRota }] },
    ]);
    const { incidentId } = await openIncident(t, now, { policyId });
    const incident = await incidentOf(incidentId);
    expect(incident.escalation).toMatchObject({
      state: 'running',
      level: 2,
      nextAt: '2026-12-08T02:10:00.000Z',
    });
    expect(incident.escalation.pages.map((p) => [p.userId, p.level])).toEqual([[world.ids.sam, 2]]);
    expect(incident.escalation.gaps).toEqual([
      expect.objectContaining({
        level: 1,
        target: expect.objectContaining({ name: 'Esc weekend' }),
        reason: 'nobody on call',
      }),
    ]);
    const timeline = (await sam.get(`${world.base}/tickets/${incidentId}/activity`)).json().items;
    const kinds = timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['escalation_started', 'coverage_gap', 'paged']));
    const ticket = (await sam.get(`${world.base}/tickets/${incidentId}`)).json();
    expect(ticket).toMatchObject({ kind: 'incident', alertCount: 0, escalation: { policyId, level: 2 } });
  });

  it('stops paging once acknowledged by API, and ends on resolve', async () => {
    now = at('2026-12-08T03:00:00Z');
    const policyId = await world.policy('ack', [
      { delayMinutes: 5, targets: [{ type: 'user', id: world.ids.sam }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: world.ids.lee }] },
    ]);
    const { incidentId } = await openIncident(t, now, { policyId });
    now = at('2026-12-08T03:01:00Z');
    const acked = await sam.post(`${world.base}/tickets/${incidentId}/acknowledge`);
    expect(acked.statusCode, acked.body).toBe(200);
    expect(acked.json()).toMatchObject({ status: 'in_progress', escalation: { level: 1, nextAt: null } });
    expect((await sam.post(`${world.base}/tickets/${incidentId}/acknowledge`)).statusCode).toBe(200);
    now = at('2026-12-08T03:30:00Z');
    await runSteps();
    const stopped = await incidentOf(incidentId);
    expect(stopped.escalation.state).toBe('acknowledged');
    expect(stopped.escalation.pages).toHaveLength(1);
    expect(stopped.escalation.pages[0]?.acknowledgedAt).toBe('2026-12-08T03:01:00.000Z');
    const timeline = (await sam.get(`${world.base}/tickets/${incidentId}/activity`)).json().items;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'acknowledged')).toHaveLength(1);

    const resolved = await sam.post(`${world.base}/tickets/${incidentId}/resolve`);
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json().status).toBe('resolved');
    expect((await incidentOf(incidentId)).escalation.state).toBe('ended');
    expect((await sam.post(`${world.base}/tickets/${incidentId}/acknowledge`)).statusCode).toBe(409);
  });

  it('resolving by API ends an escalation nobody acknowledged: no page after its delay', async () => {
    now = at('2026-12-08T04:00:00Z');
    const policyId = await world.policy('resolve', [
      { delayMinutes: 5, targets: [{ type: 'user', id: world.ids.sam }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: world.ids.lee }] },
    ]);
    const { incidentId } = await openIncident(t, now, { policyId });
    expect((await sam.post(`${world.base}/tickets/${incidentId}/resolve`)).statusCode).toBe(200);
    now = at('2026-12-08T04:30:00Z');
    await runSteps();
    const ended = await incidentOf(incidentId);
    expect(ended.escalation).toMatchObject({ state: 'ended', nextAt: null });
    expect(ended.escalation.pages).toHaveLength(1);
  });

  it('pages the next level after its delay, repeats, and is exhausted but still flagged', async () => {
    now = at('2026-12-08T05:00:00Z');
    const policyId = await world.policy(
      'repeat',
      [
        { delayMinutes: 5, targets: [{ type: 'user', id: world.ids.sam }] },
        { delayMinutes: 5, targets: [{ type: 'user', id: world.ids.lee }] },
      ],
      1,
    );
    const { incidentId } = await openIncident(t, now, { policyId });
    for (const minute of ['05', '10', '15', '20']) {
      now = at(`2026-12-08T05:${minute}:00Z`);
      await runSteps();
    }
    const done = await incidentOf(incidentId);
    expect(done.escalation.pages.map((p) => [p.level, p.round])).toEqual([
      [1, 0],
      [2, 0],
      [1, 1],
      [2, 1],
    ]);
    expect(done.escalation).toMatchObject({ state: 'exhausted', nextAt: null });
  });

  it('keeps an incident’s snapshot when its policy is edited in flight', async () => {
    now = at('2026-12-08T06:00:00Z');
    const policyId = await world.policy('edited', [
      { delayMinutes: 5, targets: [{ type: 'user', id: world.ids.sam }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: world.ids.lee }] },
    ]);
    const { incidentId } = await openIncident(t, now, { policyId });
    const edited = await admin.put(`${world.base}/escalation-policies/${policyId}`, {
      name: 'Esc edited',
      repeat: 0,
      levels: [
        { delayMinutes: 60, targets: [{ type: 'user', id: world.ids.jordan }] },
        { delayMinutes: 60, targets: [{ type: 'user', id: world.ids.jordan }] },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    now = at('2026-12-08T06:05:00Z');
    await runSteps();
    const incident = await incidentOf(incidentId);
    expect(incident.escalation.pages.map((p) => p.userId)).toEqual([world.ids.sam, world.ids.lee]);
  });

  it('fires a level once after a restart, and once with two workers', async () => {
    now = at('2026-12-08T07:00:00Z');
    const policyId = await world.policy('restart', [
      { delayMinutes: 5, targets: [{ type: 'user', id: world.ids.sam }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: world.ids.lee }] },
    ]);
    const { incidentId } = await openIncident(t, now, { policyId });
    await t.restart();
    now = at('2026-12-08T07:06:00Z');
    await Promise.all([runDueSteps(t, () => now, 'one'), runDueSteps(t, () => now, 'two')]);
    await runSteps();
    const incident = await incidentOf(incidentId);
    expect(incident.escalation.pages.map((p) => p.level)).toEqual([1, 2]);
  });

  it('shows the gaps real pages ran into on the coverage map', async () => {
    const priya = await t.as('priya.sharma@harborline.example');
    // Coverage reads the matrix in effect: both parties' managers sign the starting draft.
    const catalogue = (await priya.get(`${world.base}/matrix`)).json().matrix;
    await admin.put(`${world.base}/matrix`, { ...catalogue, scenarios: catalogue.scenarios.slice(0, 4) });
    for (const signer of [priya, admin]) {
      const hash = (await signer.get(`${world.base}/matrix`)).json().contentHash;
      const signed = await signer.post(`${world.base}/matrix/sign`, { contentHash: hash });
      expect(signed.statusCode, signed.body).toBe(200);
    }
    const coverage = await sam.get(
      `${world.base}/coverage?from=2026-12-08T00:00:00Z&to=2026-12-09T00:00:00Z`,
    );
    expect(coverage.statusCode, coverage.body).toBe(200);
    expect(coverage.json().pageGaps).toEqual([
      expect.objectContaining({
        at: '2026-12-08T02:00:00.000Z',
        level: 1,
        track: 'operations',
        target: expect.objectContaining({ type: 'schedule', name: 'Esc weekend' }),
        reason: 'nobody on call',
      }),
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { escalationWorld, runDueSteps } from './incidents.fixture.ts';

const at = (iso: string) => new Date(iso);

describe.each(await testDatabases())('escalation drills on $name', (database) => {
  let t: TestTandem;
  let now = at('2026-12-10T20:00:00Z');
  let maria: Client;
  let sam: Client;
  let lee: Client;
  let world: Awaited<ReturnType<typeof escalationWorld>>;
  let policyId: string;

  beforeAll(async () => {
    t = await startTestTandem(database, { now: () => now });
    const admin = await t.as('admin@northwind.example');
    maria = await t.as('maria.chen@northwind.example');
    sam = await t.as('sam.patel@northwind.example');
    lee = await t.as('lee.okafor@northwind.example');
    world = await escalationWorld(t, admin, 'Drill');
    policyId = await world.policy('path', [
      { delayMinutes: 10, targets: [{ type: 'schedule', id: world.samRota }] },
      { delayMinutes: 10, targets: [{ type: 'user', id: world.ids.lee }] },
    ]);
  });
  afterAll(() => t.close());

  const incidents = async () =>
    (await maria.get(`${world.base}/tickets?kind=incident`)).json().items.length as number;

  it('walks two levels, recording who acknowledged and when and the level nobody answered, with no incident', async () => {
    const before = await incidents();
    now = at('2026-12-10T20:00:00Z');
    const started = await maria.post(`${world.base}/escalation-policies/${policyId}/drills`);
    expect(started.statusCode, started.body).toBe(201);
    const drill = started.json();
    expect(drill).toMatchObject({
      state: 'running',
      level: 1,
      policyName: 'Drill path',
      nextAt: '2026-12-10T20:10:00.000Z',
    });
    expect(drill.levels[0].pages.map((p: { userId: string }) => p.userId)).toEqual([world.ids.sam]);

    now = at('2026-12-10T20:03:00Z');
    const acked = await sam.post(`${world.base}/drills/${drill.id}/acknowledge`);
    expect(acked.statusCode, acked.body).toBe(200);
    // Acknowledged: the drill moves on to level 2 at once.
    expect(acked.json()).toMatchObject({ level: 2, nextAt: '2026-12-10T20:13:00.000Z' });
    expect(acked.json().levels[0]).toMatchObject({
      missed: false,
      pages: [
        {
          userId: world.ids.sam,
          userName: 'Sam Patel',
          party: 'provider',
          acknowledgedAt: '2026-12-10T20:03:00.000Z',
        },
      ],
    });

    now = at('2026-12-10T20:14:00Z');
    await runDueSteps(t, () => now);
    const done = (await maria.get(`${world.base}/drills/${drill.id}`)).json();
    expect(done).toMatchObject({ state: 'completed', endedAt: '2026-12-10T20:14:00.000Z', nextAt: null });
    expect(done.levels[1]).toMatchObject({
      missed: true,
      pages: [{ userId: world.ids.lee, acknowledgedAt: null, pagedAt: '2026-12-10T20:03:00.000Z' }],
    });
    expect(await incidents()).toBe(before);
    const listed = (await maria.get(`${world.base}/drills`)).json().items;
    expect(listed.map((d: { id: string }) => d.id)).toContain(drill.id);
  });

  it('completes when the last level acknowledges, and refuses one who was not paged', async () => {
    now = at('2026-12-10T21:00:00Z');
    const drill = (await maria.post(`${world.base}/escalation-policies/${policyId}/drills`)).json();
    expect((await lee.post(`${world.base}/drills/${drill.id}/acknowledge`)).statusCode).toBe(409);
    await sam.post(`${world.base}/drills/${drill.id}/acknowledge`);
    now = at('2026-12-10T21:01:00Z');
    const done = await lee.post(`${world.base}/drills/${drill.id}/acknowledge`);
    expect(done.json()).toMatchObject({ state: 'completed', endedAt: '2026-12-10T21:01:00.000Z' });
    expect(done.json().levels.map((l: { missed: boolean }) => l.missed)).toEqual([false, false]);
  });

  it('is run by managers only', async () => {
    expect((await sam.post(`${world.base}/escalation-policies/${policyId}/drills`)).statusCode).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { escalationWorld, openIncident } from './incidents.fixture.ts';

// Tuesday 02:00 in Chicago: after Harborline's business hours.
const NIGHT = new Date('2026-12-08T08:00:00Z');

describe.each(await testDatabases())('routing an incident through the matrix on $name', (database) => {
  let t: TestTandem;
  let sam: Client;
  let world: Awaited<ReturnType<typeof escalationWorld>>;

  beforeAll(async () => {
    t = await startTestTandem(database, { now: () => NIGHT });
    const admin = await t.as('admin@northwind.example');
    const priya = await t.as('priya.sharma@harborline.example');
    const maria = await t.as('maria.chen@northwind.example');
    sam = await t.as('sam.patel@northwind.example');
    world = await escalationWorld(t, admin, 'Route');
    await world.policy('night', [
      { delayMinutes: 10, targets: [{ type: 'schedule', id: world.samRota }] },
      { delayMinutes: 10, targets: [{ type: 'user', id: world.ids.lee }] },
    ]);
    const calendars = (await priya.get(`${world.base}/calendars`)).json().items as {
      id: string;
      name: string;
    }[];
    const hours = calendars.find((c) => c.name === 'Harborline business hours')!.id;
    const draft = (await priya.get(`${world.base}/matrix`)).json().matrix;
    const cell = {
      functionKey: 'servers',
      scenarioKey: 'incident',
      active: true,
      raci: [
        { party: 'internal', teamId: null, role: 'A' },
        { party: 'provider', teamId: null, role: 'R' },
      ],
      coverage: [
        {
          when: 'after_hours',
          calendarId: hours,
          party: 'provider',
          teamId: null,
          schedules: { operations: world.samRota },
        },
      ],
      handoff: 'Page the on-call engineer.',
      escalationPolicy: 'Route night',
      runbookUrl: null,
    };
    const saved = await priya.put(`${world.base}/matrix`, { ...draft, cells: [cell] });
    expect(saved.statusCode, saved.body).toBe(200);
    for (const manager of [priya, maria]) {
      const hash = (await manager.get(`${world.base}/matrix`)).json().contentHash;
      expect((await manager.post(`${world.base}/matrix/sign`, { contentHash: hash })).statusCode).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('pages the provider’s on-call person by the matrix cell’s policy, and says why', async () => {
    const { incidentId } = await openIncident(t, NIGHT, { functionKey: 'servers' });
    const ticket = (await sam.get(`${world.base}/tickets/${incidentId}`)).json();
    expect(ticket).toMatchObject({ ownerParty: 'provider', assigneeId: world.ids.sam });
    const incident = (await sam.get(`${world.base}/tickets/${incidentId}/incident`)).json();
    expect(incident.routeReasons).toEqual(
      expect.arrayContaining([
        'after hours per Harborline business hours → provider',
        'operations track → Route primary',
        'Sam Patel on call',
      ]),
    );
    expect(incident.escalation).toMatchObject({ policyName: 'Route night', level: 1 });
    expect(incident.escalation.pages.map((p: { userId: string }) => p.userId)).toEqual([world.ids.sam]);
    const started = (await sam.get(`${world.base}/tickets/${incidentId}/activity`))
      .json()
      .items.find((e: { kind: string }) => e.kind === 'escalation_started');
    expect(started.data).toMatchObject({ policyName: 'Route night' });
    expect(started.data.reasons).toContain('escalation: the matrix cell’s policy');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { escalationWorld, type IncidentView, openIncident } from './incidents.fixture.ts';

const at = (iso: string) => new Date(iso);

describe.each(await testDatabases())('incident response on $name', (database) => {
  let t: TestTandem;
  const now = at('2026-12-09T10:00:00Z'); // Wednesday 04:00 in Chicago: the internal desk is off
  let admin: Client;
  let sam: Client;
  let priya: Client;
  let world: Awaited<ReturnType<typeof escalationWorld>>;
  let twoLevels: string;

  beforeAll(async () => {
    t = await startTestTandem(database, { now: () => now });
    admin = await t.as('admin@northwind.example');
    sam = await t.as('sam.patel@northwind.example');
    priya = await t.as('priya.sharma@harborline.example');
    world = await escalationWorld(t, admin, 'Resp');
    twoLevels = await world.policy('two', [
      { delayMinutes: 30, targets: [{ type: 'user', id: world.ids.sam }] },
      { delayMinutes: 30, targets: [{ type: 'user', id: world.ids.lee }] },
    ]);
  });
  afterAll(() => t.close());

  const incidentOf = async (ticketId: string): Promise<IncidentView & Record<string, unknown>> =>
    (await sam.get(`${world.base}/tickets/${ticketId}/incident`)).json();

  it('escalates by hand to the next level at once', async () => {
    const { incidentId } = await openIncident(t, now, { policyId: twoLevels });
    const escalated = await sam.post(`${world.base}/tickets/${incidentId}/escalate`, { reason: 'Need Lee' });
    expect(escalated.statusCode, escalated.body).toBe(200);
    expect(escalated.json().escalation).toMatchObject({ level: 2, nextAt: '2026-12-09T10:30:00.000Z' });
    const incident = await incidentOf(incidentId);
    expect(incident.escalation.pages.map((p) => p.userId)).toEqual([world.ids.sam, world.ids.lee]);
    const last = await sam.post(`${world.base}/tickets/${incidentId}/escalate`, {});
    expect(last.statusCode).toBe(409);
    const tooFar = await sam.post(`${world.base}/tickets/${incidentId}/escalate`, { level: 3 });
    expect(tooFar.statusCode).toBe(422);
  });

  it('escalates to the internal party: its managers are paged and its incident_join clock starts', async () => {
    const { incidentId } = await openIncident(t, now, { policyId: twoLevels });
    const escalated = await sam.post(`${world.base}/tickets/${incidentId}/escalate`, {
      toParty: 'internal',
      reason: 'Warehouse systems are theirs',
    });
    expect(escalated.statusCode, escalated.body).toBe(200);
    const join = escalated
      .json()
      .slaClocks.find(
        (c: { party: string; kind: string }) => c.party === 'internal' && c.kind === 'incident_join',
      );
    expect(join?.state).toBe('running');
    const incident = await incidentOf(incidentId);
    const priyaId = await t.userId('priya.sharma@harborline.example');
    expect(incident.escalation.pages.map((p) => p.userId)).toContain(priyaId);
    const timeline = (await sam.get(`${world.base}/tickets/${incidentId}/activity`)).json().items;
    expect(timeline.find((e: { kind: string }) => e.kind === 'escalated')?.data).toMatchObject({
      toParty: 'internal',
      reason: 'Warehouse systems are theirs',
    });
  });

  it('keeps roles, decisions with the deciding party, severity, and a security incident’s IR checklist', async () => {
    const { incidentId } = await openIncident(t, now, {
      policyId: twoLevels,
      track: 'security',
      severity: 'error',
    });
    const tom = await t.userId('tom.eriksen@harborline.example');
    const roles = await priya.put(`${world.base}/tickets/${incidentId}/incident/roles`, {
      commander: world.ids.sam,
      scribe: tom,
    });
    expect(roles.statusCode, roles.body).toBe(200);
    expect(roles.json().roles).toMatchObject({
      commander: { userId: world.ids.sam, party: 'provider' },
      scribe: { userId: tom, party: 'internal' },
      communications: null,
    });
    const decided = await priya.post(`${world.base}/tickets/${incidentId}/decisions`, {
      decision: 'Isolate the warehouse VLAN',
      rationale: 'Contain first',
    });
    expect(decided.statusCode, decided.body).toBe(201);
    const step = await sam.put(`${world.base}/tickets/${incidentId}/incident/checklist/contain`, {
      done: true,
      evidence: 'VLAN 40 shut at 10:02',
    });
    expect(step.statusCode, step.body).toBe(200);
    expect(step.json().checklist[0]).toMatchObject({
      step: 'contain',
      done: true,
      doneAt: now.toISOString(),
      doneBy: { userId: world.ids.sam },
      evidence: 'VLAN 40 shut at 10:02',
    });
    const severity = await sam.patch(`${world.base}/tickets/${incidentId}/incident`, {
      severity: 'critical',
    });
    expect(severity.json()).toMatchObject({ severity: 'critical', security: true, track: 'security' });
    const timeline = (await sam.get(`${world.base}/tickets/${incidentId}/activity`)).json().items;
    expect(timeline.find((e: { kind: string }) => e.kind === 'decision')?.data).toEqual({
      decision: 'Isolate the warehouse VLAN',
      rationale: 'Contain first',
      by: 'Priya Sharma',
      party: 'internal',
    });
    const audit = await t.tandem.handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', incidentId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'incident.roles_changed',
        'incident.decision_recorded',
        'incident.checklist_changed',
      ]),
    );
  });

  it('refuses an IR checklist step on an operations incident', async () => {
    const { incidentId } = await openIncident(t, now, { policyId: twoLevels });
    const step = await sam.put(`${world.base}/tickets/${incidentId}/incident/checklist/contain`, {
      done: true,
    });
    expect(step.statusCode).toBe(409);
  });

  it('answers another engagement’s incident, policy and drill as not found', async () => {
    const maplegrove = `/api/v1/engagements/${t.engagements.maplegrove}`;
    const hale = await t.userId('dr.hale@maplegrove.example');
    const policy = await admin.post(`${maplegrove}/escalation-policies`, {
      name: 'Clinic nights',
      repeat: 0,
      levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: hale }] }],
    });
    expect(policy.statusCode, policy.body).toBe(201);
    const drill = await admin.post(`${maplegrove}/escalation-policies/${policy.json().id}/drills`);
    expect(drill.statusCode, drill.body).toBe(201);
    const { incidentId } = await openIncident(t, now, { engagementId: t.engagements.maplegrove! });
    for (const path of [
      `escalation-policies/${policy.json().id}`,
      `drills/${drill.json().id}`,
      `tickets/${incidentId}/incident`,
    ]) {
      expect((await priya.get(`${maplegrove}/${path}`)).statusCode, path).toBe(404);
      expect((await priya.get(`${world.base}/${path}`)).statusCode, path).toBe(404);
    }
    expect((await priya.post(`${world.base}/tickets/${incidentId}/acknowledge`)).statusCode).toBe(404);
    expect((await priya.post(`${world.base}/drills/${drill.json().id}/acknowledge`)).statusCode).toBe(404);
  });

  it('refuses targets that are not of this engagement, at their field', async () => {
    const hale = await t.userId('dr.hale@maplegrove.example');
    const refused = await admin.post(`${world.base}/escalation-policies`, {
      name: 'Resp foreign',
      repeat: 0,
      levels: [
        {
          delayMinutes: 5,
          targets: [
            { type: 'user', id: world.ids.sam },
            { type: 'user', id: hale },
          ],
        },
      ],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      { path: '/levels/0/targets/1/id', message: 'is not a staff member of this engagement' },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';

describe.each(await testDatabases())('an incident a person opened on $name', (database) => {
  let t: TestTandem;
  let sam: Client;
  let base: string;

  beforeAll(async () => {
    t = await startTestTandem(database, { now: () => new Date('2026-12-09T15:00:00Z') });
    sam = await t.as('sam.patel@northwind.example');
    base = `/api/v1/engagements/${t.engagements.harborline}`;
  });
  afterAll(() => t.close());

  const open = async (body: Record<string, unknown>) => {
    const created = await sam.post(`${base}/tickets`, { kind: 'incident', ...body });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  };

  it('reads as an incident with no escalation, its severity from its priority', async () => {
    const ticketId = await open({ title: 'Warehouse Wi-Fi down', priority: 'P1' });
    const incident = await sam.get(`${base}/tickets/${ticketId}/incident`);
    expect(incident.statusCode, incident.body).toBe(200);
    expect(incident.json()).toMatchObject({
      severity: 'critical',
      track: 'operations',
      escalation: null,
      checklist: null,
    });
  });

  it('takes roles and an acknowledgement like one an alert opened', async () => {
    const ticketId = await open({ title: 'Payroll export fails', priority: 'P2' });
    const samId = await t.userId('sam.patel@northwind.example');
    const roles = await sam.put(`${base}/tickets/${ticketId}/incident/roles`, { commander: samId });
    expect(roles.statusCode, roles.body).toBe(200);
    expect((await sam.post(`${base}/tickets/${ticketId}/acknowledge`)).statusCode).toBe(200);
    const incident = (await sam.get(`${base}/tickets/${ticketId}/incident`)).json();
    expect(incident).toMatchObject({ severity: 'error', roles: { commander: { userId: samId } } });
  });

  it('of security monitoring carries the IR checklist', async () => {
    const ticketId = await open({
      title: 'Phishing wave',
      priority: 'P2',
      functionKey: 'security-monitoring',
    });
    const incident = (await sam.get(`${base}/tickets/${ticketId}/incident`)).json();
    expect(incident).toMatchObject({ track: 'security', security: true });
    expect(incident.checklist.map((step: { step: string }) => step.step)).toEqual([
      'contain',
      'eradicate',
      'recover',
      'lessons_learned',
    ]);
  });

  it('is not an incident when the ticket is of another kind', async () => {
    const request = await sam.post(`${base}/tickets`, { title: 'New laptop' });
    expect((await sam.get(`${base}/tickets/${request.json().id}/incident`)).statusCode).toBe(404);
  });
});

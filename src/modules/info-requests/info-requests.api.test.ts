import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import type { SlaClock } from '../sla/clock-schema.ts';

describe.each(await testDatabases())('information requests and call-ins on $name', (database) => {
  let t: TestTandem;
  let sam: Client; // provider agent
  let tom: Client; // internal agent
  let george: Client; // internal viewer
  let base: string;

  beforeAll(async () => {
    t = await startTestTandem(database);
    sam = await t.as('sam.patel@northwind.example');
    tom = await t.as('tom.eriksen@harborline.example');
    george = await t.as('george.white@harborline.example');
    base = `/api/v1/engagements/${t.engagements.harborline}`;
  });
  afterAll(() => t.close());

  const clocksOf = async (ticketId: string) =>
    (await sam.get(`${base}/tickets/${ticketId}`)).json().slaClocks as SlaClock[];

  it('opens an info_request ticket for a question on its own, waiting on the other party', async () => {
    const asked = await tom.post(`${base}/info-requests`, {
      question: 'Can you send the patch window for the warehouse scanners?\n\nWe need it for the ops rota.',
    });
    expect(asked.statusCode).toBe(201);
    const request = asked.json();
    expect(request).toMatchObject({
      fromParty: 'internal',
      toParty: 'provider',
      state: 'open',
      canAnswer: false,
    });
    const ticket = (await tom.get(`${base}/tickets/${request.ticketId}`)).json();
    expect(ticket).toMatchObject({
      kind: 'info_request',
      ownerParty: 'internal',
      status: 'waiting_on_provider',
      whoseMove: 'provider',
      title: 'Can you send the patch window for the warehouse scanners?',
    });
    expect((await sam.get(`${base}/info-requests/${request.id}`)).json().canAnswer).toBe(true);
    const open = (await sam.get(`${base}/info-requests?state=open&toParty=provider`)).json().items;
    expect(open.map((r: { id: string }) => r.id)).toContain(request.id);

    expect((await tom.post(`${base}/info-requests/${request.id}/answer`, { answer: 'Me?' })).statusCode).toBe(
      403,
    );
    const answered = await sam.post(`${base}/info-requests/${request.id}/answer`, {
      answer: 'Sundays 02:00–04:00.',
    });
    expect(answered.json()).toMatchObject({
      state: 'answered',
      answer: 'Sundays 02:00–04:00.',
      canAnswer: false,
    });
    expect(answered.json().answeredBy.name).toBe('Sam Patel');
    expect((await tom.get(`${base}/tickets/${request.ticketId}`)).json().status).toBe('in_progress');
    expect(
      (await sam.post(`${base}/info-requests/${request.id}/answer`, { answer: 'again' })).statusCode,
    ).toBe(409);
  });

  it('keeps the ticket with the other party until every open question is settled', async () => {
    const ticket = (
      await sam.post(`${base}/tickets`, { title: 'Firewall rule for the new EDI partner' })
    ).json();
    const first = (
      await sam.post(`${base}/info-requests`, { ticketId: ticket.id, question: 'Partner IP?' })
    ).json();
    const second = (
      await sam.post(`${base}/info-requests`, { ticketId: ticket.id, question: 'Port?' })
    ).json();
    await tom.post(`${base}/info-requests/${first.id}/answer`, { answer: '203.0.113.7' });
    expect((await sam.get(`${base}/tickets/${ticket.id}`)).json().status).toBe('waiting_on_internal');
    const withdrawn = await sam.post(`${base}/info-requests/${second.id}/withdraw`);
    expect(withdrawn.json().state).toBe('withdrawn');
    expect((await sam.get(`${base}/tickets/${ticket.id}`)).json().status).toBe('in_progress');
    const kinds = (await sam.get(`${base}/tickets/${ticket.id}/activity`))
      .json()
      .items.map((a: { kind: string }) => a.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['info_requested', 'info_request_answered', 'info_request_withdrawn', 'sla']),
    );
  });

  it('refuses a viewer, a closed ticket and another engagement’s ticket', async () => {
    const ticket = (await sam.post(`${base}/tickets`, { title: 'Old request' })).json();
    expect(
      (await george.post(`${base}/info-requests`, { ticketId: ticket.id, question: 'Why?' })).statusCode,
    ).toBe(403);
    await sam.patch(`${base}/tickets/${ticket.id}`, { status: 'resolved' });
    const late = await sam.post(`${base}/info-requests`, { ticketId: ticket.id, question: 'Still there?' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/reopen it/);
    const maple = `/api/v1/engagements/${t.engagements.maplegrove}`;
    const admin = await t.as('admin@northwind.example');
    const theirs = (await admin.post(`${maple}/tickets`, { title: 'Theirs' })).json();
    expect(
      (await sam.post(`${base}/info-requests`, { ticketId: theirs.id, question: 'Hi?' })).statusCode,
    ).toBe(404);
  });

  it('runs the called party’s incident_join clock until one of them joins', async () => {
    const incident = (
      await sam.post(`${base}/tickets`, { title: 'Warehouse Wi-Fi down', kind: 'incident', priority: 'P1' })
    ).json();
    expect(
      (await sam.post(`${base}/tickets/${incident.id}/call-in`, { reason: 'need site access' })).statusCode,
    ).toBe(204);
    const join = (await clocksOf(incident.id)).find((c) => c.kind === 'incident_join');
    expect(join).toMatchObject({ party: 'internal', state: 'running', targetMinutes: 15 });
    expect((await tom.post(`${base}/tickets/${incident.id}/join`)).statusCode).toBe(204);
    expect((await clocksOf(incident.id)).find((c) => c.kind === 'incident_join')?.state).toBe('met');
    const request = (await sam.post(`${base}/tickets`, { title: 'Not an incident' })).json();
    expect((await sam.post(`${base}/tickets/${request.id}/call-in`, { reason: 'x' })).statusCode).toBe(409);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';

const RANDOM_ID = '01999999-0000-7000-8000-000000000000';

describe.each(await testDatabases())('bulk ticket changes on $name', (database) => {
  let t: TestTandem;
  let tom: Client;
  let harborline: string;
  const tickets = () => `/api/v1/engagements/${harborline}/tickets`;
  const open = async (title: string) => (await tom.post(tickets(), { title })).json().id as string;

  beforeAll(async () => {
    t = await startTestTandem(database);
    harborline = t.engagements.harborline ?? '';
    tom = await t.as('tom.eriksen@harborline.example');
  });
  afterAll(() => t?.close());

  it('changes what it may and reports each ticket it could not change, with the reason', async () => {
    const [a, b, closed] = [await open('Disk full'), await open('VPN slow'), await open('Old issue')];
    for (const status of ['resolved', 'closed']) {
      expect((await tom.patch(`${tickets()}/${closed}`, { status })).statusCode).toBe(200);
    }
    const admin = await t.as('admin@northwind.example');
    const maplegrove = t.engagements.maplegrove ?? '';
    const elsewhere = (
      await admin.post(`/api/v1/engagements/${maplegrove}/tickets`, { title: 'Clinic' })
    ).json().id as string;

    const response = await tom.post(`${tickets()}/bulk`, {
      ticketIds: [a, b, closed, elsewhere, RANDOM_ID],
      changes: { status: 'in_progress', priority: 'P1' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result.updated).toEqual([a, b]);
    expect(result.failed).toEqual([
      { id: closed, detail: expect.stringMatching(/closed/) },
      { id: elsewhere, detail: 'Not found.' },
      { id: RANDOM_ID, detail: 'Not found.' },
    ]);

    expect((await tom.get(`${tickets()}/${a}`)).json()).toMatchObject({
      status: 'in_progress',
      priority: 'P1',
    });
    expect((await tom.get(`${tickets()}/${closed}`)).json()).toMatchObject({
      status: 'closed',
      priority: 'P3',
    });
    const theirs = (await admin.get(`/api/v1/engagements/${maplegrove}/tickets/${elsewhere}`)).json();
    expect(theirs).toMatchObject({ status: 'new', priority: 'P3' });
  });

  it('leaves the same timeline and audit trail as one change at a time', async () => {
    const id = await open('Printer offline');
    await tom.post(`${tickets()}/bulk`, { ticketIds: [id], changes: { status: 'triaged' } });
    const activity = (await tom.get(`${tickets()}/${id}/activity`)).json().items;
    expect(activity.map((e: { kind: string }) => e.kind)).toEqual(['created', 'status_changed']);
    expect(activity[1].data).toEqual({ status: { from: 'new', to: 'triaged' } });
    const priya = await t.as('priya.sharma@harborline.example');
    const audit = (
      await priya.get(`/api/v1/engagements/${harborline}/audit?action=ticket.status_changed`)
    ).json().items as { targetId: string }[];
    expect(audit.map((e) => e.targetId)).toContain(id);
  });

  it('applies the same rules per ticket: an assignee who is not staff fails every ticket', async () => {
    const id = await open('Badge reader');
    const nina = await t.userId('nina.kowalski@harborline.example');
    const result = (
      await tom.post(`${tickets()}/bulk`, { ticketIds: [id], changes: { assigneeId: nina } })
    ).json();
    expect(result.updated).toEqual([]);
    expect(result.failed[0]).toMatchObject({ id, detail: expect.stringMatching(/assignee/i) });
  });

  it('is refused to members who may not change tickets', async () => {
    const id = await open('Monitor flicker');
    for (const email of ['george.white@harborline.example', 'nina.kowalski@harborline.example']) {
      const member = await t.as(email);
      const response = await member.post(`${tickets()}/bulk`, {
        ticketIds: [id],
        changes: { priority: 'P1' },
      });
      expect(response.statusCode, email).toBe(403);
    }
  });

  it('takes 1 to 200 distinct tickets and at least one change', async () => {
    const id = await open('Bounds');
    const tooMany = Array.from({ length: 201 }, (_, i) => `id-${i}`);
    for (const body of [
      { ticketIds: [], changes: { priority: 'P2' } },
      { ticketIds: tooMany, changes: { priority: 'P2' } },
      { ticketIds: [id, id], changes: { priority: 'P2' } },
      { ticketIds: [id], changes: {} },
      { ticketIds: [id], changes: { title: 'Not a bulk field' } },
    ]) {
      expect((await tom.post(`${tickets()}/bulk`, body)).statusCode, JSON.stringify(body).slice(0, 80)).toBe(
        400,
      );
    }
  });
});

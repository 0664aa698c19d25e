import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import type { Ticket } from './schema.ts';

describe.each(await testDatabases())('ticket watchers on $name', (database) => {
  let t: TestTandem;
  let tom: Client; // internal agent
  let sam: Client; // provider agent
  let nina: Client; // requester
  let george: Client; // viewer
  let ticket: Ticket;
  let url: string;

  beforeAll(async () => {
    t = await startTestTandem(database);
    tom = await t.as('tom.eriksen@harborline.example');
    sam = await t.as('sam.patel@northwind.example');
    nina = await t.as('nina.kowalski@harborline.example');
    george = await t.as('george.white@harborline.example');
    const created = await tom.post(`/api/v1/engagements/${t.engagements.harborline}/tickets`, {
      title: 'Dock door sensor flapping',
    });
    ticket = created.json();
    url = `/api/v1/engagements/${t.engagements.harborline}/tickets/${ticket.id}`;
  });
  afterAll(() => t.close());

  const watchersOf = async () => (await tom.get(url)).json().watcherIds as string[];

  it('lets anyone who can read a ticket follow and unfollow it, on the timeline', async () => {
    const georgeId = await t.userId('george.white@harborline.example');
    expect((await george.put(`${url}/watchers/${georgeId}`)).statusCode).toBe(204);
    expect(await watchersOf()).toContain(georgeId);
    expect((await george.put(`${url}/watchers/${georgeId}`)).statusCode).toBe(204); // idempotent
    expect((await george.delete(`${url}/watchers/${georgeId}`)).statusCode).toBe(204);
    expect(await watchersOf()).not.toContain(georgeId);
    expect((await george.delete(`${url}/watchers/${georgeId}`)).statusCode).toBe(404);
    const kinds = (await tom.get(`${url}/activity`)).json().items.map((a: { kind: string }) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['watcher_added', 'watcher_removed']));
  });

  it('lets staff who may change tickets add a colleague of either party, and no one else', async () => {
    const samId = await t.userId('sam.patel@northwind.example');
    const tomId = await t.userId('tom.eriksen@harborline.example');
    expect((await tom.put(`${url}/watchers/${samId}`)).statusCode).toBe(204);
    expect(await watchersOf()).toContain(samId);
    expect((await george.put(`${url}/watchers/${tomId}`)).statusCode).toBe(403);
  });

  it('keeps requesters to their own tickets and refuses users of another engagement', async () => {
    const ninaId = await t.userId('nina.kowalski@harborline.example');
    expect((await tom.put(`${url}/watchers/${ninaId}`)).statusCode).toBe(422);
    expect((await nina.put(`${url}/watchers/${ninaId}`)).statusCode).toBe(404);
    const own = (
      await nina.post(`/api/v1/engagements/${t.engagements.harborline}/tickets`, {
        title: 'My monitor flickers',
      })
    ).json();
    const ownUrl = `/api/v1/engagements/${t.engagements.harborline}/tickets/${own.id}`;
    expect((await nina.put(`${ownUrl}/watchers/${ninaId}`)).statusCode).toBe(204);
    const halesId = await t.userId('dr.hale@maplegrove.example');
    expect((await sam.put(`${url}/watchers/${halesId}`)).statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';

describe.each(await testDatabases())('saved personal views on $name', (database) => {
  let t: TestTandem;
  let tom: Client;
  let sam: Client;

  beforeAll(async () => {
    t = await startTestTandem(database);
    tom = await t.as('tom.eriksen@harborline.example');
    sam = await t.as('sam.patel@northwind.example');
  });
  afterAll(() => t?.close());

  it('saves a query under a name and gives it back to its owner alone', async () => {
    const saved = await tom.post('/api/v1/me/views', {
      name: 'My urgent work',
      engagementId: t.engagements.harborline,
      query: { status: ['new', 'in_progress'], priority: ['P1', 'P2'], assigneeId: 'me', sort: 'priority' },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({
      name: 'My urgent work',
      engagementId: t.engagements.harborline,
      query: { status: ['new', 'in_progress'], priority: ['P1', 'P2'], assigneeId: 'me', sort: 'priority' },
    });
    const across = await sam.post('/api/v1/me/views', {
      name: 'Our move everywhere',
      query: { view: 'our_move' },
    });
    expect(across.json()).toMatchObject({ engagementId: null, query: { view: 'our_move' } });

    expect((await tom.get('/api/v1/me/views')).json().items.map((v: { name: string }) => v.name)).toEqual([
      'My urgent work',
    ]);
    expect((await sam.get('/api/v1/me/views')).json().items.map((v: { name: string }) => v.name)).toEqual([
      'Our move everywhere',
    ]);
  });

  it('narrows a view only to one of the owner’s engagements', async () => {
    const response = await tom.post('/api/v1/me/views', {
      name: 'Clinic',
      engagementId: t.engagements.maplegrove,
      query: {},
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ path: '/engagementId' }));
  });

  it('refuses a second view of the same name and queries the ticket list would not take', async () => {
    expect((await tom.post('/api/v1/me/views', { name: 'My urgent work', query: {} })).statusCode).toBe(409);
    expect(
      (await tom.post('/api/v1/me/views', { name: 'Bad', query: { status: ['sleeping'] } })).statusCode,
    ).toBe(400);
    expect((await tom.post('/api/v1/me/views', { name: 'Bad', query: { limit: 5 } })).statusCode).toBe(400);
  });

  it('lets only the owner delete a view; another user’s is not found', async () => {
    const view = (await tom.post('/api/v1/me/views', { name: 'Temporary', query: { q: 'printer' } })).json();
    expect((await sam.delete(`/api/v1/me/views/${view.id}`)).statusCode).toBe(404);
    expect((await tom.delete(`/api/v1/me/views/${view.id}`)).statusCode).toBe(204);
    expect((await tom.delete(`/api/v1/me/views/${view.id}`)).statusCode).toBe(404);
    expect((await tom.get('/api/v1/me/views')).json().items.map((v: { id: string }) => v.id)).not.toContain(
      view.id,
    );
  });
});

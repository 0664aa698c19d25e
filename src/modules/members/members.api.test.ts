import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';

interface AuditItem {
  action: string;
  actor: { id: string; name: string } | null;
  party: string | null;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

describe.each(await testDatabases())('engagement members on $name', (database) => {
  let t: TestTandem;
  let admin: Client;
  let priya: Client;
  let harborline: string;
  let maplegrove: string;

  const userId = (email: string) => t.userId(email);
  const auditOf = async (client: Client, engagementId: string, action: string): Promise<AuditItem[]> => {
    const page = await client.get(`/api/v1/engagements/${engagementId}/audit?action=${action}`);
    expect(page.statusCode).toBe(200);
    return page.json().items;
  };

  beforeAll(async () => {
    t = await startTestTandem(database);
    admin = await t.as('admin@northwind.example');
    priya = await t.as('priya.sharma@harborline.example');
    harborline = t.engagements.harborline ?? '';
    maplegrove = t.engagements.maplegrove ?? '';
  });
  afterAll(() => t?.close());

  it('adds provider staff to any engagement they serve, as provider', async () => {
    const added = await admin.post(`/api/v1/engagements/${maplegrove}/members`, {
      email: 'riley.shaw@northwind.example',
      role: 'agent',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      email: 'riley.shaw@northwind.example',
      name: 'Riley Shaw',
      role: 'agent',
      party: 'provider',
      teams: [],
    });
    const members = (await admin.get(`/api/v1/engagements/${maplegrove}/members`)).json().items as {
      email: string;
    }[];
    expect(members.map((m) => m.email)).toContain('riley.shaw@northwind.example');

    const [event] = await auditOf(admin, maplegrove, 'member.added');
    expect(event).toMatchObject({
      actor: { id: await userId('admin@northwind.example'), name: 'Alex Morgan' },
      party: 'provider',
      targetType: 'member',
      targetId: added.json().userId,
      after: { role: 'agent', party: 'provider' },
    });
  });

  it('adds the client’s own staff as internal members, by e-mail in any case', async () => {
    const created = await priya.post('/api/v1/users', {
      email: 'new.hire@harborline.example',
      name: 'New Hire',
      password: 'a-long-password',
    });
    expect(created.statusCode).toBe(201);
    const added = await priya.post(`/api/v1/engagements/${harborline}/members`, {
      email: 'New.Hire@Harborline.example',
      role: 'agent',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      email: 'new.hire@harborline.example',
      role: 'agent',
      party: 'internal',
    });

    const [event] = await auditOf(priya, harborline, 'member.added');
    expect(event).toMatchObject({
      actor: { name: 'Priya Sharma' },
      party: 'internal',
      targetId: added.json().userId,
    });
  });

  it('refuses another client’s staff and names the e-mail as the problem', async () => {
    const refused = await admin.post(`/api/v1/engagements/${maplegrove}/members`, {
      email: 'nina.kowalski@harborline.example',
      role: 'requester',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: '/email' })]);
    const members = (await admin.get(`/api/v1/engagements/${maplegrove}/members`)).json().items as {
      email: string;
    }[];
    expect(members.map((m) => m.email)).not.toContain('nina.kowalski@harborline.example');
  });

  it('refuses an unknown e-mail, a second membership and a provider requester', async () => {
    const unknown = await admin.post(`/api/v1/engagements/${harborline}/members`, {
      email: 'nobody@northwind.example',
      role: 'agent',
    });
    expect(unknown.statusCode).toBe(422);
    const again = await admin.post(`/api/v1/engagements/${harborline}/members`, {
      email: 'tom.eriksen@harborline.example',
      role: 'agent',
    });
    expect(again.statusCode).toBe(409);
    const requester = await admin.post(`/api/v1/engagements/${maplegrove}/members`, {
      email: 'jordan.blake@northwind.example',
      role: 'requester',
    });
    expect(requester.statusCode).toBe(422);
    expect(requester.json().errors).toEqual([expect.objectContaining({ path: '/role' })]);
  });

  it('changes a member’s role and records before and after', async () => {
    const tom = await userId('tom.eriksen@harborline.example');
    const changed = await priya.patch(`/api/v1/engagements/${harborline}/members/${tom}`, { role: 'viewer' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ userId: tom, role: 'viewer', party: 'internal' });
    const [event] = await auditOf(priya, harborline, 'member.role_changed');
    expect(event).toMatchObject({
      actor: { id: await userId('priya.sharma@harborline.example') },
      party: 'internal',
      targetId: tom,
      before: { role: 'agent' },
      after: { role: 'viewer' },
    });
    expect(
      (await priya.patch(`/api/v1/engagements/${harborline}/members/${tom}`, { role: 'agent' })).statusCode,
    ).toBe(200);
  });

  it('lets a manager run the roster but not make or unmake admins', async () => {
    const tom = await userId('tom.eriksen@harborline.example');
    const promote = await priya.patch(`/api/v1/engagements/${harborline}/members/${tom}`, { role: 'admin' });
    expect(promote.statusCode).toBe(403);
    const addAdmin = await priya.post(`/api/v1/engagements/${harborline}/members`, {
      email: 'maria.chen@northwind.example',
      role: 'admin',
    });
    expect(addAdmin.statusCode).toBe(403);
    const theAdmin = await userId('admin@northwind.example');
    expect(
      (await priya.patch(`/api/v1/engagements/${harborline}/members/${theAdmin}`, { role: 'viewer' }))
        .statusCode,
    ).toBe(403);
    expect((await priya.delete(`/api/v1/engagements/${harborline}/members/${theAdmin}`)).statusCode).toBe(
      403,
    );
    const members = (await priya.get(`/api/v1/engagements/${harborline}/members`)).json().items as {
      userId: string;
      role: string;
    }[];
    expect(members.find((m) => m.userId === tom)?.role).toBe('agent');
    expect(members.find((m) => m.userId === theAdmin)?.role).toBe('admin');
  });

  it('keeps at least one admin in the engagement', async () => {
    const theAdmin = await userId('admin@northwind.example');
    const removed = await admin.delete(`/api/v1/engagements/${harborline}/members/${theAdmin}`);
    expect(removed.statusCode).toBe(409);
    const demoted = await admin.patch(`/api/v1/engagements/${harborline}/members/${theAdmin}`, {
      role: 'manager',
    });
    expect(demoted.statusCode).toBe(409);

    // With a second admin, the first may step down.
    const maria = await userId('maria.chen@northwind.example');
    expect(
      (await admin.patch(`/api/v1/engagements/${harborline}/members/${maria}`, { role: 'admin' })).statusCode,
    ).toBe(200);
    expect(
      (await admin.patch(`/api/v1/engagements/${harborline}/members/${theAdmin}`, { role: 'manager' }))
        .statusCode,
    ).toBe(200);
    const mariaClient = await t.as('maria.chen@northwind.example');
    expect((await mariaClient.delete(`/api/v1/engagements/${harborline}/members/${maria}`)).statusCode).toBe(
      409,
    );
    expect(
      (await mariaClient.patch(`/api/v1/engagements/${harborline}/members/${theAdmin}`, { role: 'admin' }))
        .statusCode,
    ).toBe(200);
  });

  it('removes a member, who then no longer sees the engagement', async () => {
    const george = await userId('george.white@harborline.example');
    const removed = await priya.delete(`/api/v1/engagements/${harborline}/members/${george}`);
    expect(removed.statusCode).toBe(204);
    const georgeClient = await t.as('george.white@harborline.example');
    expect((await georgeClient.get(`/api/v1/engagements/${harborline}`)).statusCode).toBe(404);
    expect((await priya.delete(`/api/v1/engagements/${harborline}/members/${george}`)).statusCode).toBe(404);
    const [event] = await auditOf(priya, harborline, 'member.removed');
    expect(event).toMatchObject({
      actor: { name: 'Priya Sharma' },
      party: 'internal',
      targetType: 'member',
      targetId: george,
      before: { role: 'viewer' },
    });
  });

  it('keeps the roster to managers and admins', async () => {
    const agent = await t.as('ana.lopez@harborline.example');
    expect((await agent.get(`/api/v1/engagements/${harborline}/members`)).statusCode).toBe(200);
    const tom = await userId('tom.eriksen@harborline.example');
    expect(
      (await agent.patch(`/api/v1/engagements/${harborline}/members/${tom}`, { role: 'viewer' })).statusCode,
    ).toBe(403);
    expect(
      (
        await agent.post(`/api/v1/engagements/${harborline}/members`, {
          email: 'riley.shaw@northwind.example',
          role: 'viewer',
        })
      ).statusCode,
    ).toBe(403);
  });
});

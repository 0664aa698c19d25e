import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';

interface TeamItem {
  id: string;
  name: string;
  party: string;
  description: string;
  members: { userId: string; name: string }[];
}

describe.each(await testDatabases())('teams on $name', (database) => {
  let t: TestTandem;
  let priya: Client;
  let harborline: string;

  const userId = (email: string) => t.userId(email);
  const teams = async (): Promise<TeamItem[]> =>
    (await priya.get(`/api/v1/engagements/${harborline}/teams`)).json().items;
  const teamNamed = async (name: string) => (await teams()).find((team) => team.name === name);
  const auditOf = async (action: string) => {
    const page = await priya.get(`/api/v1/engagements/${harborline}/audit?action=${action}`);
    expect(page.statusCode).toBe(200);
    return page.json().items as {
      actor: { id: string; name: string } | null;
      party: string | null;
      targetType: string;
      targetId: string;
      before: unknown;
      after: unknown;
    }[];
  };
  const createTeam = async (name: string, party = 'internal') => {
    const created = await priya.post(`/api/v1/engagements/${harborline}/teams`, {
      name,
      party,
      description: `${name} team`,
    });
    expect(created.statusCode).toBe(201);
    return created.json() as TeamItem;
  };

  beforeAll(async () => {
    t = await startTestTandem(database);
    priya = await t.as('priya.sharma@harborline.example');
    harborline = t.engagements.harborline ?? '';
  });
  afterAll(() => t?.close());

  it('lists the teams of both parties with their members', async () => {
    const all = await teams();
    expect(
      all
        .filter((team) => team.party === 'internal')
        .map((team) => team.name)
        .sort(),
    ).toEqual(['Internal Infrastructure', 'Internal Service Desk']);
    expect(all.some((team) => team.party === 'provider')).toBe(true);
    expect((await teamNamed('Internal Infrastructure'))?.members.map((m) => m.name).sort()).toEqual([
      'Priya Sharma',
      'Tom Eriksen',
    ]);
  });

  it('creates a team and records who created it', async () => {
    const team = await createTeam('Warehouse Network');
    expect(team).toMatchObject({
      name: 'Warehouse Network',
      party: 'internal',
      description: 'Warehouse Network team',
      members: [],
    });
    expect(await teamNamed('Warehouse Network')).toMatchObject({ id: team.id });
    const [event] = await auditOf('team.created');
    expect(event).toMatchObject({
      actor: { id: await userId('priya.sharma@harborline.example'), name: 'Priya Sharma' },
      party: 'internal',
      targetType: 'team',
      targetId: team.id,
      after: { name: 'Warehouse Network', party: 'internal' },
    });
  });

  it('refuses a second team with the same name in the engagement', async () => {
    await createTeam('Printers');
    const again = await priya.post(`/api/v1/engagements/${harborline}/teams`, {
      name: 'Printers',
      party: 'internal',
    });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect((await teams()).filter((team) => team.name === 'Printers')).toHaveLength(1);
    // The same name is free in another engagement.
    const admin = await t.as('admin@northwind.example');
    expect(
      (
        await admin.post(`/api/v1/engagements/${t.engagements.maplegrove}/teams`, {
          name: 'Printers',
          party: 'internal',
        })
      ).statusCode,
    ).toBe(201);
  });

  it('renames a team, refusing a name already taken', async () => {
    const team = await createTeam('Night Desk');
    const renamed = await priya.patch(`/api/v1/engagements/${harborline}/teams/${team.id}`, {
      name: 'After-hours Desk',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      id: team.id,
      name: 'After-hours Desk',
      description: 'Night Desk team',
    });
    expect(await teamNamed('After-hours Desk')).toMatchObject({ id: team.id });
    const taken = await priya.patch(`/api/v1/engagements/${harborline}/teams/${team.id}`, {
      name: 'Internal Infrastructure',
    });
    expect(taken.statusCode).toBe(409);
    const [event] = await auditOf('team.updated');
    expect(event).toMatchObject({
      actor: { name: 'Priya Sharma' },
      party: 'internal',
      targetId: team.id,
      before: { name: 'Night Desk' },
      after: { name: 'After-hours Desk' },
    });
  });

  it('takes members of the team’s own party only', async () => {
    const team = await createTeam('Site Visits');
    const ana = await userId('ana.lopez@harborline.example');
    const joined = await priya.put(`/api/v1/engagements/${harborline}/teams/${team.id}/members/${ana}`);
    expect(joined.statusCode).toBe(204);
    const sam = await userId('sam.patel@northwind.example');
    const refused = await priya.put(`/api/v1/engagements/${harborline}/teams/${team.id}/members/${sam}`);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await teamNamed('Site Visits'))?.members.map((m) => m.userId)).toEqual([ana]);
    const [event] = await auditOf('team.member_added');
    expect(event).toMatchObject({
      actor: { name: 'Priya Sharma' },
      party: 'internal',
      targetType: 'team',
      targetId: team.id,
      after: { userId: ana },
    });
  });

  it('takes a member off a team', async () => {
    const team = await createTeam('Badge Office');
    const tom = await userId('tom.eriksen@harborline.example');
    expect(
      (await priya.put(`/api/v1/engagements/${harborline}/teams/${team.id}/members/${tom}`)).statusCode,
    ).toBe(204);
    const removed = await priya.delete(`/api/v1/engagements/${harborline}/teams/${team.id}/members/${tom}`);
    expect(removed.statusCode).toBe(204);
    expect((await teamNamed('Badge Office'))?.members).toEqual([]);
    expect(
      (await priya.delete(`/api/v1/engagements/${harborline}/teams/${team.id}/members/${tom}`)).statusCode,
    ).toBe(404);
    const [event] = await auditOf('team.member_removed');
    expect(event).toMatchObject({
      actor: { name: 'Priya Sharma' },
      party: 'internal',
      targetId: team.id,
      before: { userId: tom },
    });
  });

  it('deletes a team', async () => {
    const team = await createTeam('Short-lived');
    const deleted = await priya.delete(`/api/v1/engagements/${harborline}/teams/${team.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(await teamNamed('Short-lived')).toBeUndefined();
    expect((await priya.delete(`/api/v1/engagements/${harborline}/teams/${team.id}`)).statusCode).toBe(404);
    const [event] = await auditOf('team.deleted');
    expect(event).toMatchObject({
      actor: { name: 'Priya Sharma' },
      party: 'internal',
      targetType: 'team',
      targetId: team.id,
      before: { name: 'Short-lived' },
    });
  });

  it('lets provider staff manage provider teams, recorded under the provider party', async () => {
    const maria = await t.as('maria.chen@northwind.example');
    const created = await maria.post(`/api/v1/engagements/${harborline}/teams`, {
      name: 'Provider Field Techs',
      party: 'provider',
    });
    expect(created.statusCode).toBe(201);
    const [event] = await auditOf('team.created');
    expect(event).toMatchObject({
      actor: { name: 'Maria Chen' },
      party: 'provider',
      targetId: created.json().id,
    });
  });

  it('lets agents see teams but not change them', async () => {
    const agent = await t.as('ana.lopez@harborline.example');
    expect((await agent.get(`/api/v1/engagements/${harborline}/teams`)).statusCode).toBe(200);
    expect(
      (await agent.post(`/api/v1/engagements/${harborline}/teams`, { name: 'Rogue', party: 'internal' }))
        .statusCode,
    ).toBe(403);
    const infrastructure = await teamNamed('Internal Infrastructure');
    expect(
      (await agent.delete(`/api/v1/engagements/${harborline}/teams/${infrastructure?.id}`)).statusCode,
    ).toBe(403);
    expect(await teamNamed('Internal Infrastructure')).toBeDefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';

describe.each(await testDatabases())('engagements on $name', (database) => {
  let t: TestTandem;
  beforeAll(async () => {
    t = await startTestTandem(database);
  });
  afterAll(() => t.close());

  it('lists only the caller’s engagements', async () => {
    const provider = await t.as('sam.patel@northwind.example');
    const internal = await t.as('tom.eriksen@harborline.example');
    const providerSlugs = (await provider.get('/api/v1/engagements'))
      .json()
      .items.map((e: { slug: string }) => e.slug);
    const internalItems = (await internal.get('/api/v1/engagements')).json().items;
    expect(providerSlugs.sort()).toEqual(['harborline', 'maplegrove']);
    expect(internalItems.map((e: { slug: string }) => e.slug)).toEqual(['harborline']);
    expect(internalItems[0]).toMatchObject({
      party: 'internal',
      role: 'agent',
      clientOrganization: { slug: 'harborline' },
    });
  });

  it('answers another engagement’s id exactly as it answers a random one', async () => {
    const internal = await t.as('tom.eriksen@harborline.example');
    const other = await internal.get(`/api/v1/engagements/${t.engagements.maplegrove}`);
    const random = await internal.get('/api/v1/engagements/01999999-0000-7000-8000-000000000000');
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(random.body);
    expect(other.headers['content-type']).toContain('application/problem+json');
  });

  it('shows the parties and what the caller may do', async () => {
    const manager = await t.as('priya.sharma@harborline.example');
    const detail = (await manager.get(`/api/v1/engagements/${t.engagements.harborline}`)).json();
    expect(detail.parties.map((p: { kind: string }) => p.kind).sort()).toEqual(['internal', 'provider']);
    expect(detail.allowedActions).toContain('member.manage');
    const viewer = await t.as('george.white@harborline.example');
    expect(
      (await viewer.get(`/api/v1/engagements/${t.engagements.harborline}`)).json().allowedActions,
    ).not.toContain('member.manage');
  });

  it('lets a provider admin open an engagement with a new client', async () => {
    const admin = await t.as('admin@northwind.example');
    const org = await admin.post('/api/v1/organizations', { slug: 'acme-dental', name: 'Acme Dental' });
    expect(org.statusCode).toBe(201);
    const created = await admin.post('/api/v1/engagements', {
      slug: 'acme',
      name: 'Acme Dental',
      ticketPrefix: 'ACME',
      clientOrganizationId: org.json().id,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ slug: 'acme', party: 'provider', role: 'admin' });
    const again = await admin.post('/api/v1/engagements', {
      slug: 'acme',
      name: 'Again',
      ticketPrefix: 'ACM2',
      clientOrganizationId: org.json().id,
    });
    expect(again.statusCode).toBe(409);
    const clientAdmin = await t.as('priya.sharma@harborline.example');
    expect(
      (await clientAdmin.post('/api/v1/organizations', { slug: 'nope-org', name: 'Nope' })).statusCode,
    ).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';

// These tests log in far more often than a person would; the throttle has its own test.
const ROOMY_LIMITS = {
  perAddress: { attempts: 10_000, windowSeconds: 60 },
  perAccountAndAddress: { failures: 10_000, windowSeconds: 60 },
  perAccount: { failures: 10_000, windowSeconds: 60 },
};

describe.each(await testDatabases())('logging in, sessions and API tokens on $name', (database) => {
  let t: TestTandem;
  beforeAll(async () => {
    t = await startTestTandem(database, { throttleLimits: ROOMY_LIMITS });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });
  const teamsIn = (slug: string) => `/api/v1/engagements/${t.engagements[slug]}/teams`;
  const countTeams = async () =>
    Number(
      (
        await t.tandem.handle.db
          .selectFrom('teams')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const userId = (email: string) => t.userId(email);
  const bearer = (token: string, extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${token}`,
    ...extra,
  });

  it('sets an httpOnly, SameSite session cookie and a fresh session id on every login', async () => {
    const first = await login('tom.eriksen@harborline.example', DEMO_PASSWORD);
    expect(first.statusCode).toBe(200);
    expect(first.json().user.email).toBe('tom.eriksen@harborline.example');
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/tandem_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=(Lax|Strict)/i);
    const firstValue = first.cookies.find((c) => c.name === 'tandem_session')!.value;

    // A session id planted by someone else is never adopted.
    const second = await login('tom.eriksen@harborline.example', DEMO_PASSWORD, {
      cookie: `tandem_session=${firstValue}`,
    });
    const secondValue = second.cookies.find((c) => c.name === 'tandem_session')!.value;
    expect(secondValue).not.toBe(firstValue);
    expect(secondValue.length).toBeGreaterThanOrEqual(32);
  });

  it('answers an unknown e-mail exactly as it answers a wrong password', async () => {
    const unknown = await login('nobody@nowhere.example', DEMO_PASSWORD);
    const wrong = await login('tom.eriksen@harborline.example', 'not-the-password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(unknown.cookies).toEqual([]);
    expect(wrong.cookies).toEqual([]);
  });

  it('ends the session on logout, so the old cookie no longer works', async () => {
    const tom = await t.as('tom.eriksen@harborline.example');
    expect((await tom.get('/api/v1/me')).statusCode).toBe(200);
    expect((await tom.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const after = await tom.get('/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
  });

  it('ends only the session that logs out; the user’s other sessions go on', async () => {
    const laptop = await t.as('dana.reyes@northwind.example');
    const phone = await t.as('dana.reyes@northwind.example');
    expect((await laptop.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await laptop.get('/api/v1/me')).statusCode).toBe(401);
    expect((await phone.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('does not accept a made-up session cookie', async () => {
    const response = await t.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: 'tandem_session=made-up' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('shuts a disabled user out at once, session and tokens alike', async () => {
    const ana = await t.as('ana.lopez@harborline.example');
    const token = (await ana.post('/api/v1/auth/tokens', { name: 'script' })).json().token as string;
    expect((await ana.get('/api/v1/me')).statusCode).toBe(200);
    const admin = await t.as('priya.sharma@harborline.example');
    const disabled = await admin.patch(`/api/v1/users/${await userId('ana.lopez@harborline.example')}`, {
      disabled: true,
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabled).toBe(true);
    expect((await ana.get('/api/v1/me')).statusCode).toBe(401);
    expect((await t.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(
      401,
    );
    expect((await login('ana.lopez@harborline.example', DEMO_PASSWORD)).statusCode).toBe(401);
  });

  it('takes a removed member out of the engagement on their very next request', async () => {
    const george = await t.as('george.white@harborline.example');
    const engagement = `/api/v1/engagements/${t.engagements.harborline}`;
    expect((await george.get(engagement)).statusCode).toBe(200);
    const manager = await t.as('priya.sharma@harborline.example');
    const removed = await manager.delete(
      `${engagement}/members/${await userId('george.white@harborline.example')}`,
    );
    expect(removed.statusCode).toBe(204);
    expect((await george.get(engagement)).statusCode).toBe(404);
    expect((await george.get(`${engagement}/teams`)).statusCode).toBe(404);
    // Still logged in: only the engagement is gone.
    expect((await george.get('/api/v1/me')).json().memberships).toEqual([]);
  });

  it('refuses a cookie-authenticated write from another site and changes nothing', async () => {
    const manager = await t.as('priya.sharma@harborline.example');
    const url = teamsIn('harborline');
    const before = await countTeams();
    const noOrigin = await t.inject({
      method: 'POST',
      url,
      headers: { cookie: manager.cookie },
      payload: { name: 'CSRF one', party: 'internal' },
    });
    const foreign = await manager.request({
      method: 'POST',
      url,
      headers: { origin: 'http://evil.example' },
      payload: { name: 'CSRF two', party: 'internal' },
    });
    const crossSite = await t.inject({
      method: 'POST',
      url,
      headers: { cookie: manager.cookie, 'sec-fetch-site': 'cross-site' },
      payload: { name: 'CSRF three', party: 'internal' },
    });
    for (const refused of [noOrigin, foreign, crossSite]) {
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect(await countTeams()).toBe(before);

    const sameOrigin = await t.inject({
      method: 'POST',
      url,
      headers: { cookie: manager.cookie, 'sec-fetch-site': 'same-origin' },
      payload: { name: 'Same-origin team', party: 'internal' },
    });
    expect(sameOrigin.statusCode).toBe(201);
    const fromBaseUrl = await manager.post(url, { name: 'Base-URL team', party: 'internal' });
    expect(fromBaseUrl.statusCode).toBe(201);
    expect(await countTeams()).toBe(before + 2);
    // Reads need no Origin.
    expect((await t.inject({ method: 'GET', url, headers: { cookie: manager.cookie } })).statusCode).toBe(
      200,
    );
  });

  it('shows a new API token once and stores only its hash', async () => {
    const manager = await t.as('priya.sharma@harborline.example');
    const created = await manager.post('/api/v1/auth/tokens', { name: 'RMM sync' });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^tdm_/);
    const listed = await manager.get('/api/v1/auth/tokens');
    const item = listed.json().items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({
      id,
      name: 'RMM sync',
      role: null,
      engagementIds: null,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(item).not.toHaveProperty('token');
    expect(listed.body).not.toContain(token);
    const row = await t.tandem.handle.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).not.toBe(token);
    expect(row.token_hash).not.toContain(token.slice(4));
  });

  it('accepts a Bearer token without Origin, records its use, and stops it once revoked', async () => {
    const manager = await t.as('priya.sharma@harborline.example');
    const { id, token } = (await manager.post('/api/v1/auth/tokens', { name: 'CI' })).json();
    const url = teamsIn('harborline');
    // No cookie, no Origin: CSRF is about cookies a browser attaches on its own; a token never is.
    const created = await t.inject({
      method: 'POST',
      url,
      headers: bearer(token),
      payload: { name: 'Made by a token', party: 'internal' },
    });
    expect(created.statusCode).toBe(201);
    const listed = (await manager.get('/api/v1/auth/tokens'))
      .json()
      .items.find((i: { id: string }) => i.id === id);
    expect(listed.lastUsedAt).not.toBeNull();

    expect((await manager.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(204);
    const afterRevoke = await t.inject({ method: 'GET', url, headers: bearer(token) });
    expect(afterRevoke.statusCode).toBe(401);
    expect(afterRevoke.headers['content-type']).toContain('application/problem+json');
    const revoked = (await manager.get('/api/v1/auth/tokens'))
      .json()
      .items.find((i: { id: string }) => i.id === id);
    expect(revoked.revokedAt).not.toBeNull();
  });

  it('refuses a made-up or malformed Bearer token', async () => {
    for (const token of ['tdm_notarealtoken', 'not-even-prefixed', '']) {
      expect((await t.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(
        401,
      );
    }
  });

  it('keeps a token to the engagements it was scoped to', async () => {
    const manager = await t.as('maria.chen@northwind.example');
    const scoped = await manager.post('/api/v1/auth/tokens', {
      name: 'Harborline only',
      engagementIds: [t.engagements.harborline],
    });
    expect(scoped.statusCode).toBe(201);
    const token = scoped.json().token as string;
    expect(
      (await t.inject({ method: 'GET', url: teamsIn('harborline'), headers: bearer(token) })).statusCode,
    ).toBe(200);
    const elsewhere = await t.inject({
      method: 'GET',
      url: `/api/v1/engagements/${t.engagements.maplegrove}`,
      headers: bearer(token),
    });
    const missing = await t.inject({
      method: 'GET',
      url: '/api/v1/engagements/01999999-0000-7000-8000-000000000000',
      headers: bearer(token),
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.body).toBe(missing.body);
    const slugs = (await t.inject({ method: 'GET', url: '/api/v1/engagements', headers: bearer(token) }))
      .json()
      .items.map((e: { slug: string }) => e.slug);
    expect(slugs).toEqual(['harborline']);
  });

  it('keeps a token to the role it was given, below its owner’s', async () => {
    const manager = await t.as('maria.chen@northwind.example');
    const token = (await manager.post('/api/v1/auth/tokens', { name: 'Read only', role: 'viewer' })).json()
      .token as string;
    const url = teamsIn('maplegrove');
    expect((await t.inject({ method: 'GET', url, headers: bearer(token) })).statusCode).toBe(200);
    const before = await countTeams();
    const write = await t.inject({
      method: 'POST',
      url,
      headers: bearer(token),
      payload: { name: 'Viewer token team', party: 'provider' },
    });
    expect(write.statusCode).toBe(403);
    expect(await countTeams()).toBe(before);
    // The owner herself still may.
    expect((await manager.post(url, { name: 'Maria’s own team', party: 'provider' })).statusCode).toBe(201);
  });

  it('never lets a token do more than its owner may, whatever role it names', async () => {
    const viewer = await t.as('olivia.grant@maplegrove.example');
    const created = await viewer.post('/api/v1/auth/tokens', { name: 'Wishful', role: 'admin' });
    const token = created.json().token as string;
    const before = await countTeams();
    const write = await t.inject({
      method: 'POST',
      url: teamsIn('maplegrove'),
      headers: bearer(token),
      payload: { name: 'Viewer escalation', party: 'internal' },
    });
    expect(write.statusCode).toBe(403);
    expect(await countTeams()).toBe(before);
  });

  it('will not scope a token to an engagement its owner is not in', async () => {
    const manager = await t.as('priya.sharma@harborline.example');
    const before = (await manager.get('/api/v1/auth/tokens')).json().items.length;
    const refused = await manager.post('/api/v1/auth/tokens', {
      name: 'Sneaky',
      engagementIds: [t.engagements.maplegrove],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].path).toBe('/engagementIds');
    expect(refused.body).not.toContain('tdm_');
    expect((await manager.get('/api/v1/auth/tokens')).json().items.length).toBe(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';

interface AuditItem {
  seq: number;
  at: string;
  action: string;
  actor: { id: string; name: string } | null;
  party: string | null;
  targetType: string;
  targetId: string | null;
}

interface AuditPage {
  items: AuditItem[];
  nextCursor: string | null;
}

/** The demo loads at START; the test then moves the clock to place records in known windows. */
const START = Date.parse('2031-03-03T09:00:00.000Z');
const HOUR = 3_600_000;

describe.each(await testDatabases())('the engagement audit log on $name', (database) => {
  let t: TestTandem;
  let clock = START;
  let priya: Client;
  let admin: Client;
  let harborline: string;
  let priyaId: string;
  let tomId: string;
  /** Teams created in the window [START+1h, START+2h). */
  const windowTeams: string[] = [];

  const page = async (client: Client, query: Record<string, string | number>): Promise<AuditPage> => {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const response = await client.get(`/api/v1/engagements/${harborline}/audit?${search}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  /** Follows nextCursor to the end, returning every page. */
  const allPages = async (client: Client, query: Record<string, string | number>): Promise<AuditPage[]> => {
    const pages = [await page(client, query)];
    for (let cursor = pages[0]?.nextCursor; cursor; cursor = pages[pages.length - 1]?.nextCursor) {
      pages.push(await page(client, { ...query, cursor }));
    }
    return pages;
  };

  beforeAll(async () => {
    t = await startTestTandem(database, { now: () => new Date(clock) });
    harborline = t.engagements.harborline ?? '';
    priya = await t.as('priya.sharma@harborline.example');
    admin = await t.as('admin@northwind.example');
    const db = t.tandem.handle.db;
    const idOf = async (email: string) =>
      (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    priyaId = await idOf('priya.sharma@harborline.example');
    tomId = await idOf('tom.eriksen@harborline.example');

    clock = START + HOUR;
    for (const name of ['Dock Scanners', 'Yard Wi-Fi', 'Cold Store Sensors']) {
      const created = await priya.post(`/api/v1/engagements/${harborline}/teams`, {
        name,
        party: 'internal',
      });
      expect(created.statusCode).toBe(201);
      windowTeams.push(created.json().id);
      clock += 60_000;
    }
    clock = START + 2 * HOUR;
    expect(
      (await admin.patch(`/api/v1/engagements/${harborline}/members/${tomId}`, { role: 'analyst' }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await admin.post(`/api/v1/engagements/${harborline}/teams`, {
          name: 'Provider Yard Crew',
          party: 'provider',
        })
      ).statusCode,
    ).toBe(201);
    clock = START + 3 * HOUR;
  });
  afterAll(() => t?.close());

  it('shows the newest change first, with who did it and for which party', async () => {
    const { items } = await page(priya, { limit: 2 });
    expect(items.map((e) => e.action)).toEqual(['team.created', 'member.role_changed']);
    expect(items[0]).toMatchObject({
      actor: { name: 'Alex Morgan' },
      party: 'provider',
      targetType: 'team',
      at: new Date(START + 2 * HOUR).toISOString(),
    });
    expect(items[1]).toMatchObject({
      actor: { name: 'Alex Morgan' },
      party: 'provider',
      targetType: 'member',
      targetId: tomId,
    });
    expect(items[0]?.seq).toBeGreaterThan(items[1]?.seq ?? Number.POSITIVE_INFINITY);
  });

  it('filters by action', async () => {
    const { items } = await page(priya, { action: 'member.role_changed' });
    expect(items.map((e) => e.targetId)).toEqual([tomId]);
    expect((await page(priya, { action: 'no.such_action' })).items).toEqual([]);
  });

  it('filters by who acted', async () => {
    const { items } = await page(priya, { actorId: priyaId, limit: 200 });
    expect(items.map((e) => e.targetId)).toEqual([...windowTeams].reverse());
    expect(items.every((e) => e.actor?.id === priyaId && e.party === 'internal')).toBe(true);
  });

  it('filters by kind of record', async () => {
    const { items } = await page(priya, { targetType: 'team', limit: 200 });
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.every((e) => e.targetType === 'team')).toBe(true);
    expect(items.map((e) => e.targetId)).toEqual(expect.arrayContaining(windowTeams));
  });

  it('filters by time, from since (inclusive) to until (exclusive)', async () => {
    const window = await page(priya, {
      since: new Date(START + HOUR).toISOString(),
      until: new Date(START + 2 * HOUR).toISOString(),
    });
    expect(window.items.map((e) => e.targetId)).toEqual([...windowTeams].reverse());
    const later = await page(priya, { since: new Date(START + 2 * HOUR).toISOString() });
    expect(later.items.map((e) => e.action)).toEqual(['team.created', 'member.role_changed']);
    const before = await page(priya, { until: new Date(START + HOUR).toISOString(), limit: 200 });
    expect(before.items.every((e) => Date.parse(e.at) < START + HOUR)).toBe(true);
    expect(before.items.some((e) => windowTeams.includes(e.targetId ?? ''))).toBe(false);
  });

  it('combines filters', async () => {
    const { items } = await page(priya, {
      targetType: 'team',
      actorId: priyaId,
      since: new Date(START + HOUR + 60_000).toISOString(),
    });
    expect(items.map((e) => e.targetId)).toEqual([windowTeams[2], windowTeams[1]]);
  });

  it('pages through the whole log without overlap, ending with a null cursor', async () => {
    const whole = await page(priya, { limit: 200 });
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.length).toBeGreaterThan(7);
    const pages = await allPages(priya, { limit: 3 });
    expect(pages.length).toBe(Math.ceil(whole.items.length / 3));
    expect(pages.slice(0, -1).every((p) => p.items.length === 3 && p.nextCursor !== null)).toBe(true);
    expect(pages[pages.length - 1]?.nextCursor).toBeNull();
    const seqs = pages.flatMap((p) => p.items.map((e) => e.seq));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual(whole.items.map((e) => e.seq));
  });

  it('keeps the filter while paging', async () => {
    const pages = await allPages(priya, { actorId: priyaId, limit: 2 });
    expect(pages.map((p) => p.items.length)).toEqual([2, 1]);
    expect(pages.flatMap((p) => p.items.map((e) => e.targetId))).toEqual([...windowTeams].reverse());
  });

  it('is open to viewers and managers but not to agents or requesters', async () => {
    const viewer = await t.as('george.white@harborline.example');
    expect((await viewer.get(`/api/v1/engagements/${harborline}/audit`)).statusCode).toBe(200);
    const agent = await t.as('ana.lopez@harborline.example');
    const refused = await agent.get(`/api/v1/engagements/${harborline}/audit`);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const requester = await t.as('nina.kowalski@harborline.example');
    expect((await requester.get(`/api/v1/engagements/${harborline}/audit`)).statusCode).toBe(403);
  });

  it('answers a cursor it did not issue with a 422 problem naming the cursor', async () => {
    for (const cursor of ['not-a-cursor!', Buffer.from('{"seq":1}').toString('base64url')]) {
      const response = await priya.get(
        `/api/v1/engagements/${harborline}/audit?cursor=${encodeURIComponent(cursor)}`,
      );
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        status: 422,
        errors: [expect.objectContaining({ path: 'query:/cursor' })],
      });
    }
  });

  it('refuses a malformed time filter as a bad request naming the field', async () => {
    const response = await priya.get(`/api/v1/engagements/${harborline}/audit?since=yesterday`);
    // Schema violations are 400; 422 is for well-formed input that breaks a rule (like a cursor).
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toEqual([
      expect.objectContaining({ path: expect.stringContaining('since') }),
    ]);
  });
});

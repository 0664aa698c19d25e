import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';

// 02:00 on Wednesday 25 Nov 2026 in Chicago (CST, UTC−6).
const NIGHT = '2026-11-25T08:00:00.000Z';

describe.each(await testDatabases())('matrix sign-off and routing on $name', (database) => {
  let t: TestTandem;
  let priya: Client; // internal manager
  let maria: Client; // provider manager
  let base: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startTestTandem(database, { now: () => new Date(NIGHT) });
    priya = await t.as('priya.sharma@harborline.example');
    maria = await t.as('maria.chen@northwind.example');
    base = `/api/v1/engagements/${t.engagements.harborline}`;
    const user = (email: string) => t.userId(email);
    const weekly = (name: string, users: string[]) => ({
      name,
      start: '2026-11-02T09:00',
      turn: { unit: 'weeks', length: 1 },
      users,
    });
    const schedule = async (name: string, track: string, users: string[]) => {
      const created = await maria.post(`${base}/schedules`, {
        name,
        timeZone: 'America/Chicago',
        track,
        party: 'provider',
        layers: [weekly('Weekly', users)],
      });
      expect(created.statusCode, created.body).toBe(201);
      return created.json().id as string;
    };
    ids = {
      dana: await user('dana.reyes@northwind.example'),
      kim: await user('kim.nguyen@northwind.example'),
      jordan: await user('jordan.blake@northwind.example'),
      lee: await user('lee.okafor@northwind.example'),
    };
    ids.soc = await schedule('Night SOC', 'security', [ids.dana!, ids.kim!]);
    ids.noc = await schedule('Night NOC', 'operations', [ids.jordan!, ids.lee!]);
    const calendars = (await priya.get(`${base}/calendars`)).json().items as { id: string; name: string }[];
    ids.hours = calendars.find((c) => c.name === 'Harborline business hours')!.id;
  });
  afterAll(() => t.close());

  const draft = async () => (await priya.get(`${base}/matrix`)).json();
  const withCell = (matrix: { cells: unknown[] }, coverage: unknown[]) => ({
    ...matrix,
    cells: [
      {
        functionKey: 'security-monitoring',
        scenarioKey: 'incident',
        active: true,
        raci: [
          { party: 'internal', teamId: null, role: 'A' },
          { party: 'provider', teamId: null, role: 'R' },
        ],
        coverage,
        handoff: 'Call the on-call engineer, then post in the shared channel.',
        escalationPolicy: 'Security P1',
        runbookUrl: 'https://runbooks.example/soc',
      },
    ],
  });
  const signBoth = async () => {
    for (const manager of [priya, maria]) {
      const signed = await manager.post(`${base}/matrix/sign`, { contentHash: (await draft()).contentHash });
      expect(signed.statusCode, signed.body).toBe(200);
    }
  };
  const route = (track: string) =>
    priya.post(`${base}/routing/resolve`, {
      functionKey: 'security-monitoring',
      scenario: 'incident',
      track,
      at: NIGHT,
    });

  it('routes nothing before any matrix is signed', async () => {
    const none = await route('security');
    expect(none.statusCode).toBe(409);
    expect(none.json().detail).toMatch(/must sign/);
  });

  it('takes effect only with both signatures; an unsigned draft never changes routing', async () => {
    const always = [{ when: 'always', calendarId: null, party: 'internal', teamId: null, schedules: {} }];
    expect((await priya.put(`${base}/matrix`, withCell((await draft()).matrix, always))).statusCode).toBe(
      200,
    );
    await signBoth();
    const first = (await route('security')).json();
    expect(first).toMatchObject({ matrixVersion: 1, party: 'internal', users: [] });

    const split = [
      { when: 'business_hours', calendarId: ids.hours, party: 'internal', teamId: null, schedules: {} },
      {
        when: 'after_hours',
        calendarId: ids.hours,
        party: 'provider',
        teamId: null,
        schedules: { security: ids.soc, operations: ids.noc },
      },
    ];
    expect((await priya.put(`${base}/matrix`, withCell((await draft()).matrix, split))).statusCode).toBe(200);
    expect((await route('security')).json()).toMatchObject({ matrixVersion: 1, party: 'internal' });

    const hash = (await draft()).contentHash;
    expect((await priya.post(`${base}/matrix/sign`, { contentHash: hash })).json().signatures).toHaveLength(
      1,
    );
    expect((await route('security')).json()).toMatchObject({ matrixVersion: 1, party: 'internal' });
    expect((await maria.post(`${base}/matrix/sign`, { contentHash: hash })).json().inEffect).toBe(2);

    // Weekly turns from Mon 2 Nov 09:00: Dana, Kim, Dana, Kim — Kim has the week of 23 Nov.
    const security = (await route('security')).json();
    expect(security).toMatchObject({ matrixVersion: 2, party: 'provider', scheduleId: ids.soc });
    expect(security.users).toEqual([{ id: ids.kim, name: 'Kim Nguyen' }]);
    expect(security.reasons.join(' → ')).toMatch(/after hours.*provider.*security.*SOC.*Kim Nguyen/);
    // The operational rota, never the SOC: Jordan, Lee, Jordan, Lee — Lee has that week.
    const operations = (await route('operations')).json();
    expect(operations).toMatchObject({ party: 'provider', scheduleId: ids.noc });
    expect(operations.users).toEqual([{ id: ids.lee, name: 'Lee Okafor' }]);

    const versions = (await priya.get(`${base}/matrix/versions`)).json().items;
    expect(versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(versions[0].signatures.map((s: { party: string }) => s.party).sort()).toEqual([
      'internal',
      'provider',
    ]);
    expect(versions[0].changes.length).toBeGreaterThan(0);
  });

  it('maps coverage: the provider pages after hours, business hours are internal on paper with nobody paged', async () => {
    // Mon 9 Nov 00:00 to Mon 16 Nov 00:00 in Chicago (CST): Kim has the SOC week from Mon 09:00.
    const map = (
      await priya.get(`${base}/coverage?from=2026-11-09T06:00:00Z&to=2026-11-16T06:00:00Z`)
    ).json();
    expect(map.matrixVersion).toBe(2);
    const line = map.lines.find(
      (l: { functionKey: string; track: string }) =>
        l.functionKey === 'security-monitoring' && l.track === 'security',
    );
    // Tuesday 08:00–12:00 local (14:00–18:00Z) is the internal team's, and nobody is on call for it.
    expect(line.gaps).toContainEqual({
      start: '2026-11-10T14:00:00.000Z',
      end: '2026-11-10T18:00:00.000Z',
      party: 'internal',
    });
    // Tuesday's lunch hour is after hours on that calendar: Kim (SOC) covers it.
    const lunch = line.spans.find((s: { start: string }) => s.start === '2026-11-10T18:00:00.000Z');
    expect(lunch).toMatchObject({ end: '2026-11-10T19:00:00.000Z', party: 'provider', scheduleId: ids.soc });
    expect(lunch.users).toEqual([{ id: ids.kim, name: 'Kim Nguyen' }]);
    // Business hours: Monday to Friday × 8 h = 40 h uncovered of 168.
    expect(line.coveredMinutes).toBe((168 - 40) * 60);
    // The cell is owned and covered around the clock; rows nobody has taken on yet are listed.
    const gaps = (await priya.get(`${base}/matrix/gaps?version=effective`)).json().items;
    expect(gaps.filter((g: { functionKey?: string }) => g.functionKey === 'security-monitoring')).toEqual([]);
    expect(gaps.map((g: { functionKey?: string }) => g.functionKey)).toContain('network');
  });

  it('gives a new ticket with a function its owner, team and on-call person from the matrix', async () => {
    const tom = await t.as('tom.eriksen@harborline.example');
    const ticket = (
      await tom.post(`${base}/tickets`, {
        title: 'EDR alert on WMS-APP01',
        kind: 'incident',
        functionKey: 'security-monitoring',
      })
    ).json();
    expect(ticket).toMatchObject({ ownerParty: 'provider', assigneeId: ids.kim });
    const activity = (await tom.get(`${base}/tickets/${ticket.id}/activity`)).json().items;
    const routed = activity.find((a: { kind: string }) => a.kind === 'routed');
    expect(routed.data.reasons.join(' → ')).toMatch(/matrix version 2.*after hours.*Kim Nguyen/);
    // An owner given by hand wins over the matrix.
    const own = (
      await tom.post(`${base}/tickets`, {
        title: 'Ours',
        functionKey: 'security-monitoring',
        ownerParty: 'internal',
      })
    ).json();
    expect(own).toMatchObject({ ownerParty: 'internal', assigneeId: null });
  });

  it('clears signatures when the draft changes, and refuses a signature on content not seen', async () => {
    const current = await draft();
    const hash = current.contentHash;
    const edited = {
      ...current.matrix,
      cells: current.matrix.cells.map((c: object) => ({ ...c, handoff: 'Phone first.' })),
    };
    await priya.put(`${base}/matrix`, edited);
    const stale = await maria.post(`${base}/matrix/sign`, { contentHash: hash });
    expect(stale.statusCode).toBe(409);
    const fresh = await draft();
    expect(
      (await maria.post(`${base}/matrix/sign`, { contentHash: fresh.contentHash })).json().signatures,
    ).toHaveLength(1);
    await priya.put(`${base}/matrix`, {
      ...edited,
      cells: edited.cells.map((c: object) => ({ ...c, handoff: 'Page first.' })),
    });
    expect((await draft()).signatures).toEqual([]);
    // Edited back to the version in effect, the draft is gone: nothing is left to sign.
    await priya.put(`${base}/matrix`, current.matrix);
    expect(await draft()).toMatchObject({ updatedAt: null, contentHash: hash, signatures: [] });
    expect((await maria.post(`${base}/matrix/sign`, { contentHash: hash })).statusCode).toBe(409);
  });

  it('refuses to sign a draft with problems and lets only managers edit', async () => {
    const current = await draft();
    const broken = {
      ...current.matrix,
      cells: current.matrix.cells.map((c: { raci: unknown[] }) => ({ ...c, raci: [] })),
    };
    await priya.put(`${base}/matrix`, broken);
    const problems = (await draft()).problems;
    expect(problems.map((p: { message: string }) => p.message).join(' ')).toMatch(/Accountable/);
    const refused = await priya.post(`${base}/matrix/sign`, { contentHash: (await draft()).contentHash });
    expect(refused.statusCode).toBe(422);
    const tom = await t.as('tom.eriksen@harborline.example');
    expect((await tom.put(`${base}/matrix`, current.matrix)).statusCode).toBe(403);
  });
});

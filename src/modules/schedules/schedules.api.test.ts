import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';

describe.each(await testDatabases())('on-call schedules on $name', (database) => {
  let t: TestTandem;
  let maria: Client; // provider manager
  let sam: Client; // provider agent
  let george: Client; // internal viewer
  let base: string;
  let jordan: string;
  let lee: string;
  let scheduleId: string;

  beforeAll(async () => {
    t = await startTestTandem(database);
    maria = await t.as('maria.chen@northwind.example');
    sam = await t.as('sam.patel@northwind.example');
    george = await t.as('george.white@harborline.example');
    base = `/api/v1/engagements/${t.engagements.harborline}`;
    jordan = await t.userId('jordan.blake@northwind.example');
    lee = await t.userId('lee.okafor@northwind.example');
    const created = await maria.post(`${base}/schedules`, {
      name: 'Test rota',
      timeZone: 'America/New_York',
      track: 'operations',
      party: 'provider',
      layers: [
        {
          name: 'Weekly',
          start: '2026-10-26T09:00',
          turn: { unit: 'weeks', length: 1 },
          users: [jordan, lee],
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    scheduleId = created.json().id;
  });
  afterAll(() => t.close());

  const onCall = async (at: string) =>
    (await sam.get(`${base}/schedules/${scheduleId}/oncall?at=${at}`))
      .json()
      .users.map((u: { name: string }) => u.name);

  it('hands over at 09:00 local on both sides of the November DST change', async () => {
    // Jordan from Mon 26 Oct 09:00 EDT (13:00Z); Lee from Mon 2 Nov 09:00 EST (14:00Z).
    expect(await onCall('2026-11-02T13:30:00Z')).toEqual(['Jordan Blake']);
    expect(await onCall('2026-11-02T14:00:00Z')).toEqual(['Lee Okafor']);
    const shifts = (
      await sam.get(
        `${base}/schedules/${scheduleId}/shifts?from=2026-10-26T00:00:00Z&to=2026-11-09T00:00:00Z`,
      )
    ).json();
    expect(shifts.shifts).toEqual([
      { userId: jordan, start: '2026-10-26T13:00:00.000Z', end: '2026-11-02T14:00:00.000Z' },
      { userId: lee, start: '2026-11-02T14:00:00.000Z', end: '2026-11-09T00:00:00.000Z' },
    ]);
    expect(shifts.gaps).toEqual([{ start: '2026-10-26T00:00:00.000Z', end: '2026-10-26T13:00:00.000Z' }]);
  });

  it('lets an override win for its span, and time off open a gap', async () => {
    const override = await sam.post(`${base}/schedules/${scheduleId}/overrides`, {
      userId: await t.userId('sam.patel@northwind.example'),
      start: '2026-11-03T00:00:00Z',
      end: '2026-11-03T06:00:00Z',
    });
    expect(override.statusCode, override.body).toBe(201);
    expect(await onCall('2026-11-03T03:00:00Z')).toEqual(['Sam Patel']);
    expect(await onCall('2026-11-03T07:00:00Z')).toEqual(['Lee Okafor']);

    const away = await maria.post(`${base}/time-off`, {
      userId: lee,
      start: '2026-11-04T00:00:00Z',
      end: '2026-11-05T00:00:00Z',
      reason: 'Dentist',
    });
    expect(away.statusCode, away.body).toBe(201);
    expect(await onCall('2026-11-04T12:00:00Z')).toEqual([]);
    const gaps = (
      await sam.get(
        `${base}/schedules/${scheduleId}/shifts?from=2026-11-04T00:00:00Z&to=2026-11-06T00:00:00Z`,
      )
    ).json().gaps;
    expect(gaps).toEqual([{ start: '2026-11-04T00:00:00.000Z', end: '2026-11-05T00:00:00.000Z' }]);
    // The other party sees the rota but cannot change it.
    const tom = await t.as('tom.eriksen@harborline.example');
    const theirs = await tom.post(`${base}/schedules/${scheduleId}/overrides`, {
      userId: lee,
      start: '2026-11-06T00:00:00Z',
      end: '2026-11-06T06:00:00Z',
    });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json().detail).toMatch(/provider team runs this schedule/);
    const priya = await t.as('priya.sharma@harborline.example');
    const elsewhere = { userId: lee, start: '2026-12-01T00:00:00Z', end: '2026-12-02T00:00:00Z' };
    expect((await priya.post(`${base}/time-off`, elsewhere)).statusCode).toBe(403);
    // An agent enters only their own time off.
    const forSomeoneElse = await sam.post(`${base}/time-off`, {
      userId: lee,
      start: '2026-12-01T00:00:00Z',
      end: '2026-12-02T00:00:00Z',
    });
    expect(forSomeoneElse.statusCode).toBe(403);
  });

  it('lists a person’s own shifts across schedules', async () => {
    const lees = await t.as('lee.okafor@northwind.example');
    const mine = (
      await lees.get(`${base}/my-shifts?from=2026-11-02T00:00:00Z&to=2026-11-09T00:00:00Z`)
    ).json();
    const onTestRota = mine.shifts.filter((s: { scheduleId: string }) => s.scheduleId === scheduleId);
    // Lee from Mon 2 Nov 09:00 EST, less the override (3 Nov 00:00–06:00) and the day off on 4 Nov.
    expect(onTestRota.map((s: { start: string; end: string }) => [s.start, s.end])).toEqual([
      ['2026-11-02T14:00:00.000Z', '2026-11-03T00:00:00.000Z'],
      ['2026-11-03T06:00:00.000Z', '2026-11-04T00:00:00.000Z'],
      ['2026-11-05T00:00:00.000Z', '2026-11-09T00:00:00.000Z'],
    ]);
  });

  it('refuses a local time that does not exist, the other party’s staff and a viewer', async () => {
    const body = {
      name: 'Spring',
      timeZone: 'America/New_York',
      track: 'security',
      party: 'provider',
      layers: [
        { name: 'Daily', start: '2026-03-08T02:30', turn: { unit: 'days', length: 1 }, users: [jordan] },
      ],
    };
    const gap = await maria.post(`${base}/schedules`, body);
    expect(gap.statusCode).toBe(422);
    expect(gap.json().errors[0]).toMatchObject({ path: '/layers/0/start' });
    expect(gap.json().errors[0].message).toMatch(/does not exist/);
    const tom = await t.userId('tom.eriksen@harborline.example');
    const wrongParty = await maria.post(`${base}/schedules`, {
      ...body,
      layers: [{ ...body.layers[0], start: '2026-03-09T09:00', users: [tom] }],
    });
    expect(wrongParty.statusCode).toBe(422);
    expect(wrongParty.json().errors).toEqual([
      { path: '/layers/0/users/0', message: 'is not provider staff of this engagement' },
    ]);
    expect((await george.post(`${base}/schedules`, body)).statusCode).toBe(403);
    expect((await george.get(`${base}/schedules/${scheduleId}`)).statusCode).toBe(200);
    const again = await maria.get(`${base}/schedules/${scheduleId}`);
    const { id: _id, createdAt: _c, updatedAt: _u, ...same } = again.json() as Record<string, unknown>;
    expect((await maria.post(`${base}/schedules`, same)).statusCode).toBe(409);
  });
});

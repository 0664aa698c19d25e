import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import type { SlaPolicy, SlaTarget } from './policy-schema.ts';

describe.each(await testDatabases())('SLA policies on $name', (database) => {
  let t: TestTandem;
  let priya: Client; // internal manager
  let george: Client; // viewer
  let base: string;
  /** The demo's calendars of harborline. */
  let always: string;
  let office: string;

  const policies = async (): Promise<SlaPolicy[]> => (await priya.get(base)).json().items;
  const latestAudit = async (action: string) => {
    const page = await priya.get(`/api/v1/engagements/${t.engagements.harborline}/audit?action=${action}`);
    expect(page.statusCode).toBe(200);
    return page.json().items[0];
  };
  const target = (overrides: Partial<SlaTarget> = {}): SlaTarget => ({
    party: 'provider',
    kind: 'first_response',
    priority: 'P1',
    minutes: 10,
    calendarId: always,
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestTandem(database);
    priya = await t.as('priya.sharma@harborline.example');
    george = await t.as('george.white@harborline.example');
    base = `/api/v1/engagements/${t.engagements.harborline}/sla-policies`;
    const calendars = (await priya.get(`/api/v1/engagements/${t.engagements.harborline}/calendars`)).json()
      .items as { id: string; name: string }[];
    always = calendars.find((c) => c.name === '24×7')?.id ?? '';
    office = calendars.find((c) => c.name === 'Harborline business hours')?.id ?? '';
  });
  afterAll(() => t?.close());

  it('holds the demo’s Standard policy: both parties’ targets, on 24×7 or business hours', async () => {
    const [standard, ...others] = await policies();
    expect(others).toEqual([]);
    expect(standard).toMatchObject({ name: 'Standard', ticketKinds: [], warnPercent: 75 });
    expect(standard?.targets).toHaveLength(22);
    expect(standard?.targets).toEqual(
      expect.arrayContaining([
        target({ kind: 'first_response', priority: 'P1', minutes: 15, calendarId: always }),
        target({ kind: 'resolution', priority: 'P4', minutes: 2400, calendarId: office }),
        { party: 'internal', kind: 'change_approval', priority: 'P2', minutes: 960, calendarId: office },
        { party: 'internal', kind: 'incident_join', priority: 'P1', minutes: 15, calendarId: always },
      ]),
    );
    expect(standard?.targets.filter((t) => t.kind === 'update').map((t) => t.priority)).toEqual(['P1', 'P2']);
  });

  it('creates a policy for some ticket kinds and replaces it, recording both', async () => {
    const created = await priya.post(base, {
      name: 'Security incidents',
      ticketKinds: ['incident', 'problem'],
      targets: [target({ minutes: 10 }), target({ party: 'internal', kind: 'incident_join', minutes: 10 })],
    });
    expect(created.statusCode, created.body).toBe(201);
    const policy = created.json() as SlaPolicy;
    expect(policy).toMatchObject({
      name: 'Security incidents',
      ticketKinds: ['incident', 'problem'],
      warnPercent: 75,
    });
    expect((await priya.get(`${base}/${policy.id}`)).json()).toEqual(policy);
    expect(await latestAudit('sla_policy.created')).toMatchObject({
      actor: { name: 'Priya Sharma' },
      party: 'internal',
      targetType: 'sla_policy',
      targetId: policy.id,
      after: { name: 'Security incidents', ticketKinds: ['incident', 'problem'] },
    });

    const replaced = await priya.put(`${base}/${policy.id}`, {
      name: 'Incidents',
      ticketKinds: ['incident'],
      warnPercent: 50,
      targets: [target({ minutes: 5 })],
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({
      id: policy.id,
      name: 'Incidents',
      ticketKinds: ['incident'],
      warnPercent: 50,
      targets: [target({ minutes: 5 })],
      createdAt: policy.createdAt,
    });
    expect(await latestAudit('sla_policy.updated')).toMatchObject({
      targetId: policy.id,
      before: { name: 'Security incidents', warnPercent: 75 },
      after: { name: 'Incidents', warnPercent: 50 },
    });
    expect((await policies()).map((p) => p.name)).toEqual(['Incidents', 'Standard']);
  });

  it('refuses targets it could not run: an unknown calendar, a repeated target, a bad share', async () => {
    const admin = await t.as('admin@northwind.example');
    const clinicCalendar = (
      await admin.get(`/api/v1/engagements/${t.engagements.maplegrove}/calendars`)
    ).json().items[0].id as string;
    const unknown = await priya.post(base, {
      name: 'Changes',
      ticketKinds: ['change'],
      targets: [
        target(),
        target({ priority: 'P2' }),
        target({ priority: 'P3', calendarId: 'no-such-calendar' }),
        target({ priority: 'P4', calendarId: clinicCalendar }),
      ],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/targets/2/calendarId',
      '/targets/3/calendarId',
    ]);

    const repeated = await priya.post(base, {
      name: 'Changes',
      ticketKinds: ['change'],
      targets: [target(), target({ party: 'internal' }), target({ minutes: 99 })],
    });
    expect(repeated.statusCode).toBe(422);
    expect(repeated.json().errors).toEqual([expect.objectContaining({ path: '/targets/2' })]);

    for (const body of [
      { name: 'Changes', ticketKinds: ['change'], warnPercent: 100, targets: [] },
      { name: 'Changes', ticketKinds: ['change', 'change'], targets: [] },
      { name: 'Changes', ticketKinds: ['outage'], targets: [] },
      { name: 'Changes', ticketKinds: ['change'], targets: [target({ minutes: 0 })] },
      { name: 'Changes', ticketKinds: ['change'], targets: [target({ kind: 'coffee' as never })] },
    ]) {
      expect((await priya.post(base, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await policies()).map((p) => p.name)).not.toContain('Changes');
  });

  it('gives each ticket kind to one policy and has one catch-all', async () => {
    const claimed = await priya.post(base, {
      name: 'Changes',
      ticketKinds: ['change', 'incident'],
      targets: [],
    });
    expect(claimed.statusCode).toBe(409);
    expect(claimed.json().detail).toMatch(/“Incidents” already covers incident/);

    const secondCatchAll = await priya.post(base, { name: 'Everything else', ticketKinds: [], targets: [] });
    expect(secondCatchAll.statusCode).toBe(409);
    expect(secondCatchAll.json().detail).toMatch(/“Standard” is already the catch-all/);

    const changes = await priya.post(base, { name: 'Changes', ticketKinds: ['change'], targets: [] });
    expect(changes.statusCode).toBe(201);
    const id = changes.json().id as string;
    // Replacing a policy weighs it against the others, never against itself.
    expect(
      (await priya.put(`${base}/${id}`, { name: 'Changes', ticketKinds: ['change'], targets: [] }))
        .statusCode,
    ).toBe(200);
    expect(
      (await priya.put(`${base}/${id}`, { name: 'Changes', ticketKinds: [], targets: [] })).statusCode,
    ).toBe(409);
    expect(
      (await priya.put(`${base}/${id}`, { name: 'Standard', ticketKinds: ['change'], targets: [] }))
        .statusCode,
    ).toBe(409);
  });

  it('lets a viewer read policies but not write them', async () => {
    const [first] = await policies();
    expect((await george.get(base)).statusCode).toBe(200);
    expect((await george.get(`${base}/${first?.id}`)).statusCode).toBe(200);
    expect((await george.post(base, { name: 'Mine', ticketKinds: ['task'], targets: [] })).statusCode).toBe(
      403,
    );
    expect(
      (await george.put(`${base}/${first?.id}`, { name: 'Mine', ticketKinds: [], targets: [] })).statusCode,
    ).toBe(403);
  });

  it('answers another engagement’s policy as not found', async () => {
    const admin = await t.as('admin@northwind.example');
    const clinic = (await admin.get(`/api/v1/engagements/${t.engagements.maplegrove}/sla-policies`)).json()
      .items[0] as SlaPolicy;
    expect((await priya.get(`${base}/${clinic.id}`)).statusCode).toBe(404);
    expect(
      (await priya.put(`${base}/${clinic.id}`, { name: 'Taken', ticketKinds: ['task'], targets: [] }))
        .statusCode,
    ).toBe(404);
    expect((await priya.get(`/api/v1/engagements/${t.engagements.maplegrove}/sla-policies`)).statusCode).toBe(
      404,
    );
  });

  it('holds a ticket to the policy naming its kind, else to the catch-all', async () => {
    const { slaPolicies } = t.tandem.services;
    const db = t.tandem.handle.db;
    const harborline = t.engagements.harborline ?? '';
    const named = Object.fromEntries((await policies()).map((p) => [p.name, p.id]));

    const incident = await slaPolicies.targetsFor(db, harborline, { kind: 'incident', priority: 'P1' });
    expect(incident.policyId).toBe(named.Incidents);
    expect(incident.warnPercent).toBe(50);
    expect(incident.targetOf('provider', 'first_response')).toEqual({ minutes: 5, calendarId: always });
    // The catch-all's targets do not fill the gaps of a kind-specific policy.
    expect(incident.targetOf('provider', 'resolution')).toBeUndefined();

    const request = await slaPolicies.targetsFor(db, harborline, { kind: 'request', priority: 'P3' });
    expect(request.policyId).toBe(named.Standard);
    expect(request.warnPercent).toBe(75);
    expect(request.targetOf('provider', 'first_response')).toEqual({ minutes: 240, calendarId: office });
    expect(request.targetOf('internal', 'info_request_response')).toEqual({
      minutes: 480,
      calendarId: office,
    });
    expect(request.targetOf('provider', 'update')).toBeUndefined(); // no update cadence below P2

    const nothing = await slaPolicies.targetsFor(db, 'no-such-engagement', {
      kind: 'request',
      priority: 'P1',
    });
    expect(nothing.policyId).toBeNull();
    expect(nothing.warnPercent).toBe(75);
    expect(nothing.targetOf('provider', 'first_response')).toBeUndefined();
  });
});

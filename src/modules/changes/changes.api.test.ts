import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import type { Change } from './schema.ts';

interface ActivityItem {
  kind: string;
  data: Record<string, unknown>;
}

const FREEZE_DETAIL =
  'The window 18 Dec 2026 22:00 – 19 Dec 2026 02:00 UTC overlaps the freeze window “Year-end freeze” (18 Dec 2026 00:00 – 4 Jan 2027 00:00 UTC).';

/**
 * Change requests as both parties use them: the provider plans and carries out changes, the
 * internal team's managers approve them, freeze windows hold the calendar still.
 */
describe.each(await testDatabases())('change requests on $name', (database) => {
  let t: TestTandem;
  let sam: Client; // provider agent
  let maria: Client; // provider manager
  let priya: Client; // internal manager, Harborline
  let tom: Client; // internal agent, Harborline
  let george: Client; // viewer, Harborline
  let harborline: string;
  let maplegrove: string;
  // Tuesday 1 Dec 2026, 09:00 in Chicago: Harborline's business hours, so its clocks run.
  let clock = new Date('2026-12-01T15:00:00.000Z');
  const tick = (minutes = 1) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };

  const changesOf = (engagementId: string) => `/api/v1/engagements/${engagementId}/changes`;
  const url = (change: Change) => `${changesOf(change.engagementId)}/${change.id}`;
  const draft = async (client: Client, body: Record<string, unknown>, engagementId = harborline) => {
    const response = await client.post(changesOf(engagementId), {
      implementationPlan: 'Apply the update to both core switches, one at a time.',
      backoutPlan: 'Reload the previous firmware from flash.',
      testPlan: 'Ping the warehouse VLANs; scan a test parcel at dock 4.',
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Change;
  };
  const patchOk = async (client: Client, change: Change, body: Record<string, unknown>) => {
    tick();
    const response = await client.patch(url(change), body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Change;
  };
  const decideOk = async (client: Client, change: Change, body: Record<string, unknown>) => {
    tick();
    const response = await client.post(`${url(change)}/approvals`, body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Change;
  };
  const approved = async (title: string) => {
    const submitted = await patchOk(sam, await draft(sam, { title }), { state: 'submitted' });
    return decideOk(priya, submitted, { decision: 'approve' });
  };
  const ticketOf = async (change: Change) =>
    (await priya.get(`/api/v1/engagements/${change.engagementId}/tickets/${change.id}`)).json();
  const activityOf = async (change: Change) => {
    const response = await priya.get(
      `/api/v1/engagements/${change.engagementId}/tickets/${change.id}/activity`,
    );
    expect(response.statusCode).toBe(200);
    return response.json().items as ActivityItem[];
  };
  const moves = async (change: Change) =>
    (await activityOf(change)).filter((a) => a.kind === 'change_state').map((a) => [a.data.from, a.data.to]);
  const auditOf = async (action: string) => {
    const page = await priya.get(`/api/v1/engagements/${harborline}/audit?action=${action}&limit=200`);
    expect(page.statusCode).toBe(200);
    return page.json().items as { action: string; targetId: string }[];
  };
  const queueOf = async (client: Client) => {
    const response = await client.get(`${changesOf(harborline)}?awaitingMyApproval=true`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().items as Change[]).map((c) => c.id);
  };

  beforeAll(async () => {
    t = await startTestTandem(database, { now: () => clock });
    sam = await t.as('sam.patel@northwind.example');
    maria = await t.as('maria.chen@northwind.example');
    priya = await t.as('priya.sharma@harborline.example');
    tom = await t.as('tom.eriksen@harborline.example');
    george = await t.as('george.white@harborline.example');
    harborline = t.engagements.harborline ?? '';
    maplegrove = t.engagements.maplegrove ?? '';
    const freeze = await priya.post(`/api/v1/engagements/${harborline}/freeze-windows`, {
      name: 'Year-end freeze',
      reason: 'Peak shipping and the financial year-end close.',
      startsAt: '2026-12-18T00:00:00Z',
      endsAt: '2027-01-04T00:00:00Z',
    });
    expect(freeze.statusCode, freeze.body).toBe(201);
  });
  afterAll(() => t?.close());

  it('takes a provider agent’s normal change to the internal managers, with their approval clock running', async () => {
    const change = await draft(sam, {
      title: 'Core switch firmware 17.9',
      risk: 'high',
      impact: 'medium',
      affectedAssets: 'core-sw-01, core-sw-02',
    });
    expect(change).toMatchObject({
      number: expect.stringMatching(/^LOGI-\d+$/),
      type: 'normal',
      state: 'draft',
      risk: 'high',
      approverParty: 'internal',
      ownerParty: 'provider',
      approvalStatus: 'none',
      quorum: 1,
      approvals: [],
      approvalDueAt: null,
      allowedStates: ['submitted'],
      canApprove: false,
    });
    expect(await ticketOf(change)).toMatchObject({ kind: 'change', status: 'new', number: change.number });

    const submitted = await patchOk(sam, change, { state: 'submitted' });
    expect(submitted).toMatchObject({ state: 'submitted', approvalStatus: 'pending', allowedStates: [] });
    expect((await ticketOf(change)).status).toBe('waiting_on_internal');
    const approvalClock = submitted.slaClocks.find((c) => c.kind === 'change_approval');
    expect(approvalClock).toMatchObject({ party: 'internal', state: 'running', running: true });
    expect(submitted.approvalDueAt).toBe(approvalClock?.dueAt);
    expect(submitted.approvalDueAt).not.toBeNull();

    expect((await priya.get(url(change))).json().canApprove).toBe(true);
    expect(await queueOf(priya)).toContain(change.id);
    expect(await queueOf(sam)).toEqual([]);
  });

  it('owes the internal managers the same approval clock when the internal team owns the change', async () => {
    const change = await draft(tom, { title: 'Move the ERP database to new storage' });
    expect(change.ownerParty).toBe('internal');
    const submitted = await patchOk(tom, change, { state: 'submitted' });
    expect(submitted.slaClocks.find((c) => c.kind === 'change_approval')).toMatchObject({
      party: 'internal',
      running: true,
    });
    expect(submitted.approvalDueAt).not.toBeNull();
    const decided = await decideOk(priya, submitted, { decision: 'approve' });
    expect(decided.slaClocks.find((c) => c.kind === 'change_approval')?.state).toBe('met');
  });

  it('waits for a second approver when the quorum is two', async () => {
    const tooMany = await sam.post(changesOf(harborline), { title: 'Needs five', quorum: 5 });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().errors).toContainEqual(expect.objectContaining({ path: '/quorum' }));
    expect((await sam.post(changesOf(harborline), { title: 'Needs none', quorum: 0 })).statusCode).toBe(400);

    const ana = await t.userId('ana.lopez@harborline.example');
    const promoted = await priya.patch(`/api/v1/engagements/${harborline}/members/${ana}`, {
      role: 'manager',
    });
    expect(promoted.statusCode, promoted.body).toBe(200);
    const anaClient = await t.as('ana.lopez@harborline.example');

    const change = await patchOk(sam, await draft(sam, { title: 'Replace the WAN firewall', quorum: 2 }), {
      state: 'submitted',
    });
    const once = await decideOk(priya, change, { decision: 'approve', reason: 'Plan reviewed.' });
    expect(once).toMatchObject({ state: 'submitted', approvalStatus: 'pending', canApprove: false });
    expect(once.approvals).toEqual([
      expect.objectContaining({
        approverName: 'Priya Sharma',
        decision: 'approve',
        reason: 'Plan reviewed.',
      }),
    ]);
    const twice = await priya.post(`${url(change)}/approvals`, { decision: 'approve' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/already approved/);
    expect(await queueOf(priya)).not.toContain(change.id);
    expect(await queueOf(anaClient)).toContain(change.id);

    const done = await decideOk(anaClient, change, { decision: 'approve' });
    expect(done).toMatchObject({ state: 'approved', approvalStatus: 'approved', approvalDueAt: null });
    expect(done.approvals).toHaveLength(2);
    expect(done.allowedStates).toEqual(['scheduled']);
    expect((await ticketOf(change)).status).toBe('in_progress');
    expect(done.slaClocks.find((c) => c.kind === 'change_approval')?.state).toBe('met');
    const late = await anaClient.post(`${url(change)}/approvals`, { decision: 'reject', reason: 'Too late' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/not awaiting approval/);
  });

  it('refuses a window inside a freeze by naming it, and runs a change outside it to completion', async () => {
    const change = await approved('Rotate the VPN certificates');
    const noWindow = await sam.patch(url(change), { state: 'scheduled' });
    expect(noWindow.statusCode).toBe(422);
    expect(noWindow.json().errors).toContainEqual(expect.objectContaining({ path: '/windowStart' }));

    const frozen = await sam.patch(url(change), {
      windowStart: '2026-12-18T22:00:00Z',
      windowEnd: '2026-12-19T02:00:00Z',
      state: 'scheduled',
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.headers['content-type']).toContain('application/problem+json');
    expect(frozen.json().detail).toBe(FREEZE_DETAIL);
    expect((await sam.get(url(change))).json()).toMatchObject({ state: 'approved', windowStart: null });

    const scheduled = await patchOk(sam, change, {
      windowStart: '2026-12-10T22:00:00.000Z',
      windowEnd: '2026-12-11T02:00:00.000Z',
      state: 'scheduled',
    });
    expect(scheduled).toMatchObject({ state: 'scheduled', windowStart: '2026-12-10T22:00:00.000Z' });
    const moved = await sam.patch(url(change), {
      windowStart: '2026-12-18T22:00:00Z',
      windowEnd: '2026-12-19T02:00:00Z',
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().detail).toBe(FREEZE_DETAIL);

    await patchOk(sam, change, { state: 'in_progress' });
    const completed = await patchOk(sam, change, {
      state: 'completed',
      reason: 'Both gateways on the new chain.',
    });
    expect(completed).toMatchObject({ state: 'completed', allowedStates: [] });
    expect((await ticketOf(change)).status).toBe('resolved');
    expect(await moves(change)).toEqual([
      [null, 'draft'],
      ['draft', 'submitted'],
      ['submitted', 'approved'],
      ['approved', 'scheduled'],
      ['scheduled', 'in_progress'],
      ['in_progress', 'completed'],
    ]);
    for (const action of [
      'change.created',
      'change.submitted',
      'change.approval',
      'change.approved',
      'change.scheduled',
      'change.in_progress',
      'change.completed',
    ]) {
      expect(
        (await auditOf(action)).filter((e) => e.targetId === change.id),
        action,
      ).toHaveLength(1);
    }

    const calendar = async (from: string, to: string) =>
      ((await sam.get(`${changesOf(harborline)}?from=${from}&to=${to}`)).json().items as Change[]).map(
        (c) => c.id,
      );
    expect(await calendar('2026-12-10T00:00:00Z', '2026-12-11T00:00:00Z')).toContain(change.id);
    expect(await calendar('2026-12-11T02:00:00Z', '2026-12-12T00:00:00Z')).not.toContain(change.id);
  });

  it('rejects only with a reason, and lets the owner revise and resubmit', async () => {
    const change = await patchOk(sam, await draft(sam, { title: 'Retire the old print server' }), {
      state: 'submitted',
    });
    const bare = await priya.post(`${url(change)}/approvals`, { decision: 'reject' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().errors).toContainEqual(expect.objectContaining({ path: '/reason' }));

    const rejected = await decideOk(priya, change, {
      decision: 'reject',
      reason: 'Label printers still use it.',
    });
    expect(rejected).toMatchObject({
      state: 'rejected',
      approvalStatus: 'rejected',
      allowedStates: ['draft'],
    });
    expect((await ticketOf(change)).status).toBe('in_progress');
    const approvalEntry = (await activityOf(change)).find((a) => a.kind === 'change_approval');
    expect(approvalEntry?.data).toMatchObject({ decision: 'reject', reason: 'Label printers still use it.' });

    const locked = await sam.patch(url(change), { backoutPlan: 'Keep it running.' });
    expect(locked.statusCode).toBe(409);
    const revised = await patchOk(sam, change, {
      state: 'draft',
      title: 'Retire the old print server after the label move',
      backoutPlan: 'Move the label queues first; keep the VM for a week.',
    });
    expect(revised).toMatchObject({
      state: 'draft',
      approvalStatus: 'none',
      approvals: [],
      title: 'Retire the old print server after the label move',
      backoutPlan: 'Move the label queues first; keep the VM for a week.',
    });
    expect((await activityOf(change)).map((a) => a.kind)).toContain('change_updated');
    const again = await patchOk(sam, change, { state: 'submitted' });
    expect(again).toMatchObject({ state: 'submitted', approvalStatus: 'pending' });
    expect((await priya.post(`${url(change)}/approvals`, { decision: 'approve' })).statusCode).toBe(200);
  });

  it('lets only staff create and only the internal managers approve', async () => {
    const viewer = await george.post(changesOf(harborline), { title: 'Viewer change' });
    expect(viewer.statusCode).toBe(403);
    const change = await patchOk(sam, await draft(sam, { title: 'Wi-Fi controller upgrade' }), {
      state: 'submitted',
    });
    const agent = await tom.post(`${url(change)}/approvals`, { decision: 'approve' });
    expect(agent.statusCode).toBe(403);
    expect(agent.json().detail).toMatch(/change\.approve/);
    const providerManager = await maria.post(`${url(change)}/approvals`, { decision: 'approve' });
    expect(providerManager.statusCode).toBe(403);
    expect(providerManager.json().detail).toBe(
      'Changes in this engagement are approved by the internal party’s managers and admins. You are a manager of the provider party.',
    );
    expect((await maria.get(url(change))).json().canApprove).toBe(false);
    expect((await george.get(url(change))).json()).toMatchObject({ canApprove: false, allowedStates: [] });
    const notSubmitted = await draft(sam, { title: 'Still a draft' });
    expect((await priya.post(`${url(notSubmitted)}/approvals`, { decision: 'approve' })).statusCode).toBe(
      409,
    );
    expect((await sam.patch(url(change), { state: 'approved' })).statusCode).toBe(409);
  });

  it('answers another engagement’s change as not found', async () => {
    const clinic = await draft(sam, { title: 'Clinic PACS patch' }, maplegrove);
    expect((await priya.get(`${changesOf(harborline)}/${clinic.id}`)).statusCode).toBe(404);
    expect((await priya.get(`${changesOf(maplegrove)}/${clinic.id}`)).statusCode).toBe(404);
    expect(
      (await priya.post(`${changesOf(harborline)}/${clinic.id}/approvals`, { decision: 'approve' }))
        .statusCode,
    ).toBe(404);
    const ours = (await sam.get(`${changesOf(harborline)}?limit=200`)).json().items as Change[];
    expect(ours.map((c) => c.id)).not.toContain(clinic.id);
  });

  it('lets an emergency change go ahead during a freeze and collects its approval afterwards', async () => {
    const change = await draft(sam, {
      title: 'Block the exploited VPN portal',
      type: 'emergency',
      risk: 'high',
      windowStart: '2026-12-20T03:00:00Z',
      windowEnd: '2026-12-20T04:00:00Z',
    });
    const submitted = await patchOk(sam, change, { state: 'submitted' });
    expect(submitted).toMatchObject({
      state: 'submitted',
      approvalStatus: 'pending',
      allowedStates: ['scheduled'],
    });
    expect(submitted.approvalDueAt).not.toBeNull();
    expect((await ticketOf(change)).status).toBe('in_progress');

    const scheduled = await patchOk(sam, change, { state: 'scheduled' });
    expect(scheduled.state).toBe('scheduled');
    const override = (await activityOf(change)).find((a) => a.kind === 'change_freeze_overridden');
    expect(override?.data).toMatchObject({ name: 'Year-end freeze' });
    await patchOk(sam, change, { state: 'in_progress' });
    const completed = await patchOk(sam, change, { state: 'completed' });
    expect(completed).toMatchObject({ approvalStatus: 'pending', canApprove: false });
    expect(completed.approvalDueAt).toBe(submitted.approvalDueAt);
    // The ticket stays open until the approvers have had their say.
    expect((await ticketOf(change)).status).toBe('in_progress');
    expect(await queueOf(priya)).toContain(change.id);

    const decided = await decideOk(priya, change, { decision: 'approve', reason: 'Right call.' });
    expect(decided).toMatchObject({ state: 'completed', approvalStatus: 'approved', approvalDueAt: null });
    expect((await ticketOf(change)).status).toBe('resolved');
    expect(decided.slaClocks.find((c) => c.kind === 'change_approval')?.state).toBe('met');
  });

  it('approves a standard change from its template on submit', async () => {
    const templates = `/api/v1/engagements/${harborline}/change-templates`;
    const template = {
      name: 'Monthly Windows patching (pilot ring)',
      description: 'Second-Tuesday patches to the pilot ring.',
      implementationPlan: 'Approve the updates for the pilot ring in WSUS.',
      backoutPlan: 'Decline the updates and uninstall via WSUS.',
    };
    expect((await sam.post(templates, template)).statusCode).toBe(403);
    const created = await priya.post(templates, template);
    expect(created.statusCode, created.body).toBe(201);
    expect((await priya.post(templates, template)).statusCode).toBe(409);
    expect((await george.get(templates)).json().items).toEqual([expect.objectContaining({ risk: 'low' })]);

    const standard = await sam.post(changesOf(harborline), { type: 'standard' });
    expect(standard.statusCode).toBe(422);
    const change = await draft(sam, { templateId: created.json().id, implementationPlan: undefined });
    expect(change).toMatchObject({
      type: 'standard',
      title: template.name,
      templateId: created.json().id,
      implementationPlan: template.implementationPlan,
    });
    const submitted = await patchOk(sam, change, { state: 'submitted' });
    expect(submitted).toMatchObject({ state: 'approved', approvalStatus: 'approved', approvals: [] });
    expect(await moves(change)).toEqual([
      [null, 'draft'],
      ['draft', 'submitted'],
      ['submitted', 'approved'],
    ]);
    expect((await ticketOf(change)).status).toBe('in_progress');
  });

  it('filters by state and type and pages with a cursor', async () => {
    const submitted = (await sam.get(`${changesOf(harborline)}?state=submitted&type=normal`)).json()
      .items as Change[];
    expect(submitted.length).toBeGreaterThan(0);
    expect(submitted.every((c) => c.state === 'submitted' && c.type === 'normal')).toBe(true);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Change[]; nextCursor: string | null } = (
        await sam.get(`${changesOf(harborline)}?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await sam.get(`${changesOf(harborline)}?limit=200`)).json().items as Change[];
    expect(seen).toEqual(all.map((c) => c.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('lets managers manage freeze windows and everyone on staff read them', async () => {
    const freezes = `/api/v1/engagements/${harborline}/freeze-windows`;
    const body = { name: 'Audit week', startsAt: '2027-02-01T00:00:00Z', endsAt: '2027-02-08T00:00:00Z' };
    expect((await sam.post(freezes, body)).statusCode).toBe(403);
    expect((await priya.post(freezes, { ...body, endsAt: body.startsAt })).statusCode).toBe(422);
    const created = await maria.post(freezes, body);
    expect(created.statusCode, created.body).toBe(201);
    const listed = (await george.get(freezes)).json().items as { name: string }[];
    expect(listed.map((f) => f.name)).toEqual(['Year-end freeze', 'Audit week']);
    expect((await sam.delete(`${freezes}/${created.json().id}`)).statusCode).toBe(403);
    expect((await priya.delete(`${freezes}/${created.json().id}`)).statusCode).toBe(204);
    expect((await priya.delete(`${freezes}/${created.json().id}`)).statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { escalationWorld, type IncidentView, openIncident, runDueSteps } from './incidents.fixture.ts';

const at = (iso: string) => new Date(iso);

describe.each(await testDatabases())('an escalation that stops moving on $name', (database) => {
  let t: TestTandem;
  let now = at('2026-12-15T02:00:00Z');
  let sam: Client;
  let world: Awaited<ReturnType<typeof escalationWorld>>;

  beforeAll(async () => {
    t = await startTestTandem(database, { now: () => now });
    const admin = await t.as('admin@northwind.example');
    sam = await t.as('sam.patel@northwind.example');
    world = await escalationWorld(t, admin, 'Watch');
  });
  afterAll(() => t.close());

  const timeline = async (ticketId: string) =>
    (await sam.get(`${world.base}/tickets/${ticketId}/activity`)).json().items as {
      kind: string;
      data: Record<string, unknown>;
    }[];

  it('is flagged on its timeline and re-armed when its timer is lost', async () => {
    const policyId = await world.policy('lost', [
      { delayMinutes: 5, targets: [{ type: 'user', id: world.ids.sam }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: world.ids.lee }] },
    ]);
    const { incidentId } = await openIncident(t, now, { policyId });
    // The step's timer goes missing (a restored backup, a hand-edited table).
    await t.tandem.handle.db.deleteFrom('jobs').where('kind', '=', 'escalation.step').execute();
    now = at('2026-12-15T02:09:00Z');
    await runDueSteps(t, () => now);
    expect((await timeline(incidentId)).map((e) => e.kind)).toContain('escalation_stalled');
    await runDueSteps(t, () => now);
    const incident: IncidentView = (await sam.get(`${world.base}/tickets/${incidentId}/incident`)).json();
    expect(incident.escalation.pages.map((p) => p.level)).toEqual([1, 2]);
  });

  it('puts every delivery of a page on the incident’s timeline', async () => {
    const policyId = await world.policy('delivery', [
      { delayMinutes: 5, targets: [{ type: 'user', id: world.ids.sam }] },
    ]);
    const { incidentId } = await openIncident(t, now, { policyId });
    const incident: IncidentView & { escalation: { pages: { id: string }[] } } = (
      await sam.get(`${world.base}/tickets/${incidentId}/incident`)
    ).json();
    const pageId = incident.escalation.pages[0]!.id;
    await t.tandem.handle.db.transaction().execute((trx) =>
      t.tandem.services.paging.incidents.deliveries.record(trx, {
        engagementId: t.engagements.harborline!,
        pageId,
        channel: 'email',
        target: 'sam.patel@northwind.example',
        outcome: 'failed',
        error: 'mailbox unavailable',
        at: now,
      }),
    );
    const delivery = (await timeline(incidentId)).find((e) => e.kind === 'page_delivery');
    expect(delivery?.data).toEqual({
      pageId,
      userName: 'Sam Patel',
      channel: 'email',
      target: 'sam.patel@northwind.example',
      outcome: 'failed',
      error: 'mailbox unavailable',
    });
  });

  it('sends a security incident to the SOC track, never the operations rota', async () => {
    const { incidentId } = await openIncident(t, now, {
      track: 'security',
      title: 'EDR: ransomware note on wh-7',
    });
    const incident = (await sam.get(`${world.base}/tickets/${incidentId}/incident`)).json();
    expect(incident).toMatchObject({ security: true, track: 'security' });
    expect(incident.routeReasons).toContain('security track → SOC');
    expect(incident.checklist.map((s: { step: string }) => s.step)).toEqual([
      'contain',
      'eradicate',
      'recover',
      'lessons_learned',
    ]);
  });
});

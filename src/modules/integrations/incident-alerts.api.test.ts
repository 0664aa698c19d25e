import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { Alert, Integration } from './schema.ts';

/** The incidents module's hold on alerts: acknowledge and resolve them all, count them, raise Tandem's own. */
describe.each(await testDatabases())('incident alerts on $name', (database) => {
  let t: TestTandem;
  let priya: Client;
  let harborline: string;
  let clock = new Date('2026-12-02T08:00:00.000Z');
  const base = () => `/api/v1/engagements/${harborline}`;
  const alerts = async () => (await priya.get(`${base()}/alerts?limit=200`)).json().items as Alert[];
  const inTransaction = <T>(work: (trx: Trx) => Promise<T>) => t.tandem.handle.db.transaction().execute(work);
  const incidentAlerts = () => t.tandem.services.paging.alerts.incidentAlerts;

  beforeAll(async () => {
    t = await startTestTandem(database, { now: () => clock });
    priya = await t.as('priya.sharma@harborline.example');
    harborline = t.engagements.harborline ?? '';
  });
  afterAll(() => t?.close());

  it('raises Tandem’s own alerts under a built-in integration, a repeat re-triggering the same alert', async () => {
    const raise = () =>
      inTransaction((trx) =>
        incidentAlerts().raiseSystemAlert(trx, {
          engagementId: harborline,
          dedupKey: 'escalation-stalled:e1',
          summary: 'Escalation of HARB-1 stopped moving',
          severity: 'critical',
          customDetails: { escalationId: 'e1' },
          at: clock,
        }),
      );
    await raise();
    await raise();
    const own = (await alerts()).filter((a) => a.dedupKey === 'escalation-stalled:e1');
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({
      integrationName: 'Tandem',
      eventCount: 2,
      severity: 'critical',
      status: 'triggered',
    });
    expect(own[0]?.incidentId).toBeTruthy();
    const integrations = (await priya.get(`${base()}/integrations`)).json().items as Integration[];
    expect(integrations.filter((i) => i.type === 'tandem').map((i) => i.name)).toEqual(['Tandem']);
    const tandem = integrations.find((i) => i.type === 'tandem')!;
    const detail = (await priya.get(`${base()}/integrations/${tandem.id}`)).json();
    expect(detail).toMatchObject({
      ingestUrl: null,
      snippets: { curl: expect.stringContaining('Tandem raises') },
    });
  });

  it('acknowledges and resolves every open alert of an incident, and counts them', async () => {
    const integration = await priya.post(`${base()}/integrations`, { name: 'Nagios', type: 'pagerduty_v2' });
    const key = integration.json().key as string;
    const trigger = (dedupKey: string) =>
      t.inject({
        method: 'POST',
        url: '/v2/enqueue',
        payload: {
          routing_key: key,
          event_action: 'trigger',
          dedup_key: dedupKey,
          payload: { summary: dedupKey, source: 'nas', severity: 'error' },
        },
      });
    expect((await trigger('nas-raid')).statusCode).toBe(202);
    const [alert] = (await alerts()).filter((a) => a.dedupKey === 'nas-raid');
    const incidentId = alert!.incidentId!;
    const counts = await incidentAlerts().countByIncident(
      t.tandem.handle.db,
      [harborline],
      [incidentId, 'none'],
    );
    expect([...counts]).toEqual([[incidentId, 1]]);

    await inTransaction((trx) => incidentAlerts().acknowledgeAll(trx, harborline, incidentId, clock));
    expect((await alerts()).find((a) => a.id === alert!.id)).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: clock.toISOString(),
    });
    await inTransaction((trx) => incidentAlerts().resolveAll(trx, harborline, incidentId, clock));
    expect((await alerts()).find((a) => a.id === alert!.id)).toMatchObject({
      status: 'resolved',
      resolvedAt: clock.toISOString(),
    });

    // Resolved by a person: the next trigger of the key is a new alert.
    expect((await trigger('nas-raid')).statusCode).toBe(202);
    expect((await alerts()).filter((a) => a.dedupKey === 'nas-raid').map((a) => a.status)).toEqual([
      'triggered',
      'resolved',
    ]);
  });

  it('damps a flapping key: from the third re-trigger in 30 minutes its alerts join the latest incident', async () => {
    const integration = await priya.post(`${base()}/integrations`, { name: 'Flappy', type: 'pagerduty_v2' });
    const key = integration.json().key as string;
    const send = (action: string) => {
      clock = new Date(clock.getTime() + 2 * 60_000);
      return t.inject({
        method: 'POST',
        url: '/v2/enqueue',
        payload: {
          routing_key: key,
          event_action: action,
          dedup_key: 'vpn',
          payload: { summary: 'VPN down', source: 'fw', severity: 'error' },
        },
      });
    };
    for (let i = 0; i < 5; i++) {
      expect((await send('trigger')).statusCode).toBe(202);
      expect((await send('resolve')).statusCode).toBe(202);
    }
    const history = (await alerts()).filter((a) => a.dedupKey === 'vpn').reverse();
    expect(history.map((a) => a.flapping)).toEqual([false, false, false, true, true]);
    expect(history[3]?.incidentId).toBe(history[2]?.incidentId);
    expect(history[4]?.incidentId).toBe(history[2]?.incidentId);
    expect(new Set(history.slice(0, 3).map((a) => a.incidentId)).size).toBe(3);
    // Quiet for half an hour: the key pages again.
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect((await send('trigger')).statusCode).toBe(202);
    const [latest] = (await alerts()).filter((a) => a.dedupKey === 'vpn');
    expect(latest).toMatchObject({ flapping: false, status: 'triggered' });
    expect(history.map((a) => a.incidentId)).not.toContain(latest?.incidentId);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { startJobWorker } from '../../platform/jobs/worker.ts';
import { createLogger } from '../../platform/log/logger.ts';

const LEE = 'lee.okafor@northwind.example';
const MARIA = 'maria.chen@northwind.example';

interface Entry {
  kind: string;
  data: Record<string, unknown>;
}

describe.each(await testDatabases())('page deliveries on the incident timeline on $name', (database) => {
  let t: TestTandem;
  let maria: Client;
  let base: string;
  const now = new Date('2026-12-02T08:00:00Z');

  beforeAll(async () => {
    t = await startTestTandem(database, { now: () => now });
    maria = await t.as(MARIA);
    base = `/api/v1/engagements/${t.engagements.harborline}`;
  });
  afterAll(() => t?.close());

  it('shows each delivery and why one failed', async () => {
    const lee = await t.as(LEE);
    const hook = await lee.post('/api/v1/me/contact-methods', {
      type: 'webhook',
      address: 'http://localhost:9/hook',
      label: 'Lab bot',
    });
    await lee.put('/api/v1/me/notification-rules', {
      rules: [{ contactMethodId: hook.json().id, delayMinutes: 0 }],
    });
    const policy = await maria.post(`${base}/escalation-policies`, {
      name: 'Timeline test: Lee',
      repeat: 0,
      levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: await t.userId(LEE) }] }],
    });
    const integration = await maria.post(`${base}/integrations`, {
      name: 'Timeline test monitor',
      type: 'pagerduty_v2',
      defaults: { track: 'operations', escalationPolicyId: policy.json().id },
    });
    const event = await t.inject({
      method: 'POST',
      url: '/v2/enqueue',
      payload: {
        routing_key: integration.json().key,
        event_action: 'trigger',
        dedup_key: 'lab/disk',
        payload: { summary: 'Disk full on lab-1', source: 'lab-1', severity: 'critical' },
      },
    });
    expect(event.statusCode, event.body).toBe(202);
    const incidentId = (await maria.get(`${base}/alerts`)).json().items[0].incidentId as string;

    const { paging } = t.tandem.services;
    const worker = startJobWorker({
      handle: t.tandem.handle,
      handlers: { ...paging.incidents.jobHandlers, ...paging.notifications.jobHandlers },
      log: createLogger('silent'),
      now: () => now,
      polling: false,
    });
    await worker.runDue();
    await worker.stop();

    const entries = (await maria.get(`${base}/tickets/${incidentId}/activity`)).json().items as Entry[];
    const deliveries = entries.filter((e) => e.kind === 'page_delivery').map((e) => e.data);
    expect(deliveries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userName: 'Lee Okafor', channel: 'in_app', outcome: 'sent' }),
        expect.objectContaining({
          userName: 'Lee Okafor',
          channel: 'webhook',
          target: 'webhook localhost:9',
          outcome: 'failed',
          error: expect.stringMatching(/loopback/),
        }),
      ]),
    );
  });
});

import { expect } from 'vitest';
import type { Client, TestTandem } from './app.ts';

/**
 * One of each paging record in an engagement, for the cross-engagement walk: an integration, an
 * alert it received (and the incident it opened), an escalation policy and a drill of it.
 */
export async function pagingRecordsOf(t: TestTandem, admin: Client, engagementId: string) {
  const base = `/api/v1/engagements/${engagementId}`;
  const integration = await admin.post(`${base}/integrations`, {
    name: 'Walk monitor',
    type: 'pagerduty_v2',
  });
  expect(integration.statusCode, integration.body).toBe(201);
  const event = await t.inject({
    method: 'POST',
    url: '/v2/enqueue',
    payload: {
      routing_key: integration.json().key,
      event_action: 'trigger',
      payload: { summary: 'Walk alert', source: 'walk-host', severity: 'warning' },
    },
  });
  expect(event.statusCode, event.body).toBe(202);
  const alerts = (await admin.get(`${base}/alerts`)).json().items as { id: string }[];
  const policy = await admin.post(`${base}/escalation-policies`, {
    name: 'Walk policy',
    repeat: 0,
    levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: await t.userId('admin@northwind.example') }] }],
  });
  expect(policy.statusCode, policy.body).toBe(201);
  const drill = await admin.post(`${base}/escalation-policies/${policy.json().id}/drills`);
  expect(drill.statusCode, drill.body).toBe(201);
  return {
    integrationId: integration.json().id as string,
    alertId: alerts[0]?.id ?? '',
    escalationPolicyId: policy.json().id as string,
    drillId: drill.json().id as string,
    step: 'contain',
  };
}

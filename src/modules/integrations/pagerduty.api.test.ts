import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import type { Alert, AlertDetail, IntegrationDetail } from './schema.ts';

/**
 * A monitoring tool that pages PagerDuty pages Tandem by changing the URL: the same bodies, the
 * same answers, an alert per dedup key and an incident per alert.
 */
describe.each(await testDatabases())('PagerDuty Events API v2 on $name', (database) => {
  let t: TestTandem;
  let maria: Client; // provider manager in both engagements
  let priya: Client; // internal manager, Harborline only
  let harborline: string;
  let maplegrove: string;
  let key: string;
  let integrationId: string;
  let clock = new Date('2026-12-02T08:00:00.000Z'); // 02:00 in Chicago
  const tick = (minutes = 1) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };

  const enqueue = (body: Record<string, unknown>) => {
    tick();
    return t.inject({ method: 'POST', url: '/v2/enqueue', payload: body });
  };
  const trigger = (dedupKey: string, summary = 'Disk 95% full on db-1', routingKey = key) =>
    enqueue({
      routing_key: routingKey,
      event_action: 'trigger',
      dedup_key: dedupKey,
      payload: { summary, source: 'db-1', severity: 'critical', component: 'disk' },
    });
  const alertsOf = async (engagementId: string, query = '') => {
    const response = await maria.get(`/api/v1/engagements/${engagementId}/alerts?limit=200${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items as Alert[];
  };
  const byKey = async (dedupKey: string) =>
    (await alertsOf(harborline)).filter((a) => a.dedupKey === dedupKey);
  const integration = async (id = integrationId) =>
    (await maria.get(`/api/v1/engagements/${harborline}/integrations/${id}`)).json() as IntegrationDetail;
  const create = async (client: Client, engagementId: string, body: Record<string, unknown>) => {
    const response = await client.post(`/api/v1/engagements/${engagementId}/integrations`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; key: string };
  };

  beforeAll(async () => {
    t = await startTestTandem(database, { now: () => clock });
    maria = await t.as('maria.chen@northwind.example');
    priya = await t.as('priya.sharma@harborline.example');
    harborline = t.engagements.harborline ?? '';
    maplegrove = t.engagements.maplegrove ?? '';
    ({ key, id: integrationId } = await create(priya, harborline, { name: 'Datadog', type: 'pagerduty_v2' }));
  });
  afterAll(() => t?.close());

  it('shows the key once, then only its hint, with a ready curl', async () => {
    expect(key).toMatch(/^tdi_/);
    const shown = await integration();
    expect(shown).toMatchObject({
      type: 'pagerduty_v2',
      keyHint: `…${key.slice(-4)}`,
      ingestUrl: 'http://tandem.test/v2/enqueue',
    });
    expect(JSON.stringify(shown)).not.toContain(key);
    expect(shown.snippets.curl).toContain('/v2/enqueue');
    const listed = await maria.get(`/api/v1/engagements/${harborline}/integrations`);
    expect(JSON.stringify(listed.json())).not.toContain(key);
  });

  it('keeps the same dedup key as one alert with two events and one incident', async () => {
    const first = await trigger('disk-db-1');
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'disk-db-1' });
    expect((await trigger('disk-db-1', 'Disk 97% full on db-1')).statusCode).toBe(202);
    const [alert, ...others] = await byKey('disk-db-1');
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      status: 'triggered',
      eventCount: 2,
      summary: 'Disk 97% full on db-1',
      severity: 'critical',
    });
    const detail = (
      await maria.get(`/api/v1/engagements/${harborline}/alerts/${alert!.id}`)
    ).json() as AlertDetail;
    expect(detail.events.map((e) => [e.action, e.outcome])).toEqual([
      ['trigger', 'accepted'],
      ['trigger', 'accepted'],
    ]);
    const incidents = (
      await maria.get(`/api/v1/engagements/${harborline}/tickets?kind=incident&limit=200`)
    ).json().items as { id: string; title: string; priority: string }[];
    const ours = incidents.filter((i) => i.id === alert!.incidentId);
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ title: 'Disk 95% full on db-1', priority: 'P1' });
  });

  it('generates a dedup key for a trigger without one', async () => {
    const response = await enqueue({
      routing_key: key,
      event_action: 'trigger',
      payload: { summary: 'No key', source: 'db-2', severity: 'info' },
    });
    expect(response.statusCode).toBe(202);
    expect(response.json().dedup_key).toMatch(/^[0-9a-f-]{36}$/);
    expect(await byKey(response.json().dedup_key)).toHaveLength(1);
  });

  it('acknowledges and resolves by event, drops a resolve of a closed alert, and opens a new alert after', async () => {
    expect((await trigger('cpu-web-1', 'CPU high on web-1')).statusCode).toBe(202);
    const ack = await enqueue({ routing_key: key, event_action: 'acknowledge', dedup_key: 'cpu-web-1' });
    expect(ack.statusCode, ack.body).toBe(202);
    expect((await byKey('cpu-web-1'))[0]).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: clock.toISOString(),
    });
    const resolve = await enqueue({ routing_key: key, event_action: 'resolve', dedup_key: 'cpu-web-1' });
    expect(resolve.json()).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'cpu-web-1' });
    const [closed] = await byKey('cpu-web-1');
    expect(closed).toMatchObject({ status: 'resolved', resolvedAt: clock.toISOString(), eventCount: 3 });

    expect(
      (await enqueue({ routing_key: key, event_action: 'resolve', dedup_key: 'cpu-web-1' })).statusCode,
    ).toBe(202);
    const dropped = (await integration()).recentEvents[0];
    expect(dropped).toMatchObject({
      action: 'resolve',
      dedupKey: 'cpu-web-1',
      outcome: 'dropped',
      reason: 'no open alert with this dedup key',
    });
    expect((await byKey('cpu-web-1'))[0]?.eventCount).toBe(3);

    expect((await trigger('cpu-web-1', 'CPU high on web-1 again')).statusCode).toBe(202);
    const both = await byKey('cpu-web-1');
    expect(both.map((a) => a.status)).toEqual(['triggered', 'resolved']);
    expect(both[0]?.id).not.toBe(closed?.id);
  });

  it('answers an invalid event 400 with PagerDuty’s errors, stores nothing, and shows why on the integration', async () => {
    const before = (await alertsOf(harborline)).length;
    const response = await enqueue({
      routing_key: key,
      event_action: 'trigger',
      dedup_key: 'bad-1',
      payload: { summary: '' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      status: 'invalid event',
      message: 'Event object is invalid',
      errors: [
        "'payload.summary' is missing or blank",
        "'payload.source' is missing or blank",
        "'payload.severity' is missing or invalid (expected critical, error, warning or info)",
      ],
    });
    expect(await alertsOf(harborline)).toHaveLength(before);
    const [latest] = (await integration()).recentEvents;
    expect(latest).toMatchObject({ outcome: 'rejected', action: 'trigger', alertId: null });
    expect(latest?.reason).toContain("'payload.source' is missing or blank");
  });

  it('keeps only the latest 100 refused events of an integration', async () => {
    const noisy = await create(priya, harborline, {
      name: 'Noisy',
      type: 'pagerduty_v2',
      ratePerMinute: 1000,
    });
    for (let i = 0; i < 103; i++) {
      const response = await enqueue({ routing_key: noisy.key, event_action: 'trigger', dedup_key: `n${i}` });
      expect(response.statusCode).toBe(400);
    }
    const kept = await t.tandem.handle.db
      .selectFrom('integration_rejections')
      .select(['payload'])
      .where('integration_id', '=', noisy.id)
      .execute();
    expect(kept).toHaveLength(100);
    expect(kept.some((r) => r.payload.includes('"n0"'))).toBe(false);
    expect(kept.some((r) => r.payload.includes('"n102"'))).toBe(true);
  });

  it('refuses an unknown routing key as PagerDuty does', async () => {
    const response = await trigger('x', 'x', 'tdi_not-a-key');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      status: 'invalid event',
      message: 'Event object is invalid',
      errors: ['Invalid routing key'],
    });
    const hook = await t.inject({
      method: 'POST',
      url: '/integrations/alertmanager/tdi_nope',
      payload: { alerts: [] },
    });
    expect(hook.statusCode).toBe(404);
  });

  it('keeps another engagement’s alerts in that engagement', async () => {
    const other = await create(maria, maplegrove, { name: 'Clinic monitoring', type: 'pagerduty_v2' });
    expect((await trigger('clinic-ups', 'UPS on battery', other.key)).statusCode).toBe(202);
    const [theirs] = (await alertsOf(maplegrove)).filter((a) => a.dedupKey === 'clinic-ups');
    expect(theirs).toBeDefined();
    expect(await byKey('clinic-ups')).toEqual([]);
    expect((await priya.get(`/api/v1/engagements/${harborline}/alerts/${theirs!.id}`)).statusCode).toBe(404);
    expect((await priya.get(`/api/v1/engagements/${maplegrove}/alerts/${theirs!.id}`)).statusCode).toBe(404);
    expect((await maria.get(`/api/v1/engagements/${harborline}/alerts/${theirs!.id}`)).statusCode).toBe(404);
    expect((await priya.get(`/api/v1/engagements/${harborline}/integrations/${other.id}`)).statusCode).toBe(
      404,
    );
  });

  it('stops the old key the moment the key is rotated', async () => {
    const rotated = await priya.post(
      `/api/v1/engagements/${harborline}/integrations/${integrationId}/rotate-key`,
    );
    expect(rotated.statusCode, rotated.body).toBe(200);
    const fresh = rotated.json().key as string;
    expect(fresh).not.toBe(key);
    expect((await trigger('after-rotate', 'x', key)).json().errors).toEqual(['Invalid routing key']);
    expect((await trigger('after-rotate', 'x', fresh)).statusCode).toBe(202);
    key = fresh;
  });

  it('refuses a disabled integration’s events until it is enabled again', async () => {
    const patch = (body: Record<string, unknown>) =>
      priya.patch(`/api/v1/engagements/${harborline}/integrations/${integrationId}`, body);
    expect((await patch({ disabled: true })).json()).toMatchObject({ disabled: true });
    expect((await trigger('while-disabled')).json().errors).toEqual(['Invalid routing key']);
    expect((await patch({ disabled: false, name: 'Datadog EU' })).json()).toMatchObject({
      disabled: false,
      name: 'Datadog EU',
    });
    expect((await trigger('while-disabled')).statusCode).toBe(202);
    expect((await patch({ mapping: { summary: '/title' } })).statusCode).toBe(422);
  });

  it('answers 429 with PagerDuty’s body once a key exceeds its rate', async () => {
    const limited = await create(priya, harborline, {
      name: 'Chatty',
      type: 'pagerduty_v2',
      ratePerMinute: 3,
    });
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) {
      // The clock stands still, so the bucket does not refill.
      const response = await t.inject({
        method: 'POST',
        url: '/v2/enqueue',
        payload: {
          routing_key: limited.key,
          event_action: 'trigger',
          dedup_key: `c${i}`,
          payload: { summary: 's', source: 's', severity: 'info' },
        },
      });
      answers.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(response.json()).toEqual({
          status: 'throttle event',
          message: 'Requests for this service are arriving too quickly.  Please retry later.',
        });
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(answers).toEqual([202, 202, 202, 429]);
  });

  it('lets only managers add integrations, and viewers read alerts', async () => {
    const george = await t.as('george.white@harborline.example');
    expect(
      (
        await george.post(`/api/v1/engagements/${harborline}/integrations`, {
          name: 'x',
          type: 'pagerduty_v2',
        })
      ).statusCode,
    ).toBe(403);
    expect((await george.get(`/api/v1/engagements/${harborline}/alerts`)).statusCode).toBe(200);
  });
});

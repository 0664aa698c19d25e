import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import type { Alert, IntegrationDetail } from './schema.ts';

/** Alertmanager, Grafana, generic JSON, e-mail and PagerDuty change events, as senders use them. */
describe.each(await testDatabases())('webhook ingest on $name', (database) => {
  let t: TestTandem;
  let priya: Client; // internal manager, Harborline
  let harborline: string;
  let clock = new Date('2026-12-02T08:00:00.000Z');
  const tick = (minutes = 1) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };
  const base = () => `/api/v1/engagements/${harborline}`;
  const create = async (body: Record<string, unknown>) => {
    const response = await priya.post(`${base()}/integrations`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; key: string; emailAddress: string | null };
  };
  const post = (url: string, payload: unknown) => {
    tick();
    return t.inject({ method: 'POST', url, payload: payload as object });
  };
  const alertsOf = async (integrationId: string) => {
    const response = await priya.get(`${base()}/alerts?integrationId=${integrationId}&limit=200`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items as Alert[];
  };
  const eventsOf = async (integrationId: string) =>
    ((await priya.get(`${base()}/integrations/${integrationId}`)).json() as IntegrationDetail).recentEvents;

  beforeAll(async () => {
    t = await startTestTandem(database, { now: () => clock });
    priya = await t.as('priya.sharma@harborline.example');
    harborline = t.engagements.harborline ?? '';
  });
  afterAll(() => t?.close());

  const amAlert = (fingerprint: string, status: 'firing' | 'resolved', startsAt: string) => ({
    status,
    labels: { alertname: 'DiskFull', instance: `${fingerprint}:9100`, severity: 'critical' },
    annotations: { summary: `Disk full on ${fingerprint}` },
    startsAt,
    endsAt: status === 'resolved' ? '2026-12-02T09:00:00Z' : '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus:9090/graph',
    fingerprint,
  });
  const amBody = (...alerts: unknown[]) => ({
    version: '4',
    status: 'firing',
    receiver: 'tandem',
    groupKey: '{}:{alertname="DiskFull"}',
    truncatedAlerts: 0,
    groupLabels: { alertname: 'DiskFull' },
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts,
  });

  it('stores Alertmanager deliveries idempotently, through duplicates and a resolve that overtook its firing', async () => {
    const am = await create({ name: 'Prometheus', type: 'alertmanager' });
    const url = `/integrations/alertmanager/${am.key}`;
    const detail = (await priya.get(`${base()}/integrations/${am.id}`)).json() as IntegrationDetail;
    expect(detail.snippets.alertmanager).toContain('/integrations/alertmanager/');
    const episode = '2026-12-02T07:55:00Z';
    const firing = await post(
      url,
      amBody(amAlert('db-1', 'firing', episode), amAlert('db-2', 'firing', episode)),
    );
    expect(firing.statusCode, firing.body).toBe(202);
    expect(firing.json()).toEqual({
      status: 'success',
      message: 'Event processed',
      dedup_key: 'db-1',
      dedup_keys: ['db-1', 'db-2'],
    });
    // Alertmanager repeats a notification it is not sure arrived.
    expect((await post(url, amBody(amAlert('db-1', 'firing', episode)))).statusCode).toBe(202);
    let alerts = await alertsOf(am.id);
    expect(alerts.map((a) => [a.dedupKey, a.status, a.eventCount]).sort()).toEqual([
      ['db-1', 'triggered', 1],
      ['db-2', 'triggered', 1],
    ]);
    expect(alerts.find((a) => a.dedupKey === 'db-1')).toMatchObject({
      summary: 'Disk full on db-1',
      severity: 'critical',
      source: 'db-1:9100',
    });

    // db-3: its resolve arrives before its firing; the late firing must not open an alert.
    expect((await post(url, amBody(amAlert('db-3', 'resolved', episode)))).statusCode).toBe(202);
    expect((await post(url, amBody(amAlert('db-3', 'firing', episode)))).statusCode).toBe(202);
    expect((await post(url, amBody(amAlert('db-3', 'firing', episode)))).statusCode).toBe(202);
    alerts = await alertsOf(am.id);
    expect(alerts.filter((a) => a.dedupKey === 'db-3')).toEqual([]);
    const db3 = (await eventsOf(am.id)).filter((e) => e.dedupKey === 'db-3');
    expect(db3.map((e) => [e.action, e.outcome])).toEqual([
      ['trigger', 'dropped'],
      ['resolve', 'dropped'],
    ]);
    expect(db3[0]?.reason).toContain('stale');

    // The resolve of db-1 resolves it; its repeat changes nothing; a new episode opens a new alert.
    expect((await post(url, amBody(amAlert('db-1', 'resolved', episode)))).statusCode).toBe(202);
    expect((await post(url, amBody(amAlert('db-1', 'resolved', episode)))).statusCode).toBe(202);
    expect((await post(url, amBody(amAlert('db-1', 'firing', '2026-12-02T08:30:00Z')))).statusCode).toBe(202);
    const db1 = (await alertsOf(am.id)).filter((a) => a.dedupKey === 'db-1');
    expect(db1.map((a) => [a.status, a.eventCount])).toEqual([
      ['triggered', 1],
      ['resolved', 2],
    ]);
  });

  it('refuses an Alertmanager body that is not one, saying why', async () => {
    const am = await create({ name: 'Prometheus 2', type: 'alertmanager' });
    const response = await post(`/integrations/alertmanager/${am.key}`, {
      version: '4',
      alerts: [{ status: 'pending' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      "'alerts[0].status' is missing or invalid (expected firing or resolved)",
    ]);
    expect(await alertsOf(am.id)).toEqual([]);
    // A key only reaches its own kind of route.
    expect((await post(`/integrations/grafana/${am.key}`, amBody())).statusCode).toBe(404);
  });

  it('takes Grafana’s webhook as Alertmanager’s alerts with Grafana’s extras', async () => {
    const grafana = await create({ name: 'Grafana', type: 'grafana' });
    const response = await post(`/integrations/grafana/${grafana.key}`, {
      ...amBody({ ...amAlert('g-1', 'firing', '2026-12-02T07:00:00Z'), dashboardURL: 'https://grafana/d/1' }),
      title: '[FIRING:1] DiskFull',
      state: 'alerting',
      message: 'Disk full',
      orgId: 1,
    });
    expect(response.statusCode, response.body).toBe(202);
    const [alert] = await alertsOf(grafana.id);
    const detail = (await priya.get(`${base()}/alerts/${alert!.id}`)).json();
    expect(detail.links.map((l: { text: string }) => l.text)).toEqual(['Source', 'Dashboard']);
  });

  it('maps a generic JSON body through the integration’s JSON Pointers, and resolves by the mapped key', async () => {
    const bad = await priya.post(`${base()}/integrations`, {
      name: 'x',
      type: 'generic_json',
      mapping: { summary: 'title' },
    });
    expect(bad.statusCode).toBe(422);
    const generic = await create({
      name: 'Uptime checks',
      type: 'generic_json',
      mapping: {
        summary: '/check/name',
        dedupKey: '/check/id',
        severity: '/level',
        source: '/probe',
        action: '/state',
      },
    });
    const url = `/integrations/generic/${generic.key}`;
    const opened = await post(url, {
      check: { name: 'Portal down', id: 'portal' },
      level: 'high',
      probe: 'eu-1',
      state: 'DOWN',
    });
    expect(opened.statusCode, opened.body).toBe(202);
    expect(opened.json()).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'portal' });
    expect((await alertsOf(generic.id))[0]).toMatchObject({
      summary: 'Portal down',
      severity: 'error',
      source: 'eu-1',
      status: 'triggered',
    });
    expect((await post(url, { check: { id: 'portal' }, state: 'UP' })).statusCode).toBe(202);
    expect((await alertsOf(generic.id))[0]?.status).toBe('resolved');
    const missing = await post(url, { check: { id: 'x' }, state: 'DOWN' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual(["'/check/name' (summary) is missing or blank"]);
  });

  it('groups alerts from the same source within the window into one incident', async () => {
    const pd = await create({
      name: 'Zabbix',
      type: 'pagerduty_v2',
      defaults: { grouping: { by: ['source'], windowMinutes: 10 } },
    });
    const trigger = (dedupKey: string, source: string) =>
      post('/v2/enqueue', {
        routing_key: pd.key,
        event_action: 'trigger',
        dedup_key: dedupKey,
        payload: { summary: `${dedupKey.split('-')[0]} on ${source}`, source, severity: 'error' },
      });
    for (const [key, source] of [
      ['cpu', 'app-1'],
      ['mem', 'app-1'],
      ['cpu', 'app-2'],
    ] as const) {
      expect((await trigger(`${key}-${source}`, source)).statusCode).toBe(202);
    }
    tick(15);
    expect((await trigger('disk-app-1', 'app-1')).statusCode).toBe(202);
    const alerts = await alertsOf(pd.id);
    const incidentOf = (summary: string) => alerts.find((a) => a.summary === summary)?.incidentId;
    expect(incidentOf('cpu on app-1')).toBeTruthy();
    expect(incidentOf('mem on app-1')).toBe(incidentOf('cpu on app-1'));
    expect(incidentOf('cpu on app-2')).not.toBe(incidentOf('cpu on app-1'));
    // Outside the window of app-1's latest alert: a new incident.
    expect(incidentOf('disk on app-1')).not.toBe(incidentOf('cpu on app-1'));
  });

  it('puts a PagerDuty change event on the change calendar, completed at its time', async () => {
    const pd = await create({ name: 'CI', type: 'pagerduty_v2' });
    const response = await post('/v2/change/enqueue', {
      routing_key: pd.key,
      payload: {
        summary: 'Deployed portal v42',
        timestamp: '2026-12-02T06:30:00Z',
        source: 'GitHub Actions',
        custom_details: { build: 42 },
      },
      links: [{ href: 'https://ci.example/42', text: 'Build 42' }],
    });
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toEqual({ status: 'success', message: 'Change event processed' });
    const calendar = await priya.get(`${base()}/changes?from=2026-12-02T00:00:00Z&to=2026-12-03T00:00:00Z`);
    expect(calendar.statusCode, calendar.body).toBe(200);
    const [change] = (
      calendar.json().items as {
        title: string;
        state: string;
        type: string;
        windowStart: string;
        id: string;
      }[]
    ).filter((c) => c.title === 'Deployed portal v42');
    expect(change).toMatchObject({
      state: 'completed',
      type: 'standard',
      windowStart: '2026-12-02T06:30:00.000Z',
    });
    const activity = (await priya.get(`${base()}/tickets/${change!.id}/activity`)).json().items as {
      kind: string;
      data: Record<string, unknown>;
    }[];
    expect(activity.find((a) => a.kind === 'change_recorded')?.data).toMatchObject({
      source: 'GitHub Actions',
      details: { build: 42 },
    });
    const invalid = await post('/v2/change/enqueue', { routing_key: pd.key, payload: {} });
    expect(invalid.json().errors).toEqual(["'payload.summary' is missing or blank"]);
  });

  it('opens and resolves alerts from e-mail sent to an e-mail integration’s address', async () => {
    const email = await create({ name: 'Backup reports', type: 'email' });
    expect(email.emailAddress).toMatch(/^alerts-[a-z0-9x]+@/);
    const intake = t.tandem.services.paging.alerts.emailIntake;
    const mail = (subject: string) => ({
      to: [email.emailAddress!.toUpperCase()],
      from: 'veeam@harborline.example',
      subject,
      text: 'Job failed',
      messageId: null,
      receivedAt: clock,
    });
    expect(await intake.receiveEmail(mail('Backup job NAS-1 failed'))).toEqual({ accepted: true });
    expect((await alertsOf(email.id))[0]).toMatchObject({
      status: 'triggered',
      source: 'veeam@harborline.example',
    });
    const resolved = {
      ...mail('[RESOLVED] Backup job NAS-1 failed'),
      to: [`Backups <${email.emailAddress}>`],
    };
    expect(await intake.receiveEmail(resolved)).toEqual({ accepted: true });
    expect((await alertsOf(email.id))[0]?.status).toBe('resolved');
    expect((await intake.receiveEmail({ ...mail('x'), to: ['nobody@example.com'] })).accepted).toBe(false);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { deliverDue, outboxOf, page, pageOf } from './test-support.ts';

const LEE = 'lee.okafor@northwind.example';
const ADMIN = 'admin@northwind.example';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local endpoint that keeps what it receives; `/fail` answers 500, `/redirect<url>` 307 to the URL. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body });
      if (request.url?.startsWith('/redirect'))
        return response.writeHead(307, { location: request.url.slice('/redirect'.length) }).end();
      response.writeHead(request.url === '/fail' ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(await testDatabases())('webhook pages on $name', (database) => {
  let t: TestTandem;
  let lee: Client;
  let leeId: string;
  let harborline: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  // Standard Webhooks receivers reject timestamps far from their own clock: send in real time.
  let now = new Date();

  beforeAll(async () => {
    receiver = await startReceiver();
    t = await startTestTandem(database, { now: () => now });
    lee = await t.as(LEE);
    leeId = await t.userId(LEE);
    harborline = t.engagements.harborline!;
    const admin = await t.as(ADMIN);
    const allowed = await admin.post('/api/v1/webhook-allowlist', { target: `127.0.0.1:${receiver.port}` });
    expect(allowed.statusCode, allowed.body).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  /** Makes `address` Lee's only contact method, at once; returns its signing secret. */
  async function onlyWebhook(address: string, format: string): Promise<{ id: string; secret: string }> {
    for (const old of (await lee.get('/api/v1/me/contact-methods')).json().items)
      await lee.delete(`/api/v1/me/contact-methods/${old.id}`);
    const created = await lee.post('/api/v1/me/contact-methods', { type: 'webhook', address, format });
    expect(created.statusCode, created.body).toBe(201);
    const rules = await lee.put('/api/v1/me/notification-rules', {
      rules: [{ contactMethodId: created.json().id, delayMinutes: 0 }],
    });
    expect(rules.statusCode, rules.body).toBe(200);
    return created.json();
  }

  async function pageLee(path: string) {
    now = new Date();
    const request = pageOf(harborline, leeId, now, {
      incidentId: null,
      title: '[P1] HARB-7 Disk full on db-1',
    });
    const before = receiver.received.length;
    await page(t, request);
    await deliverDue(t, () => now);
    const webhook = (await outboxOf(t, request.pageId)).find((r) => r.channel === 'webhook')!;
    return { request, webhook, delivered: receiver.received.slice(before).filter((r) => r.path === path) };
  }

  it('signs a standard webhook as Standard Webhooks do', async () => {
    const { secret } = await onlyWebhook(`http://127.0.0.1:${receiver.port}/standard`, 'standard');
    expect(secret).toMatch(/^whsec_/);
    const { request, webhook, delivered } = await pageLee('/standard');
    expect(webhook.state).toBe('sent');
    expect(delivered).toHaveLength(1);
    const { headers, body } = delivered[0]!;
    expect(headers['webhook-id']).toBe(webhook.id);
    const verified = new Webhook(secret).verify(body, headers as Record<string, string>);
    expect(verified).toMatchObject({
      type: 'incident.paged',
      data: {
        pageId: request.pageId,
        userId: leeId,
        level: 1,
        title: request.title,
        engagementId: harborline,
      },
    });
    expect(() =>
      new Webhook(secret).verify(body.replace('db-1', 'db-2'), headers as Record<string, string>),
    ).toThrow();
  });

  it('speaks Slack and Teams', async () => {
    await onlyWebhook(`http://127.0.0.1:${receiver.port}/slack`, 'slack');
    const slack = JSON.parse((await pageLee('/slack')).delivered[0]!.body);
    expect(slack.text).toContain('Disk full on db-1');
    expect(slack.blocks.map((b: { type: string }) => b.type)).toContain('section');

    await onlyWebhook(`http://127.0.0.1:${receiver.port}/teams`, 'teams');
    const teams = JSON.parse((await pageLee('/teams')).delivered[0]!.body);
    expect(teams).toMatchObject({ '@type': 'MessageCard', title: '[P1] HARB-7 Disk full on db-1' });
    expect(teams.text).toContain('level 1');
  });

  it('refuses a loopback target that is not allowed, and says so', async () => {
    await onlyWebhook(`http://localhost:${receiver.port}/sneaky`, 'standard');
    const { webhook, delivered } = await pageLee('/sneaky');
    expect(delivered).toEqual([]);
    expect(webhook).toMatchObject({ state: 'failed', attempts: 1 });
    expect(webhook.last_error).toMatch(/private, loopback or link-local/);
  });

  it('follows a redirect only to an address it may reach', async () => {
    const allowed = `http://127.0.0.1:${receiver.port}/moved`;
    await onlyWebhook(`http://127.0.0.1:${receiver.port}/redirect${allowed}`, 'standard');
    expect((await pageLee('/moved')).delivered).toHaveLength(1);
    const sneaky = `http://localhost:${receiver.port}/inside`;
    await onlyWebhook(`http://127.0.0.1:${receiver.port}/redirect${sneaky}`, 'standard');
    const { webhook, delivered } = await pageLee('/inside');
    expect(delivered).toEqual([]);
    expect(webhook).toMatchObject({ state: 'failed' });
    expect(webhook.last_error).toMatch(/localhost.*loopback/);
  });

  it('retries a failing endpoint with backoff, then gives up', async () => {
    await onlyWebhook(`http://127.0.0.1:${receiver.port}/fail`, 'standard');
    const { request, webhook } = await pageLee('/fail');
    expect(webhook).toMatchObject({
      state: 'pending',
      attempts: 1,
      last_error: 'The endpoint answered HTTP 500',
    });
    const job = () =>
      t.tandem.handle.db
        .selectFrom('jobs')
        .selectAll()
        .where('dedupe_key', '=', `notify:${webhook.id}`)
        .executeTakeFirstOrThrow();
    const retry = await job();
    const wait = new Date(retry.run_at).getTime() - now.getTime();
    expect(wait).toBeGreaterThanOrEqual(5_000);
    expect(wait).toBeLessThanOrEqual(10_000);
    expect(await deliverDue(t, () => now)).toBe(0); // not before its time
    for (let attempt = 2; attempt <= 6; attempt++) {
      now = new Date(now.getTime() + 60 * 60_000);
      expect(await deliverDue(t, () => now)).toBe(1);
    }
    const final = (await outboxOf(t, request.pageId)).find((r) => r.channel === 'webhook');
    expect(final).toMatchObject({ state: 'failed', attempts: 6 });
    expect(receiver.received.filter((r) => r.path === '/fail')).toHaveLength(6);
  });

  it('sends a test through the same path on request', async () => {
    now = new Date();
    const method = await onlyWebhook(`http://127.0.0.1:${receiver.port}/test`, 'standard');
    const sent = await lee.post(`/api/v1/me/contact-methods/${method.id}/test`);
    expect(sent.json()).toMatchObject({ outcome: 'sent', error: null });
    const { headers, body } = receiver.received.find((r) => r.path === '/test')!;
    expect(new Webhook(method.secret).verify(body, headers as Record<string, string>)).toMatchObject({
      type: 'notification.test',
    });
    const refused = await onlyWebhook(`http://localhost:${receiver.port}/test`, 'standard');
    const failed = await lee.post(`/api/v1/me/contact-methods/${refused.id}/test`);
    expect(failed.json()).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/loopback/) });
  });

  it('fails an e-mail at once, saying why, when no mail server is configured', async () => {
    now = new Date();
    const method = await lee.post('/api/v1/me/contact-methods', {
      type: 'email',
      address: 'lee.pager@example.com',
    });
    const rules = [{ contactMethodId: method.json().id, delayMinutes: 0 }];
    expect((await lee.put('/api/v1/me/notification-rules', { rules })).statusCode).toBe(200);
    const request = pageOf(harborline, leeId, now);
    await page(t, request);
    await deliverDue(t, () => now);
    const email = (await outboxOf(t, request.pageId)).find((r) => r.channel === 'email');
    expect(email).toMatchObject({ state: 'failed', attempts: 1, target: 'lee.pager@example.com' });
    expect(email?.last_error).toMatch(/No mail server is configured \(set TANDEM_SMTP_URL\)/);
  });

  it('pages in the app only, with no rules and no mail server, rather than fail an e-mail per page', async () => {
    now = new Date();
    await lee.put('/api/v1/me/notification-rules', { rules: [] });
    const request = pageOf(harborline, leeId, now);
    await page(t, request);
    expect((await outboxOf(t, request.pageId)).map((r) => r.channel)).toEqual(['in_app']);
  });
});

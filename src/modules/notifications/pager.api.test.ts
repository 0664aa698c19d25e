import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type MailCatcher, startMailCatcher } from '../../../test/smtp.ts';
import type { BusEvent } from '../../platform/bus/event.ts';
import { deliverDue, deliveryJobs, outboxOf, page, pageOf } from './test-support.ts';

const at = (iso: string) => new Date(iso);
const LEE = 'lee.okafor@northwind.example';
const minutes = (n: number) => n * 60_000;

describe.each(await testDatabases())('paging a person on $name', (database) => {
  let t: TestTandem;
  let mail: MailCatcher;
  let lee: Client;
  let leeId: string;
  let harborline: string;
  let now = at('2026-12-02T08:00:00Z');

  beforeAll(async () => {
    mail = await startMailCatcher();
    t = await startTestTandem(database, { now: () => now, env: { TANDEM_SMTP_URL: mail.url } });
    lee = await t.as(LEE);
    leeId = await t.userId(LEE);
    harborline = t.engagements.harborline!;
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
  });

  it('with no rules, e-mails the login address at once and tells the app, once however often paged', async () => {
    now = at('2026-12-02T08:00:00Z');
    const events: BusEvent[] = [];
    const stop = t.tandem.bus.subscribe(harborline, (event) => events.push(event));
    const request = pageOf(harborline, leeId, now);
    await page(t, request);
    await page(t, request);
    const rows = await outboxOf(t, request.pageId);
    expect(rows.map((r) => [r.channel, r.target, r.state])).toEqual([
      ['email', LEE, 'pending'],
      ['in_app', leeId, 'pending'],
    ]);
    expect(
      await deliveryJobs(
        t,
        rows.map((r) => r.id),
      ),
    ).toHaveLength(2);

    expect(await deliverDue(t, () => now)).toBe(2);
    const received = await mail.waitFor((m) => m.to.includes(LEE));
    expect(received.subject).toBe(request.title);
    expect(received.text).toContain('level 1');
    expect(received.text).toMatch(/Acknowledge: http:\/\/tandem\.test\/actions\/[\w-]+/);
    expect(received.html).toContain('Acknowledge</a>');
    expect((await outboxOf(t, request.pageId)).map((r) => r.state)).toEqual(['sent', 'sent']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'page.created',
        id: request.pageId,
        data: { userId: leeId, title: request.title, incidentId: null, engagementId: harborline },
      }),
    );
  });

  it('follows the person’s rules: each contact method after its delay', async () => {
    now = at('2026-12-02T09:00:00Z');
    const first = await lee.post('/api/v1/me/contact-methods', {
      type: 'email',
      address: 'lee.phone@example.com',
      label: 'Phone',
    });
    expect(first.statusCode, first.body).toBe(201);
    const rules = await lee.put('/api/v1/me/notification-rules', {
      rules: [
        { contactMethodId: first.json().id, delayMinutes: 0 },
        { contactMethodId: first.json().id, delayMinutes: 5 },
      ],
    });
    expect(rules.statusCode, rules.body).toBe(200);
    const request = pageOf(harborline, leeId, now);
    await page(t, request);
    await page(t, request);
    const rows = await outboxOf(t, request.pageId);
    expect(rows.map((r) => [r.channel, r.target, r.due_at])).toEqual([
      ['email', 'lee.phone@example.com', now.toISOString()],
      ['in_app', leeId, now.toISOString()],
      ['email', 'lee.phone@example.com', new Date(now.getTime() + minutes(5)).toISOString()],
    ]);
    const jobs = await deliveryJobs(
      t,
      rows.map((r) => r.id),
    );
    expect(jobs.map((j) => j.run_at).sort()).toEqual(rows.map((r) => r.due_at).sort());

    await deliverDue(t, () => now);
    expect((await outboxOf(t, request.pageId)).map((r) => r.state)).toEqual(['sent', 'sent', 'pending']);
    now = new Date(now.getTime() + minutes(5));
    await deliverDue(t, () => now);
    expect((await outboxOf(t, request.pageId)).map((r) => r.state)).toEqual(['sent', 'sent', 'sent']);
    expect(mail.messages.filter((m) => m.to.includes('lee.phone@example.com'))).toHaveLength(2);
    await lee.put('/api/v1/me/notification-rules', { rules: [] });
  });

  it('cancels what is not sent yet when the page is answered', async () => {
    now = at('2026-12-02T10:00:00Z');
    const method = await lee.post('/api/v1/me/contact-methods', {
      type: 'email',
      address: 'lee.later@example.com',
    });
    await lee.put('/api/v1/me/notification-rules', {
      rules: [{ contactMethodId: method.json().id, delayMinutes: 10 }],
    });
    const request = pageOf(harborline, leeId, now);
    await page(t, request);
    await deliverDue(t, () => now);
    const { pager } = t.tandem.services.paging.notifications;
    await t.tandem.handle.db.transaction().execute((trx) => pager.cancel(trx, harborline, [request.pageId]));
    const rows = await outboxOf(t, request.pageId);
    expect(rows.map((r) => [r.channel, r.state])).toEqual([
      ['in_app', 'sent'],
      ['email', 'cancelled'],
    ]);
    expect(
      await deliveryJobs(
        t,
        rows.map((r) => r.id),
      ),
    ).toEqual([expect.objectContaining({ state: 'done' })]);
    now = new Date(now.getTime() + minutes(30));
    await deliverDue(t, () => now);
    expect(mail.messages.filter((m) => m.to.includes('lee.later@example.com'))).toEqual([]);
    await lee.put('/api/v1/me/notification-rules', { rules: [] });
  });
});

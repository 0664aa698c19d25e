import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type MailCatcher, startMailCatcher } from '../../../test/smtp.ts';

const LEE = 'lee.okafor@northwind.example';
const TOM = 'tom.eriksen@harborline.example';
const MARIA = 'maria.chen@northwind.example';
const ADMIN = 'admin@northwind.example';
const PRIYA = 'priya.sharma@harborline.example';

describe.each(await testDatabases())('contact methods and rules on $name', (database) => {
  let t: TestTandem;
  let mail: MailCatcher;
  let lee: Client;
  let tom: Client;

  beforeAll(async () => {
    mail = await startMailCatcher();
    t = await startTestTandem(database, { env: { TANDEM_SMTP_URL: mail.url } });
    lee = await t.as(LEE);
    tom = await t.as(TOM);
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
  });

  it('keeps a person’s methods to themselves and shows a webhook secret only once', async () => {
    const hook = await lee.post('/api/v1/me/contact-methods', {
      type: 'webhook',
      address: 'https://hooks.slack.com/services/T0/B0/abc',
      format: 'slack',
      label: 'On-call channel',
    });
    expect(hook.statusCode, hook.body).toBe(201);
    expect(hook.json()).toMatchObject({ type: 'webhook', format: 'slack', label: 'On-call channel' });
    expect(hook.json().secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const email = await lee.post('/api/v1/me/contact-methods', { type: 'email', address: 'Lee@Example.com' });
    expect(email.json()).toMatchObject({
      address: 'lee@example.com',
      format: null,
      label: 'lee@example.com',
    });
    expect(email.json().secret).toBeUndefined();

    const listed = (await lee.get('/api/v1/me/contact-methods')).json().items;
    expect(listed.map((m: { id: string }) => m.id)).toEqual([hook.json().id, email.json().id]);
    expect(JSON.stringify(listed)).not.toContain('whsec_');
    expect((await tom.get('/api/v1/me/contact-methods')).json().items).toEqual([]);
    expect((await tom.delete(`/api/v1/me/contact-methods/${hook.json().id}`)).statusCode).toBe(404);
    expect((await tom.post(`/api/v1/me/contact-methods/${hook.json().id}/test`)).statusCode).toBe(404);

    const rules = await tom.put('/api/v1/me/notification-rules', {
      rules: [{ contactMethodId: email.json().id, delayMinutes: 0 }],
    });
    expect(rules.statusCode).toBe(422);
    expect(rules.json().errors).toEqual([
      { path: '/rules/0/contactMethodId', message: 'Not one of your contact methods.' },
    ]);
  });

  it('answers bad addresses and rules with the field that is wrong', async () => {
    const cases = [
      [{ type: 'email', address: 'not-an-address' }, '/address'],
      [{ type: 'webhook', address: 'ftp://example.com/hook' }, '/address'],
      [{ type: 'webhook', address: 'https://user:pw@example.com/hook' }, '/address'],
      [{ type: 'email', address: 'a@example.com', format: 'slack' }, '/format'],
    ] as const;
    for (const [body, path] of cases) {
      const response = await lee.post('/api/v1/me/contact-methods', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0].path).toBe(path);
    }
    expect(
      (await lee.post('/api/v1/me/contact-methods', { type: 'pager', address: 'x@y.z' })).statusCode,
    ).toBe(400);
    const method = (
      await lee.post('/api/v1/me/contact-methods', { type: 'email', address: 'r@example.com' })
    ).json();
    const twice = await lee.put('/api/v1/me/notification-rules', {
      rules: [
        { contactMethodId: method.id, delayMinutes: 5 },
        { contactMethodId: method.id, delayMinutes: 5 },
      ],
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors[0].path).toBe('/rules/1');
    expect(
      (
        await lee.put('/api/v1/me/notification-rules', {
          rules: [{ contactMethodId: method.id, delayMinutes: 2000 }],
        })
      ).statusCode,
    ).toBe(400);
  });

  it('replaces rules, and removing a method removes its rules', async () => {
    const method = (
      await lee.post('/api/v1/me/contact-methods', { type: 'email', address: 'q@example.com' })
    ).json();
    const put = await lee.put('/api/v1/me/notification-rules', {
      rules: [
        { contactMethodId: method.id, delayMinutes: 10 },
        { contactMethodId: method.id, delayMinutes: 0 },
      ],
    });
    expect(put.json().rules).toEqual([
      { contactMethodId: method.id, delayMinutes: 0 },
      { contactMethodId: method.id, delayMinutes: 10 },
    ]);
    expect((await lee.delete(`/api/v1/me/contact-methods/${method.id}`)).statusCode).toBe(204);
    expect((await lee.get('/api/v1/me/notification-rules')).json().rules).toEqual([]);
  });

  it('sends a test e-mail on request', async () => {
    const method = (
      await lee.post('/api/v1/me/contact-methods', { type: 'email', address: 't@example.com' })
    ).json();
    const sent = await lee.post(`/api/v1/me/contact-methods/${method.id}/test`);
    expect(sent.json()).toMatchObject({ outcome: 'sent', error: null });
    const received = await mail.waitFor((m) => m.to.includes('t@example.com'));
    expect(received.subject).toBe('[TEST] Test notification from Tandem');
    expect(received.text).not.toContain('/actions/');
  });

  it('lets only the provider’s organization admins allow private webhook targets', async () => {
    for (const email of [MARIA, PRIYA]) {
      const client = await t.as(email);
      expect((await client.get('/api/v1/webhook-allowlist')).statusCode).toBe(403);
      expect((await client.post('/api/v1/webhook-allowlist', { target: '10.0.0.0/8' })).statusCode).toBe(403);
    }
    const admin = await t.as(ADMIN);
    const added = await admin.post('/api/v1/webhook-allowlist', { target: 'Chat.Internal:8443' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ target: 'chat.internal:8443' });
    expect((await admin.post('/api/v1/webhook-allowlist', { target: 'chat.internal:8443' })).statusCode).toBe(
      409,
    );
    const bad = await admin.post('/api/v1/webhook-allowlist', { target: '10.0.0.0/99' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('/target');
    expect((await admin.get('/api/v1/webhook-allowlist')).json().items).toHaveLength(1);
    expect((await admin.delete(`/api/v1/webhook-allowlist/${added.json().id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/webhook-allowlist/${added.json().id}`)).statusCode).toBe(404);
  });
});

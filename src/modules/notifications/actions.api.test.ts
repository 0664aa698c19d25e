import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type MailCatcher, type ReceivedMail, startMailCatcher } from '../../../test/smtp.ts';
import { deliverDue, page, pageOf } from './test-support.ts';

const LEE = 'lee.okafor@northwind.example';
const at = (iso: string) => new Date(iso);

/** The path of the e-mail's link after "Acknowledge:" or "Resolve:". */
function linkOf(mail: ReceivedMail, label: 'Acknowledge' | 'Resolve'): string {
  const url = new RegExp(`${label}: (\\S+)`).exec(mail.text)?.[1];
  if (!url) throw new Error(`no ${label} link in:\n${mail.text}`);
  return new URL(url).pathname;
}

describe.each(await testDatabases())('action links of page e-mails on $name', (database) => {
  let t: TestTandem;
  let mail: MailCatcher;
  let now = at('2026-12-02T08:00:00Z');
  let received: ReceivedMail;

  beforeAll(async () => {
    mail = await startMailCatcher();
    t = await startTestTandem(database, { now: () => now, env: { TANDEM_SMTP_URL: mail.url } });
    const request = pageOf(t.engagements.harborline!, await t.userId(LEE), now, {
      drill: false,
      incidentId: '01930000-0000-7000-8000-000000000001',
      title: '[P1] HARB-9 Disk full on db-1',
    });
    await page(t, request);
    await deliverDue(t, () => now);
    received = await mail.waitFor((m) => m.to.includes(LEE));
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
  });

  it('shows what the link will do without doing it (mail scanners fetch links)', async () => {
    now = at('2026-12-02T08:05:00Z');
    const path = linkOf(received, 'Acknowledge');
    const shown = await t.inject({ method: 'GET', url: path });
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(shown.headers['cache-control']).toBe('no-store');
    expect(shown.headers['referrer-policy']).toBe('no-referrer');
    expect(shown.body).toContain('<html lang="en">');
    expect(shown.body).toContain('Acknowledge: [P1] HARB-9 Disk full on db-1');
    expect(shown.body).toContain(
      `<form method="post" action="${path}"><button type="submit">Acknowledge</button>`,
    );
    expect((await t.inject({ method: 'GET', url: linkOf(received, 'Resolve') })).body).toContain(
      '<button type="submit">Resolve</button>',
    );
  });

  it('refuses a tampered link and an expired one with a page saying so', async () => {
    now = at('2026-12-02T08:05:00Z');
    const path = linkOf(received, 'Acknowledge');
    const last = path.at(-1) === 'A' ? 'B' : 'A';
    for (const method of ['GET', 'POST'] as const) {
      const tampered = await t.inject({ method, url: `${path.slice(0, -1)}${last}` });
      expect(tampered.statusCode).toBe(404);
      expect(tampered.headers['content-type']).toContain('text/html');
      expect(tampered.body).toContain('This link is not valid');
    }
    now = at('2026-12-03T08:00:01Z');
    for (const method of ['GET', 'POST'] as const) {
      const expired = await t.inject({ method, url: path });
      expect(expired.statusCode).toBe(410);
      expect(expired.body).toContain('This link has expired');
    }
  });

  it('takes the button’s form post, and only on these routes', async () => {
    now = at('2026-12-02T08:05:00Z');
    const path = linkOf(received, 'Acknowledge');
    const posted = await t.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    // The incident here is made up, so the responder finds no page to acknowledge.
    expect(posted.headers['content-type']).toContain('text/html');
    expect(posted.statusCode).not.toBe(415);
    const elsewhere = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a&password=b',
    });
    expect(elsewhere.statusCode).toBe(415);
  });
});

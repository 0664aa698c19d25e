import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type MailCatcher, type ReceivedMail, startMailCatcher } from '../../../test/smtp.ts';
import { startJobWorker } from '../../platform/jobs/worker.ts';
import { createLogger } from '../../platform/log/logger.ts';

const LEE = 'lee.okafor@northwind.example';
const MARIA = 'maria.chen@northwind.example';

function linkOf(mail: ReceivedMail, label: 'Acknowledge' | 'Resolve'): string | null {
  const url = new RegExp(`${label}: (\\S+)`).exec(mail.text)?.[1];
  return url ? new URL(url).pathname : null;
}

describe.each(await testDatabases())('the e-mail link of a drill page on $name', (database) => {
  let t: TestTandem;
  let mail: MailCatcher;
  let maria: Client;
  let base: string;
  const now = new Date('2026-12-02T08:00:00Z');

  beforeAll(async () => {
    mail = await startMailCatcher();
    t = await startTestTandem(database, { now: () => now, env: { TANDEM_SMTP_URL: mail.url } });
    maria = await t.as(MARIA);
    base = `/api/v1/engagements/${t.engagements.harborline}`;
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
  });

  async function runDueJobs(): Promise<void> {
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
  }

  it('acknowledges the page once, as the person paged, and only offers acknowledge', async () => {
    const policy = await maria.post(`${base}/escalation-policies`, {
      name: 'Link drill: Lee',
      repeat: 0,
      levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: await t.userId(LEE) }] }],
    });
    expect(policy.statusCode, policy.body).toBe(201);
    const drill = await maria.post(`${base}/escalation-policies/${policy.json().id}/drills`);
    expect(drill.statusCode, drill.body).toBe(201);
    await runDueJobs();
    const received = await mail.waitFor((m) => m.to.includes(LEE));
    expect(received.subject).toContain('DRILL');
    expect(linkOf(received, 'Resolve')).toBeNull();
    const path = linkOf(received, 'Acknowledge')!;

    const shown = await t.inject({ method: 'GET', url: path });
    expect(shown.body).toContain('escalation drill');
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const done = await t.inject({ method: 'POST', url: path, headers: form, payload: '' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.body).toContain('Acknowledged: [DRILL] Link drill: Lee');
    expect(done.body).toContain('as Lee Okafor');

    const recorded = (await maria.get(`${base}/drills/${drill.json().id}`)).json();
    expect(recorded.levels[0].pages[0]).toMatchObject({
      userName: 'Lee Okafor',
      acknowledgedAt: now.toISOString(),
    });
    const again = await t.inject({ method: 'POST', url: path, headers: form, payload: '' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Already done');
  });
});

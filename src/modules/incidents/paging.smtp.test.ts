import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type MailCatcher, type ReceivedMail, startMailCatcher } from '../../../test/smtp.ts';
import { startJobWorker } from '../../platform/jobs/worker.ts';
import { createLogger } from '../../platform/log/logger.ts';

/**
 * After hours, a page reaches a person by real e-mail: an operational alert at 02:00 client time
 * e-mails the provider's on-call engineer; unanswered, level 2 is e-mailed after its delay (with
 * Tandem restarted in between); the e-mail's acknowledge link stops the escalation.
 */

// Harborline's calendar is America/Chicago: on 2 December 2026 (CST, UTC−6) 02:00 local is 08:00Z.
const at = (iso: string) => new Date(iso);
const TWO_AM_CLIENT = at('2026-12-02T08:00:00Z');
const LEVEL_DELAY_MINUTES = 5;
const minutesAfter = (start: Date, minutes: number) => new Date(start.getTime() + minutes * 60_000);

const LEE = 'lee.okafor@northwind.example'; // provider engineer on call in the test's rota
const JORDAN = 'jordan.blake@northwind.example'; // level 2
const MARIA = 'maria.chen@northwind.example'; // level 3: must never be paged here

interface Page {
  level: number;
  userName: string;
  acknowledgedAt: string | null;
}
interface IncidentDetail {
  escalation: { state: string; level: number; nextAt: string | null; pages: Page[] } | null;
}

describe.each(await testDatabases())('paging by e-mail on $name', (database) => {
  let t: TestTandem;
  let mail: MailCatcher;
  let maria: Client; // provider manager: sets up the rota, the policy and the integration
  let base: string;
  let routingKey: string;
  let now = TWO_AM_CLIENT;

  beforeAll(async () => {
    mail = await startMailCatcher();
    t = await startTestTandem(database, { now: () => now, env: { TANDEM_SMTP_URL: mail.url } });
    maria = await t.as(MARIA);
    base = `/api/v1/engagements/${t.engagements.harborline}`;

    const schedule = await maria.post(`${base}/schedules`, {
      name: 'Paging test on-call',
      timeZone: 'America/Chicago',
      track: 'operations',
      party: 'provider',
      layers: [
        {
          name: 'Weekly',
          start: '2026-11-30T09:00',
          turn: { unit: 'weeks', length: 1 },
          users: [await t.userId(LEE)],
        },
      ],
    });
    expect(schedule.statusCode, schedule.body).toBe(201);
    const policy = await maria.post(`${base}/escalation-policies`, {
      name: 'Paging test: on-call, then Jordan, then Maria',
      repeat: 0,
      levels: [
        { delayMinutes: LEVEL_DELAY_MINUTES, targets: [{ type: 'schedule', id: schedule.json().id }] },
        { delayMinutes: LEVEL_DELAY_MINUTES, targets: [{ type: 'user', id: await t.userId(JORDAN) }] },
        { delayMinutes: LEVEL_DELAY_MINUTES, targets: [{ type: 'user', id: await t.userId(MARIA) }] },
      ],
    });
    expect(policy.statusCode, policy.body).toBe(201);
    const integration = await maria.post(`${base}/integrations`, {
      name: 'Paging test monitor',
      type: 'pagerduty_v2',
      defaults: { track: 'operations', escalationPolicyId: policy.json().id },
    });
    expect(integration.statusCode, integration.body).toBe(201);
    routingKey = integration.json().key;
  });

  afterAll(async () => {
    await t?.close();
    await mail?.close();
  });

  /** Runs every job due at `now` (escalation steps, the outbox) on the current Tandem. */
  async function runDueJobs(): Promise<void> {
    const { paging, slaClocks } = t.tandem.services;
    const worker = startJobWorker({
      handle: t.tandem.handle,
      handlers: {
        ...slaClocks.timerHandlers,
        ...paging.alerts.jobHandlers,
        ...paging.incidents.jobHandlers,
        ...paging.notifications.jobHandlers,
      },
      log: createLogger('silent'),
      now: () => now,
      polling: false,
    });
    try {
      await worker.runDue();
    } finally {
      await worker.stop();
    }
  }
  const mailTo = (email: string) => (m: ReceivedMail) => m.to.includes(email);
  const incident = async (id: string) =>
    (await maria.get(`${base}/tickets/${id}/incident`)).json() as IncidentDetail;

  it('pages on-call by e-mail at 02:00, then level 2, and the e-mail link acknowledges', async () => {
    now = TWO_AM_CLIENT;
    const event = await t.inject({
      method: 'POST',
      url: '/v2/enqueue',
      payload: {
        routing_key: routingKey,
        event_action: 'trigger',
        dedup_key: 'db-1/disk',
        payload: { summary: 'Disk full on db-1', source: 'db-1', severity: 'critical' },
      },
    });
    expect(event.statusCode, event.body).toBe(202);
    const alert = (await maria.get(`${base}/alerts`))
      .json()
      .items.find((a: { dedupKey: string }) => a.dedupKey === 'db-1/disk');
    const incidentId: string = alert?.incidentId;
    expect(incidentId).toBeTruthy();

    await runDueJobs();
    const first = await mail.waitFor(mailTo(LEE));
    expect(first.subject).toContain('Disk full on db-1');
    expect((await incident(incidentId)).escalation).toMatchObject({ state: 'running', level: 1 });

    // Tandem goes down and comes back between the levels; the level-2 timer is in the database.
    await t.restart({ now: () => now });
    now = minutesAfter(TWO_AM_CLIENT, LEVEL_DELAY_MINUTES - 1);
    await runDueJobs();
    expect(mail.messages.filter(mailTo(JORDAN))).toEqual([]);

    now = minutesAfter(TWO_AM_CLIENT, LEVEL_DELAY_MINUTES);
    await runDueJobs();
    const second = await mail.waitFor(mailTo(JORDAN));
    expect((await incident(incidentId)).escalation).toMatchObject({ state: 'running', level: 2 });

    // Jordan follows the link in the e-mail: a page with a button, then the button.
    const link = acknowledgeLink(second);
    const page = await t.inject({ method: 'GET', url: link.pathname + link.search });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toMatch(/acknowledge/i);
    const form = formOf(page.body, link.pathname + link.search);
    const done = await t.inject({
      method: 'POST',
      url: form.action,
      headers: {
        origin: BASE_URL,
        ...(form.fields ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form.fields ? { payload: form.fields } : {}),
    });
    expect(done.statusCode, done.body).toBe(200);

    const acknowledged = await incident(incidentId);
    expect(acknowledged.escalation).toMatchObject({ state: 'acknowledged', nextAt: null });
    const jordanPage = acknowledged.escalation?.pages.find((p) => p.level === 2);
    expect(jordanPage?.acknowledgedAt).toBeTruthy();
    const ticket = (await maria.get(`${base}/tickets/${incidentId}`)).json();
    expect(ticket.escalation).toMatchObject({ level: 2, nextAt: null });

    // Long after level 3 would have been due, nobody else was paged or mailed.
    now = minutesAfter(TWO_AM_CLIENT, 6 * LEVEL_DELAY_MINUTES);
    await runDueJobs();
    const after = await incident(incidentId);
    expect(after.escalation?.pages.map((p) => p.level).sort()).toEqual([1, 2]);
    expect(mail.messages.filter(mailTo(MARIA))).toEqual([]);
  }, 60_000);
});

/** The acknowledge link of a page e-mail (the URL on or just after a line saying "acknowledge"). */
function acknowledgeLink(mail: ReceivedMail): URL {
  const links = /https?:\/\/[^\s"'<>)\]]+\/actions\/[^\s"'<>)\]]+/g;
  const lines = mail.text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (!/acknowledge/i.test(line)) continue;
    const url = line.match(links)?.[0] ?? lines[i + 1]?.match(links)?.[0];
    if (url) return new URL(url);
  }
  const fallback = (mail.text.match(links) ?? mail.html.match(links))?.[0];
  if (!fallback) throw new Error(`no action link in the e-mail:\n${mail.text}\n${mail.html}`);
  return new URL(fallback.replaceAll('&amp;', '&'));
}

/** The form on an action page: where it posts and its hidden fields, url-encoded (or null). */
function formOf(html: string, fallbackAction: string): { action: string; fields: string | null } {
  const form = html.match(/<form\b[^>]*>([\s\S]*?)<\/form>/i);
  const actionAttr = form?.[0].match(/\baction="([^"]*)"/i)?.[1]?.replaceAll('&amp;', '&');
  const action = actionAttr ? new URL(actionAttr, `${BASE_URL}${fallbackAction}`) : null;
  const inputs = [...(form?.[1] ?? '').matchAll(/<input\b[^>]*>/gi)]
    .map((m) => ({
      name: m[0].match(/\bname="([^"]*)"/i)?.[1],
      value: m[0].match(/\bvalue="([^"]*)"/i)?.[1] ?? '',
    }))
    .filter((f): f is { name: string; value: string } => Boolean(f.name));
  return {
    action: action ? action.pathname + action.search : fallbackAction,
    fields: inputs.length > 0 ? new URLSearchParams(inputs.map((f) => [f.name, f.value])).toString() : null,
  };
}

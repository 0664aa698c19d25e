import { type APIRequestContext, expect, request, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './sign-in.ts';

const analyst = 'dana.reyes@northwind.example'; // provider party, SOC analyst
const manager = 'maria.chen@northwind.example'; // provider party, manager

/** A manager's API session: the cookie from logging in, and the Origin every write must carry. */
async function managerApi(baseURL: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  const login = await api.post('/api/v1/auth/login', { data: { email: manager, password: DEMO_PASSWORD } });
  expect(login.ok()).toBe(true);
  return api;
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), `${response.url()} answered ${response.status()}: ${await response.text()}`).toBe(
    true,
  );
  return (await response.json()) as T;
}

test('an SOC analyst sees a security incident arrive live, acknowledges it, and the escalation stops', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const summary = `Ransomware behaviour on FS-02 ${stamp}`;
  const api = await managerApi(baseURL ?? 'http://127.0.0.1:8181');

  // The manager sets up a security integration paging the SOC schedule, then Maria herself.
  const { items: engagements } = await json<{ items: { id: string; slug: string }[] }>(
    await api.get('/api/v1/engagements'),
  );
  const engagement = engagements.find((item) => item.slug === 'harborline');
  if (!engagement) throw new Error('the demo engagement harborline is missing');
  const base = `/api/v1/engagements/${engagement.id}`;
  const { items: schedules } = await json<{ items: { id: string; name: string }[] }>(
    await api.get(`${base}/schedules`),
  );
  const soc = schedules.find((schedule) => schedule.name === 'SOC');
  if (!soc) throw new Error('the demo SOC schedule is missing');
  const me = await json<{ id: string }>(await api.get('/api/v1/me'));
  const policy = await json<{ id: string }>(
    await api.post(`${base}/escalation-policies`, {
      data: {
        name: `SOC first ${stamp}`,
        repeat: 0,
        levels: [
          { delayMinutes: 15, targets: [{ type: 'schedule', id: soc.id }] },
          { delayMinutes: 15, targets: [{ type: 'user', id: me.id }] },
        ],
      },
    }),
  );
  const integration = await json<{ key: string }>(
    await api.post(`${base}/integrations`, {
      data: {
        name: `EDR ${stamp}`,
        type: 'pagerduty_v2',
        defaults: { track: 'security', security: true, escalationPolicyId: policy.id },
      },
    }),
  );

  // Dana has the incidents board open.
  await signIn(page, analyst);
  await expect(page).toHaveURL(/\/e\/[^/]+$/);
  await page.goto('/e/harborline/incidents');
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
  await expect(page.getByTestId('open-incidents')).toBeVisible();
  const reloads: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) reloads.push(frame.url());
  });

  // The EDR pages Tandem exactly as it would page PagerDuty.
  const event = await api.post('/v2/enqueue', {
    data: {
      routing_key: integration.key,
      event_action: 'trigger',
      dedup_key: `edr-${stamp}`,
      payload: { summary, source: 'fs-02.harborline.example', severity: 'critical' },
    },
  });
  expect(event.status()).toBe(202);
  expect(await event.json()).toMatchObject({ status: 'success', dedup_key: `edr-${stamp}` });

  // It arrives on the open board without a reload: security track, triggered, counting down.
  const row = page.getByRole('row').filter({ hasText: summary });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row.getByTestId('security-badge')).toBeVisible();
  await expect(row.getByTestId('incident-state')).toHaveAttribute('data-state', 'triggered');
  const countdown = row.getByTestId('escalation-countdown');
  await expect(countdown).toHaveAttribute('data-state', 'running');
  await expect(countdown).toContainText(/escalates in \d+:\d\d/);
  expect(reloads).toEqual([]);

  // Dana acknowledges from the board: the countdown stops and says so.
  await row.getByRole('button', { name: /^Acknowledge / }).click();
  await expect(row.getByTestId('incident-state')).toHaveAttribute('data-state', 'acknowledged');
  await expect(countdown).toHaveAttribute('data-state', 'stopped');
  await expect(countdown).toContainText('acknowledged');
  await expect(row.getByRole('button', { name: /^Acknowledge / })).toHaveCount(0);

  // The incident page tells the same story: who acknowledged, and no next level counting.
  await row.locator('[data-incident-link]').click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(stamp) })).toBeVisible();
  const progress = page.getByTestId('escalation-progress');
  await expect(progress).toHaveAttribute('data-state', 'acknowledged');
  await expect(progress).toContainText('Acknowledged by Dana Reyes');
  await expect(progress.getByTestId('next-level')).toHaveCount(0);
  await expect(page.getByTestId('incident-alerts')).toContainText(summary);

  await api.dispose();
});

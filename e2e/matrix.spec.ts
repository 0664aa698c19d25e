import { type Browser, expect, type Page, test } from '@playwright/test';
import { signIn } from './sign-in.ts';

const clientManager = 'priya.sharma@harborline.example'; // internal IT manager
const accountManager = 'maria.chen@northwind.example'; // the MSP's account manager
/** Harborline's zone: the coverage map's hours line up with its desk hours. */
const ZONE = 'America/Chicago';
/** Harborline's holidays: on them the desk is closed and the NOC rota does not run by day. */
const HOLIDAYS = ['11-26', '12-25', '01-01'];

/**
 * A Monday (YYYY-MM-DD, local to ZONE) at least a week ahead whose week holds no Harborline
 * holiday, so a line with someone on call every hour reads as covered all week.
 */
function quietWeek(): string {
  const local = (ms: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, dateStyle: 'short' }).format(ms);
  let ms = Date.now() + 7 * 86_400_000;
  while (new Date(`${local(ms)}T12:00:00Z`).getUTCDay() !== 1) ms += 86_400_000;
  const days = (start: number) => Array.from({ length: 7 }, (_, d) => local(start + d * 86_400_000).slice(5));
  while (days(ms).some((day) => HOLIDAYS.includes(day))) ms += 7 * 86_400_000;
  return local(ms);
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId: ZONE });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/e\/[^/]+$/);
  return page;
}

async function openMatrix(page: Page) {
  await page
    .getByRole('navigation', { name: 'Engagement' })
    .getByRole('link', { name: 'Responsibility matrix' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Responsibility matrix' })).toBeVisible();
}

/** The network × operations line of the coverage map, one cell per hour of `week`. */
async function networkOperations(page: Page, week: string) {
  await page.goto(`/e/harborline/coverage?week=${week}&track=operations`);
  await expect(page.getByRole('heading', { level: 1, name: 'Coverage' })).toBeVisible();
  const line = page.locator(
    '[data-testid="coverage-cell"][data-function="network"][data-track="operations"]',
  );
  // A week is 168 hours (167 or 169 when the clocks change).
  await expect.poll(() => line.count()).toBeGreaterThanOrEqual(167);
  return line;
}

async function sign(page: Page, party: 'internal' | 'provider') {
  const panel = page.getByTestId('sign-off');
  await panel.getByRole('button', { name: `Sign for the ${party} party` }).click();
  const dialog = page.getByRole('dialog', { name: `Sign for the ${party} party` });
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('signatures').locator(`[data-party="${party}"]`)).toHaveAttribute(
    'data-signed',
    'true',
  );
}

test('the client manager closes an after-hours gap and signs, the MSP signs, and the coverage map shows the gap closed', async ({
  browser,
}) => {
  test.setTimeout(120_000); // two people, two browsers, a matrix version
  const week = quietWeek();

  // Before: network incidents after hours have no operations schedule, so nobody is paged.
  const priya = await signedIn(browser, clientManager);
  const before = await networkOperations(priya, week);
  await expect(before.and(priya.locator('[data-state="gap"]')).first()).toBeAttached();

  // The client's IT manager names the NOC rota for after hours on that cell and saves the draft.
  await priya.goto('/e/harborline');
  await openMatrix(priya);
  const cell = priya.locator(
    '[data-testid="matrix-cell"][data-function="network"][data-scenario="incident"]',
  );
  await expect(cell.getByTestId('paging-hole')).toHaveText('operations: nobody paged after hours');
  await cell.click();
  const drawer = priya.getByRole('dialog', { name: 'Network × Incident response' });
  const afterHours = drawer.getByRole('group', { name: 'Rule 2' });
  await expect(afterHours.getByRole('combobox', { name: 'When' })).toHaveValue('After hours');
  await afterHours.getByRole('combobox', { name: 'Operations schedule' }).click();
  await priya.getByRole('option', { name: 'NOC on-call (Provider)' }).click();
  await drawer.getByRole('button', { name: 'Save to draft' }).click();
  await expect(drawer).toBeHidden();
  await expect(cell.getByTestId('paging-hole')).toHaveCount(0);

  // …and signs it for the internal party; it is not in effect until the MSP signs too.
  await expect(priya.getByTestId('draft-changes')).toContainText(
    'Network × Incident response: coverage changed',
  );
  await sign(priya, 'internal');
  await expect(priya.getByTestId('matrix-status')).toHaveText('Version 1 in effect · draft differs');

  // The MSP's account manager, in a browser of their own, reads the same change and signs.
  const maria = await signedIn(browser, accountManager);
  await openMatrix(maria);
  const signatures = maria.getByTestId('signatures');
  await expect(signatures.locator('[data-party="internal"]')).toContainText('Signed by Priya Sharma');
  await expect(maria.getByTestId('draft-changes')).toContainText(
    'Network × Incident response: coverage changed',
  );
  await sign(maria, 'provider');
  await expect(maria.getByTestId('took-effect')).toHaveText(/Version 2 is now in effect/);

  // The client manager's open page hears of it.
  await expect(priya.getByTestId('matrix-status')).toHaveText('Version 2 in effect · the draft matches it');
  await expect(priya.getByTestId('took-effect')).toHaveText(/Version 2 is now in effect/);

  // After: someone is on call for network incidents every hour of the week.
  const after = await networkOperations(priya, week);
  await expect(after.and(priya.locator('[data-state="gap"]'))).toHaveCount(0);
  await expect(after.and(priya.locator('[data-state="covered"]')).first()).toBeAttached();
});

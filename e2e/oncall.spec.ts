import { type Browser, expect, type Page, test } from '@playwright/test';
import { signIn } from './sign-in.ts';

const manager = 'maria.chen@northwind.example'; // provider manager: manages schedules, adds overrides
const cover = 'Sam Patel'; // provider agent outside the NOC rotation: always "someone else"
const MINUTE_MS = 60_000;

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/e\/harborline$/);
  return page;
}

async function openOnCall(page: Page) {
  await page.getByRole('navigation', { name: 'Engagement' }).getByRole('link', { name: 'On-call' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'On-call' })).toBeVisible();
}

test('a provider manager drags an override across now on the NOC schedule, and who is on call follows it', async ({
  browser,
}) => {
  const page = await signedIn(browser, manager);
  const card = page.getByRole('region', { name: "Who's on call now" });
  await expect(card.locator('[data-schedule="NOC on-call"]').getByTestId('oncall-now')).toBeVisible();

  // The NOC schedule: its layer and the final row, with the rotation's people on it.
  await openOnCall(page);
  const row = page.locator('tr[data-schedule="NOC on-call"]');
  await expect(row.getByTestId('oncall-now')).toBeVisible();
  await row.getByRole('link', { name: 'NOC on-call' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'NOC on-call' })).toBeVisible();
  await expect(page.getByTestId('zone-note')).toContainText('America/Chicago');
  const final = page.getByTestId('final-row');
  await expect(final.getByTestId('shift-bar').first()).toBeVisible();
  await expect(
    final
      .getByTestId('shift-bar')
      .filter({ hasText: /Jordan Blake|Lee Okafor/ })
      .first(),
  ).toBeVisible();

  // Drag from about half an hour ago to three hours from now; the span snaps to half hours.
  const lane = await final.boundingBox();
  const nowLine = await final.getByTestId('now-line').boundingBox();
  if (!lane || !nowLine) throw new Error('the timeline is not on screen');
  const perMinute = lane.width / (7 * 24 * 60);
  const y = lane.y + lane.height / 2;
  await page.mouse.move(Math.max(lane.x + 1, nowLine.x - 40 * perMinute), y);
  await page.mouse.down();
  await page.mouse.move(nowLine.x + 90 * perMinute, y, { steps: 4 });
  await page.mouse.move(Math.min(lane.x + lane.width - 1, nowLine.x + 180 * perMinute), y, { steps: 4 });
  await page.mouse.up();

  const form = page.getByRole('form', { name: 'New override' });
  await expect(form).toBeVisible();
  const from = await form.getByLabel('From').inputValue();
  expect(from).toMatch(/T\d{2}:(00|30)$/);
  await form.getByRole('combobox', { name: 'Who covers' }).click();
  await form.getByRole('option', { name: cover }).click();
  await form.getByRole('button', { name: 'Add override' }).click();
  await expect(form).toBeHidden();

  // The final row now has the override on top and the cover on call at this moment.
  const override = final.getByTestId('override-bar').filter({ hasText: cover });
  await expect(override).toBeVisible();
  const coverShift = final.locator(`[data-testid="shift-bar"][data-user="${cover}"]`);
  await expect(coverShift).toHaveCount(1);
  const span = await coverShift.evaluate((el) => ({
    start: el.dataset.start ?? '',
    end: el.dataset.end ?? '',
  }));
  expect(Date.parse(span.start)).toBeLessThanOrEqual(Date.now());
  // Late on a Sunday the drag stops at the end of the week, so only "still on call after now" is certain.
  expect(Date.parse(span.end)).toBeGreaterThan(Date.now() + MINUTE_MS);
  await expect(page.getByTestId('override-row').filter({ hasText: cover })).toBeVisible();

  // "Who's on call" says so, on the schedule list and on the home page.
  await page.getByRole('link', { name: 'On-call', exact: true }).first().click();
  await expect(row.getByTestId('oncall-now')).toContainText(cover);
  await page.getByRole('navigation', { name: 'Engagement' }).getByRole('link', { name: 'Home' }).click();
  await expect(card.locator('[data-schedule="NOC on-call"]').getByTestId('oncall-now')).toContainText(cover);

  // Removing the override hands the time back to the rotation.
  await card.getByRole('link', { name: 'NOC on-call' }).click();
  await final.getByRole('button', { name: `Remove the override by ${cover}`, exact: false }).click();
  await page
    .getByRole('dialog', { name: 'Remove this override?' })
    .getByRole('button', { name: 'Remove override' })
    .click();
  await expect(final.getByTestId('override-bar').filter({ hasText: cover })).toHaveCount(0);
  await expect(final.locator(`[data-testid="shift-bar"][data-user="${cover}"]`)).toHaveCount(0);
});

test('a layer that starts at a time the spring-forward skips is refused, with the reason at the field', async ({
  browser,
}) => {
  const page = await signedIn(browser, manager);
  await openOnCall(page);
  await page.getByRole('button', { name: 'New schedule' }).click();
  const dialog = page.getByRole('dialog', { name: 'New schedule' });
  await dialog.getByLabel('Name', { exact: true }).fill(`Spring forward ${Date.now().toString(36)}`);
  await dialog.getByRole('combobox', { name: 'Time zone', exact: true }).fill('America/New_York');
  await page.getByRole('option', { name: 'America/New_York', exact: true }).click();
  const handoff = dialog.getByLabel('First handoff');
  await handoff.fill('2026-03-08T02:30');
  await dialog.getByRole('combobox', { name: 'Add a person to Primary' }).click();
  await page.getByRole('option', { name: 'Jordan Blake' }).click();
  await dialog.getByRole('button', { name: 'Create schedule' }).click();

  // 02:30 never shows on New York's clocks that night: the server says so, beside the input.
  await expect(handoff).toHaveAttribute('aria-invalid', 'true');
  await expect(handoff).toHaveAccessibleDescription(
    /2026-03-08T02:30 does not exist in America\/New_York: clocks spring forward from 02:00 to 03:00/,
  );
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('tr[data-schedule^="Spring forward"]')).toHaveCount(0);
});

import { type Browser, expect, type Page, test } from '@playwright/test';
import { signIn } from './sign-in.ts';

const engineer = 'sam.patel@northwind.example'; // provider agent: drafts and runs changes
const manager = 'priya.sharma@harborline.example'; // internal manager: approves them
/** A zone far from UTC, so a late-evening window lands on another UTC day than its local one. */
const ZONE = 'America/New_York';
const YEAR_END_FREEZE = 'Year-end freeze';

/** The local day (`YYYY-MM-DD`) in ZONE of an instant. */
function localDay(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, dateStyle: 'short' }).format(ms);
}

/** A day a week from now, stepping past the year-end freeze (18 Dec – 4 Jan) if it lands there. */
function nextWeek(): string {
  let ms = Date.now() + 7 * 86_400_000;
  while (localDay(ms).slice(5) >= '12-17' || localDay(ms).slice(5) <= '01-04') ms += 7 * 86_400_000;
  return localDay(ms);
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId: ZONE });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/e\/[^/]+$/);
  return page;
}

async function openChanges(page: Page, tab?: string) {
  await page.getByRole('navigation', { name: 'Engagement' }).getByRole('link', { name: 'Changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Changes' })).toBeVisible();
  if (tab) await page.getByRole('tab', { name: tab }).click();
}

test('an MSP engineer submits a change, the client manager approves it from the queue, and once scheduled it sits on the calendar', async ({
  browser,
}) => {
  test.setTimeout(120_000); // two people, two browsers, one change
  const stamp = Date.now().toString(36);
  const title = `Replace the warehouse firewall ${stamp}`;
  const day = nextWeek();

  // The engineer drafts a normal change for 22:00–23:30 their time, a week from now, and submits it.
  const sam = await signedIn(browser, engineer);
  await openChanges(sam);
  await sam.getByRole('button', { name: 'New change' }).click();
  const form = sam.getByRole('dialog', { name: 'New change' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Description').fill('The old firewall is out of support in January.');
  await form.getByLabel('Window start').fill(`${day}T22:00`);
  await form.getByLabel('Window end').fill(`${day}T23:30`);
  await form.getByLabel('Implementation plan').fill('1. Fail over to the spare.\n2. Swap the unit.');
  await form.getByLabel('Backout plan').fill('Put the old unit back and restore its saved configuration.');
  await form.getByLabel('Affected assets').fill('fw-warehouse-01');
  await form.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(form).toBeHidden();
  await expect(sam.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(sam.getByTestId('change-state')).toHaveText('Awaiting approval');
  await expect(sam.getByTestId('approval-due')).toContainText(/Approval due .+ \(internal\)/);
  const number = ((await sam.getByTestId('change-number').textContent()) ?? '').trim();
  expect(number).toMatch(/^LOGI-\d+$/);

  // The client's IT manager, in a browser of their own, approves it from the approval queue.
  const priya = await signedIn(browser, manager);
  await openChanges(priya, 'Approval queue');
  const row = priya.locator(`tr[data-change-number="${number}"]`);
  await expect(row).toContainText(title);
  await row.getByRole('button', { name: `Approve ${number}` }).click();
  await expect(row).toBeHidden();

  // The engineer's open page hears of the approval and offers to schedule it.
  await expect(sam.getByTestId('change-state')).toHaveText('Approved');
  await expect(sam.getByTestId('change-approvals')).toContainText('Priya Sharma');
  await sam.getByRole('button', { name: 'Schedule' }).click();
  await expect(sam.getByTestId('change-state')).toHaveText('Scheduled');

  // On the calendar it sits on its local day, not on the UTC day its window falls in.
  await openChanges(sam, 'Calendar');
  const title0 = (await sam.getByTestId('calendar-title').textContent()) ?? '';
  const month = new Date(`${day}T12:00:00`).toLocaleString('en-US', { month: 'long' });
  if (!title0.includes(month)) await sam.getByRole('button', { name: 'Next month' }).click();
  const cell = sam.locator(`[data-testid="calendar-day"][data-day="${day}"]`);
  await expect(cell.getByRole('link', { name: new RegExp(title) })).toBeVisible();
  const dayAfter = localDay(new Date(`${day}T12:00:00Z`).getTime() + 86_400_000);
  await expect(sam.locator(`[data-day="${dayAfter}"]`)).not.toContainText(title);

  // …and a click on it opens the change.
  await cell.getByRole('link', { name: new RegExp(title) }).click();
  await expect(sam.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await sam.context().close();
  await priya.context().close();
});

test('a change whose window falls in the year-end freeze is refused, naming the freeze', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const title = `Patch the pilot ring over the holidays ${stamp}`;

  // The demo has the year-end freeze; should it be missing, the manager adds it.
  const priya = await signedIn(browser, manager);
  await openChanges(priya, 'Freeze windows');
  const freezes = priya.getByTestId('freeze-windows');
  await expect(freezes.getByText(new RegExp(`${YEAR_END_FREEZE}|No freeze windows`)).first()).toBeVisible();
  if ((await freezes.getByText(YEAR_END_FREEZE).count()) === 0) {
    const add = priya.getByRole('form', { name: 'Add a freeze window' });
    await add.getByLabel('Name').fill(YEAR_END_FREEZE);
    await add.getByLabel('Start').fill('2026-12-18T00:00');
    await add.getByLabel('End').fill('2027-01-04T00:00');
    await add.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(freezes.getByText(YEAR_END_FREEZE)).toBeVisible();
  }
  await priya.context().close();

  // The engineer raises a standard change from a template, for 20 December.
  const sam = await signedIn(browser, engineer);
  await openChanges(sam);
  await sam.getByRole('button', { name: 'New change' }).click();
  const form = sam.getByRole('dialog', { name: 'New change' });
  await form.locator('label', { hasText: 'Standard' }).click();
  await form.getByLabel('Template', { exact: true }).click();
  await sam.getByRole('option').first().click();
  await expect(form.getByLabel('Backout plan')).not.toHaveValue('');
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Window start').fill('2026-12-20T10:00');
  await form.getByLabel('Window end').fill('2026-12-20T12:00');
  await form.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(form).toBeHidden();
  await expect(sam.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // A standard change is pre-approved by its template…
  await expect(sam.getByTestId('change-state')).toHaveText('Approved');

  // …but it may not be scheduled inside a freeze: the refusal names the freeze window.
  await sam.getByRole('button', { name: 'Schedule' }).click();
  const refused = sam.getByTestId('change-refused');
  await expect(refused).toContainText('freeze window');
  await expect(refused).toContainText(YEAR_END_FREEZE);
  await expect(sam.getByTestId('change-state')).toHaveText('Approved');

  await sam.context().close();
});

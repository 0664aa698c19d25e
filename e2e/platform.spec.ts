import { expect, test } from '@playwright/test';
import { signIn } from './sign-in.ts';

const admin = 'admin@northwind.example';

// First, so the README shows the demo data as `tandem demo` leaves it.
test('home page (README screenshot)', async ({ page }) => {
  await signIn(page, admin);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('Members', { exact: true })).toBeVisible();
  await expect(page.getByText('Recent activity')).toBeVisible();
  await expect(page.locator('.mantine-Skeleton-root')).toHaveCount(0); // every panel has loaded
  await page.screenshot({ path: 'docs/screenshot.png' });
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await signIn(page, admin, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('Wrong e-mail or password');
  await expect(page).toHaveURL(/\/login/);
});

test('a provider admin switches engagement, creates an API token shown once, and finds it in the audit log', async ({
  page,
}) => {
  await signIn(page, admin);
  await expect(page).toHaveURL(/\/e\/[^/]+$/);
  const switcher = page.getByRole('combobox', { name: 'Engagement' });
  const first = await switcher.inputValue();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first);

  // Switching keeps the section: from the members page of one engagement to that of another.
  await page.getByRole('link', { name: 'Members & teams' }).click();
  await expect(page).toHaveURL(/\/admin\/members$/);
  await switcher.click();
  const other = page.getByRole('option').filter({ hasNotText: first }).first();
  const otherName = ((await other.locator('p').first().textContent()) ?? '').trim();
  await other.click();
  await expect(switcher).toHaveValue(otherName);
  await expect(page).toHaveURL(/\/e\/[^/]+\/admin\/members$/);
  await expect(page.getByRole('table')).toContainText('admin@northwind.example');

  // A token is shown once, in the dialog, and never again.
  const name = `E2E check ${Date.now().toString(36)}`;
  await page.getByRole('link', { name: 'API tokens' }).click();
  await page.getByRole('button', { name: 'Create token' }).click();
  const createDialog = page.getByRole('dialog', { name: 'Create API token' });
  await createDialog.getByLabel('Name').fill(name);
  await createDialog.getByRole('button', { name: 'Create token' }).click();
  const reveal = page.getByRole('dialog', { name: /created/ });
  await expect(reveal).toContainText('only time the token is shown');
  const secret = ((await reveal.getByTestId('new-api-token').textContent()) ?? '').trim();
  expect(secret.length).toBeGreaterThan(20);
  await reveal.getByRole('button', { name: 'I have stored it' }).click();
  await expect(reveal).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Active');
  await expect(page.locator('body')).not.toContainText(secret);

  // The creation is in this engagement's audit log, newest first.
  await page.getByRole('link', { name: 'Audit log' }).click();
  const created = page.getByRole('row').filter({ hasText: 'token.created' }).filter({ hasText: name });
  await expect(created.first()).toBeVisible();
  await created
    .first()
    .getByRole('button', { name: /Show changes/ })
    .click();
  await expect(page.getByText(`"name": "${name}"`).first()).toBeVisible();
});

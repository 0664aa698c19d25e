import { expect, test } from '@playwright/test';
import { signIn } from './sign-in.ts';

const internalItLead = 'priya.sharma@harborline.example';

test('an organization admin creates a user, disables them, and they can no longer sign in', async ({
  page,
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const person = {
    name: `Casey Lind ${stamp}`,
    email: `casey.lind.${stamp}@harborline.example`,
    password: `first-day-${stamp}`,
  };

  await signIn(page, internalItLead);
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');

  // A client admin has one organization, so the form does not ask for it.
  await page.getByRole('button', { name: 'New user' }).click();
  const form = page.getByRole('dialog', { name: 'New user' });
  await expect(form.getByRole('combobox', { name: 'Organization' })).toHaveCount(0);
  await form.getByLabel('Name').fill(person.name);
  await form.getByLabel('E-mail').fill(person.email);
  await form.getByLabel('Initial password').fill('too-short');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form).toContainText('Use at least 10 characters.');
  await form.getByLabel('Initial password').fill(person.password);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form).toBeHidden();

  await page.getByLabel('Filter users by name or e-mail').fill(stamp);
  const row = page.getByRole('row').filter({ hasText: person.email });
  await expect(row).toContainText(person.name);
  await expect(row).toContainText('Harborline Logistics');
  await expect(row).toContainText('Member');
  await expect(row).toContainText('Active');

  // Promotion applies at once, no questions asked.
  await row.getByRole('button', { name: `Actions for ${person.name}` }).click();
  await page.getByRole('menuitem', { name: 'Make admin' }).click();
  await expect(row).toContainText('Admin');

  // The new user signs in, in a browser of their own.
  const theirBrowser = await browser.newContext();
  const theirs = await theirBrowser.newPage();
  await signIn(theirs, person.email, person.password);
  await expect(theirs.getByRole('heading', { name: 'You are not part of an engagement yet' })).toBeVisible();

  // Disabling asks first, and says what it does.
  await row.getByRole('button', { name: `Actions for ${person.name}` }).click();
  await page.getByRole('menuitem', { name: 'Disable' }).click();
  const confirm = page.getByRole('dialog', { name: 'Disable user' });
  await expect(confirm).toContainText('signed out everywhere at once');
  await confirm.getByRole('button', { name: 'Disable user' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Disabled');

  // Their session has ended, and their password no longer works.
  await theirs.reload();
  await expect(theirs).toHaveURL(/\/login/);
  await signIn(theirs, person.email, person.password);
  await expect(theirs.getByRole('alert')).toHaveText('Wrong e-mail or password');
  await expect(theirs).toHaveURL(/\/login/);
  await theirBrowser.close();
});

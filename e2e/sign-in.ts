import { expect, type Page } from '@playwright/test';

/** Every demo account's password (`tandem demo`). */
export const DEMO_PASSWORD = 'tandem-demo';

/** Opens the app signed out, lands on the login page and submits it. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

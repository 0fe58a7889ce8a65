import { expect, type Page } from '@playwright/test';
import type { DemoUser } from './users.js';

/** Fill the emulator's login page (the user pool's managed login) and submit it. */
export async function submitLoginForm(page: Page, user: DemoUser): Promise<void> {
  await page.getByLabel(/user ?name/i).fill(user.username);
  await page.getByLabel(/^password/i).fill(user.password);
  await page.getByRole('button', { name: /sign in|log in|continue/i }).click();
}

const loginForm = (page: Page) => page.getByLabel(/^password/i);
/** The console's own /signin page (the emulator's login form has a "Sign in" button too). */
const signInPage = (page: Page) => page.getByRole('heading', { name: 'Sign in to AWS Console' });
const signInButton = (page: Page) => page.getByRole('button', { name: /sign in/i });
const consoleShell = (page: Page) => page.getByRole('button', { name: 'User menu' });

/**
 * Open a console path as `user`. Credentials live in memory, so a fresh page starts signed out: it goes
 * through /signin and the OIDC redirect, where a saved OIDC session (storageState) answers at once and
 * a missing one shows the login form. Ends on the requested page with the shell shown.
 */
export async function openSignedIn(page: Page, path: string, user: DemoUser): Promise<void> {
  await page.goto(path);
  await expect(consoleShell(page).or(signInPage(page)).or(loginForm(page)).first()).toBeVisible({ timeout: 15_000 });
  if (await signInPage(page).isVisible()) {
    await signInButton(page).click();
    await expect(consoleShell(page).or(loginForm(page)).first()).toBeVisible({ timeout: 15_000 });
  }
  if (await loginForm(page).isVisible()) await submitLoginForm(page, user);
  await expect(consoleShell(page)).toBeVisible({ timeout: 15_000 });
  await expect(consoleShell(page)).toContainText(user.username);
}

/** From the console's sign-in page through the emulator's login form, ending signed in. */
export async function signInThroughLoginPage(page: Page, user: DemoUser): Promise<void> {
  await signInButton(page).click();
  await expect(page).toHaveURL(/\/cognito-idp\//);
  await submitLoginForm(page, user);
  await expect(consoleShell(page)).toBeVisible({ timeout: 15_000 });
}

export { consoleShell, signInButton, signInPage };

import { test, expect } from './fixtures.js';
import { submitLoginForm, signInThroughLoginPage, consoleShell } from './support/sign-in.js';
import { USERS } from './support/users.js';

// Fresh browser: these tests sign in themselves, so signing out never ends the session other specs reuse.
test.use({ storageState: { cookies: [], origins: [] } });

test('a signed-out visit to a deep link goes through the login page and lands on that link', async ({ page, axe }) => {
  await page.goto('/dashboard?region=eu-west-1');
  await expect(page).toHaveURL(/\/signin\?returnTo=/);
  await expect(page.getByRole('heading', { name: 'Sign in to AWS Console' })).toBeVisible();
  await axe('sign-in page');

  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page.getByLabel(/^password/i)).toBeVisible();
  await axe('emulator login page');
  await submitLoginForm(page, USERS.admin);

  await expect(page).toHaveURL(/\/dashboard\?region=eu-west-1$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Region' })).toHaveValue('eu-west-1');
});

test('the header shows the user, the groups, the region and when the credentials expire', async ({ page, axe }) => {
  await page.goto('/dashboard');
  await signInThroughLoginPage(page, USERS.viewer);
  await expect(consoleShell(page)).toContainText('bob');
  await expect(page.getByRole('combobox', { name: 'Region' })).toHaveValue('us-east-1');
  await expect(page.getByTestId('credentials-expiry')).toHaveText(/Credentials expire \d{1,2}:\d{2}/);
  // Groups come from the ID token's cognito:groups.
  await expect(page.getByRole('banner')).toContainText('viewers');
  await consoleShell(page).click();
  await expect(page.getByRole('menu')).toContainText('Groups: viewers');
  await axe('user menu open');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
});

test('a wrong password is refused on the login page and the right one then works', async ({ page, axe }) => {
  // In the system's dark mode, the emulator's login page is dark too (no white flash), and still readable.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/dashboard');
  await page.getByRole('button', { name: /sign in/i }).click();
  await submitLoginForm(page, { ...USERS.admin, password: 'not-the-password' });
  await expect(page.getByRole('alert')).toHaveText(/Incorrect username or password\./);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(11, 15, 23)');
  await expect(page).not.toHaveURL(/\/dashboard/);
  await axe('login page with an error');

  await submitLoginForm(page, USERS.admin);
  await expect(consoleShell(page)).toContainText('alice');
});

test('sign-out ends the OIDC session: signing in again asks for the password', async ({ page }) => {
  await page.goto('/dashboard');
  await signInThroughLoginPage(page, USERS.admin);
  await expect(page.getByRole('region', { name: 'S3 buckets' })).toBeVisible();

  await consoleShell(page).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole('heading', { name: 'Sign in to AWS Console' })).toBeVisible();
  await expect(consoleShell(page)).toHaveCount(0);

  // A protected page is refused again, and the provider no longer remembers the user.
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/signin\?returnTo=/);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page.getByLabel(/^password/i)).toBeVisible();
});

test('credentials are held in memory, never in localStorage or sessionStorage', async ({ page }) => {
  await page.goto('/dashboard');
  await signInThroughLoginPage(page, USERS.admin);
  await expect(page.getByRole('region', { name: 'S3 buckets' })).toBeVisible();
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(stored).not.toMatch(/ASIA[A-Z0-9]{12,}|SecretKey|SessionToken|secretAccessKey|sessionToken/);
});

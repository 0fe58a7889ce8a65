// The console kit's shell: phones, crashes, stale chunks after a deploy, failed background refreshes.
import { test, expect } from './fixtures.js';
import { signInThroughLoginPage } from './support/sign-in.js';
import { USERS } from './support/users.js';

const DASHBOARD_CHUNK = /\/assets\/dashboard-page-[\w-]+\.js$/;

test.describe('at a phone’s width (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the page never scrolls sideways, and the sidebar is a menu that works', async ({ page, open, axe }) => {
    await open('/dashboard');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'S3 buckets' }).getByRole('list', { name: 'Buckets' })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    // The header is one row: every control sits within the 56 px bar.
    const header = await page.getByRole('banner').boundingBox();
    expect(header?.height).toBeLessThanOrEqual(57);
    // The sidebar is hidden; the menu button opens it, and a link closes it.
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await page.getByRole('button', { name: 'Open menu' }).click();
    const menu = page.getByRole('dialog', { name: 'Menu' });
    await expect(menu.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await axe('phone menu');
    await menu.getByRole('link', { name: 'Dashboard' }).click();
    await expect(menu).toBeHidden();
  });
});

test('a page that crashes shows its error inside the shell, which keeps working', async ({ page, open }) => {
  await page.route(DASHBOARD_CHUNK, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: 'export default function Broken() { throw new Error("the dashboard broke in a test"); }',
    }),
  );
  await open('/dashboard');
  const alert = page.getByRole('alert').filter({ hasText: 'This page stopped working' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('the dashboard broke in a test');
  // The shell is still there: header, sidebar and breadcrumbs.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Region' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the dashboard' })).toBeVisible();
});

test('a chunk that fails to load (after a deploy) offers a reload that recovers', async ({ page, open }) => {
  await page.route(DASHBOARD_CHUNK, (route) => route.abort('failed'));
  await open('/dashboard');
  const alert = page.getByRole('alert').filter({ hasText: 'This part of the console could not be loaded' });
  await expect(alert).toBeVisible();
  await page.unroute(DASHBOARD_CHUNK);
  await alert.getByRole('button', { name: 'Reload the console' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test('a background refresh that is denied names the list and the action, and the data stays', async ({
  page,
  ownEmulator,
}) => {
  await page.goto('/dashboard');
  await signInThroughLoginPage(page, USERS.admin);
  const buckets = page.getByRole('region', { name: 'S3 buckets' });
  await expect(buckets.getByRole('list', { name: 'Buckets' })).toContainText('demo-assets');

  await ownEmulator.admin('faults', {
    service: 's3',
    operation: 'ListBuckets',
    count: 1000,
    error: {
      code: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:sts::${ownEmulator.accountId}:assumed-role/ConsoleAdmin/x is not authorized to perform: s3:ListAllMyBuckets on resource: arn:aws:s3:::*`,
    },
  });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(
    page.getByText('Could not refresh the bucket list: your role does not allow s3:ListAllMyBuckets'),
  ).toBeVisible();
  // Rows that loaded stay; nothing blanks the card.
  await expect(buckets.getByRole('list', { name: 'Buckets' })).toContainText('demo-assets');
});

test('the header names the IAM role the user works as; the viewer is marked read-only', async ({ page, open }) => {
  await open('/dashboard');
  await expect(page.getByRole('button', { name: /User menu alice · admins · ConsoleAdmin/ })).toBeVisible();
  await expect(page.getByRole('note', { name: /Read-only/ })).toHaveCount(0);
});

test.describe('as the viewer', () => {
  test.use({ role: 'viewer' });
  test('the header shows a read-only marker naming the role', async ({ page, open }) => {
    await open('/dashboard');
    await expect(page.getByRole('note', { name: /Read-only: You work as ConsoleReadOnly/ })).toBeVisible();
  });
});

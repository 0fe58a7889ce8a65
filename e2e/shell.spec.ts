import { test, expect } from './fixtures.js';

test('a deep link opens the view it names, region included', async ({ page, open }) => {
  await open('/dashboard?region=eu-west-1');
  await expect(page).toHaveURL(/\/dashboard\?region=eu-west-1$/);
  await expect(page.getByRole('combobox', { name: 'Region' })).toHaveValue('eu-west-1');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Dashboard');
  // Internal links keep the region.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' })).toHaveAttribute(
    'href',
    /region=eu-west-1/,
  );
});

test('/ goes to the dashboard and keeps the region', async ({ page, open }) => {
  await open('/?region=eu-west-1');
  await expect(page).toHaveURL(/\/dashboard\?region=eu-west-1$/);
});

test('the region switcher writes the region into the URL, and back goes back', async ({ page, open }) => {
  await open('/dashboard');
  await expect(page.getByRole('combobox', { name: 'Region' })).toHaveValue('us-east-1');
  await page.getByRole('combobox', { name: 'Region' }).selectOption('eu-west-1');
  await expect(page).toHaveURL(/region=eu-west-1/);
  await page.goBack();
  await expect(page.getByRole('combobox', { name: 'Region' })).toHaveValue('us-east-1');
  // The browser remembers the last choice: a bookmark without ?region= opens it, and the URL still wins.
  await page.goto('/dashboard');
  await expect(page.getByRole('combobox', { name: 'Region' })).toHaveValue('eu-west-1');
  await page.goto('/dashboard?region=us-east-1');
  await expect(page.getByRole('combobox', { name: 'Region' })).toHaveValue('us-east-1');
});

test('an unknown region in the URL falls back to the default', async ({ page, open }) => {
  await open('/dashboard?region=mars-north-9');
  await expect(page.getByRole('combobox', { name: 'Region' })).toHaveValue('us-east-1');
});

test('an unknown path shows the 404 page with a way back', async ({ page, open, axe }) => {
  await open('/no/such/page?region=eu-west-1');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await axe('404 page');
  await page.getByRole('link', { name: 'Go to the dashboard' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test('the theme switch applies dark and light, and the choice survives a reload', async ({ page, open, axe }) => {
  await open('/dashboard');
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await theme.selectOption('Dark');
  await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/);
  await axe('dashboard, dark theme');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/);
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue(/dark/i);

  await page.getByRole('combobox', { name: 'Theme' }).selectOption('Light');
  await expect(page.locator('html')).not.toHaveClass(/(^|\s)dark(\s|$)/);
});

test.describe('system theme', () => {
  test.use({ colorScheme: 'dark' });
  test('follows the system preference until the user picks one', async ({ page, open }) => {
    await open('/dashboard');
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue(/system/i);
    await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/);
  });
});

test('keyboard: / focuses the search, ? lists the shortcuts, Escape closes the list', async ({ page, open, axe }) => {
  await open('/dashboard');
  const search = page.getByRole('searchbox', { name: 'Search' }).or(page.getByRole('textbox', { name: 'Search' }));
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  // Typing "/" or "?" into a field is text, not a shortcut.
  await page.keyboard.type('a?/');
  await expect(search).toHaveValue('a?/');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);

  await search.blur();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('/');
  await expect(dialog).toContainText('?');
  await axe('keyboard shortcuts dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

import { test, expect } from './fixtures.js';
import { CONSOLE_PAGES } from './pages.js';

// axe on every page, in both themes (colour contrast differs); the flows' own specs check their states.
for (const { name, path, heading } of CONSOLE_PAGES) {
  test(`${name} page: no serious accessibility violations in light and dark`, async ({ page, open, axe }) => {
    await open(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('main').getByText('Loading…')).toHaveCount(0);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).not.toHaveClass(/(^|\s)dark(\s|$)/);
    await axe(`${name}, light`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/);
    await axe(`${name}, dark`);
  });
}

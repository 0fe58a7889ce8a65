import { test as setup, expect } from '@playwright/test';
import { signInThroughLoginPage } from './support/sign-in.js';
import { USERS, storageStateFor, type Role } from './support/users.js';

// Sign in once per role through the real login page; specs reuse the OIDC session cookies.
for (const role of ['admin', 'viewer'] as const satisfies Role[]) {
  setup(`sign in as ${role} (${USERS[role].username})`, async ({ page }) => {
    const user = USERS[role];
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/signin\?returnTo=(%2F|\/)dashboard/);
    await signInThroughLoginPage(page, user);
    await expect(page).toHaveURL(/\/dashboard(\?|$)/);
    await expect(page.getByRole('button', { name: 'User menu' })).toContainText(user.username);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}

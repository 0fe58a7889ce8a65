import { test, expect } from './fixtures.js';
import { consoleConfigFor } from './support/console-config.js';
import { e2eEnv } from './support/env.js';

// A bad config must show a page naming the field before anything else runs: no sign-in needed.
test.use({ storageState: { cookies: [], origins: [] } });

const good = () => consoleConfigFor(e2eEnv().emulatorUrl);

const cases: Array<{ name: string; body: () => string; status?: number; problem: string | RegExp }> = [
  {
    name: 'a missing identity pool id',
    body: () => {
      const cfg = good();
      const auth = { ...(cfg.auth as Record<string, unknown>) };
      delete auth.identityPoolId;
      return JSON.stringify({ ...cfg, auth });
    },
    problem: 'auth.identityPoolId: required',
  },
  {
    name: 'static keys with an endpoint that is not loopback',
    body: () =>
      JSON.stringify({
        ...good(),
        endpoint: 'https://example.com',
        auth: { mode: 'static', accessKeyId: 'AKIA', secretAccessKey: 's' },
      }),
    problem: /^auth: static keys are refused unless every endpoint is loopback/,
  },
  {
    name: 'a default region not among the regions',
    body: () => JSON.stringify({ ...good(), defaultRegion: 'ap-south-1' }),
    problem: 'defaultRegion: must be one of regions',
  },
  { name: 'a file that is not JSON', body: () => '{ "regions": [', problem: 'config.json: is not valid JSON' },
  {
    name: 'a missing file',
    body: () => 'not found',
    status: 404,
    problem: 'config.json: could not be loaded (HTTP 404)',
  },
];

for (const c of cases) {
  test(`config error page for ${c.name}`, async ({ page, axe }) => {
    await page.route('**/config.json', (route) =>
      route.fulfill({ status: c.status ?? 200, contentType: 'application/json', body: c.body() }),
    );
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { name: 'Configuration error' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: c.problem })).toHaveCount(1);
    await axe(`config error: ${c.name}`);
  });
}

test('a good config served by the preview passes validation (the control case)', async ({ page }) => {
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'Sign in to AWS Console' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Configuration error' })).toHaveCount(0);
});

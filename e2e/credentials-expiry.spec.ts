import type { Request } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { signInThroughLoginPage } from './support/sign-in.js';
import { USERS } from './support/users.js';

// Each test signs in to its own emulator.
test.use({ storageState: { cookies: [], origins: [] } });

const isGetCredentials = (r: Request) =>
  r.method() === 'POST' && r.headers()['x-amz-target'] === 'AWSCognitoIdentityService.GetCredentialsForIdentity';
/** The access key id a signed AWS request was made with. */
const accessKeyOf = (r: Request) => /Credential=([^/]+)\//.exec(r.headers()['authorization'] ?? '')?.[1];

test.describe('short-lived credentials', () => {
  // 20 s credentials, renewed 10 s before they expire: the renewal happens during the test.
  test.use({ ownEmulatorOptions: { credentialTtlSeconds: 20 }, ownConfigOverrides: { credentialsRefreshSeconds: 10 } });

  test('renew before they expire without disturbing the page', async ({ page, ownEmulator }) => {
    // Waits for a renewal that only time brings, on top of its own emulator and a sign-in.
    test.setTimeout(90_000);
    const keys: string[] = [];
    page.on('request', (r) => {
      const key = r.url().startsWith(ownEmulator.url) ? accessKeyOf(r) : undefined;
      if (key && !keys.includes(key)) keys.push(key);
    });
    await page.goto('/dashboard');
    await signInThroughLoginPage(page, USERS.admin);
    await expect(page.getByRole('region', { name: 'S3 buckets' }).getByText('Loading…')).toHaveCount(0);

    // Something the user is in the middle of: text typed into the search box.
    const search = page.getByRole('searchbox', { name: 'Search' }).or(page.getByRole('textbox', { name: 'Search' }));
    await search.fill('half-typed');
    await page.waitForRequest(isGetCredentials, { timeout: 25_000 });

    // Fresh data is signed with the new keys, and nothing was reset.
    await page.getByRole('combobox', { name: 'Region' }).selectOption('eu-west-1');
    await expect(page.getByRole('region', { name: 'DynamoDB tables' }).getByText('Loading…')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'DynamoDB tables' }).getByRole('alert')).toHaveCount(0);
    await expect(search).toHaveValue('half-typed');
    expect(keys.length, `access keys used: ${keys.join(', ')}`).toBeGreaterThanOrEqual(2);
  });
});

test('after ExpiredToken the console renews the credentials, retries once and keeps the page', async ({
  page,
  ownEmulator,
}) => {
  await page.goto('/dashboard');
  await signInThroughLoginPage(page, USERS.admin);
  const buckets = page.getByRole('region', { name: 'S3 buckets' });
  await expect(buckets.getByText('Loading…')).toHaveCount(0);
  await expect(buckets.getByRole('alert')).toHaveCount(0);

  const search = page.getByRole('searchbox', { name: 'Search' }).or(page.getByRole('textbox', { name: 'Search' }));
  await search.fill('half-typed');
  // The next S3 call is refused as AWS refuses expired session credentials.
  await ownEmulator.admin('faults', {
    service: 's3',
    operation: 'ListBuckets',
    count: 1,
    error: { code: 'ExpiredToken', status: 400, message: 'The provided token has expired.' },
  });
  const expired = page.waitForResponse(
    (r) => r.url().startsWith(ownEmulator.url) && r.status() === 400 && r.request().method() === 'GET',
  );
  const renewed = page.waitForRequest(isGetCredentials);
  await page.getByRole('combobox', { name: 'Region' }).selectOption('eu-west-1');
  await expired;
  await renewed;

  await expect(buckets.getByText('Loading…')).toHaveCount(0);
  await expect(buckets.getByRole('alert')).toHaveCount(0);
  await expect(buckets.getByText('No buckets')).toHaveCount(0);
  await expect(search).toHaveValue('half-typed');
});

import { randomBytes } from 'node:crypto';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { test, expect, type Page, type AwsClientConfig } from './fixtures.js';

const unique = (prefix: string) => `e2e/${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
const secretPath = (name: string) => `/secrets/${encodeURIComponent(name)}`;

async function createSecret(config: AwsClientConfig, name: string, value: string): Promise<string> {
  const out = await new SecretsManagerClient(config).send(new CreateSecretCommand({ Name: name, SecretString: value }));
  return out.VersionId ?? '';
}

async function stagesOf(config: AwsClientConfig, name: string): Promise<Record<string, string[]>> {
  return (
    (await new SecretsManagerClient(config).send(new DescribeSecretCommand({ SecretId: name }))).VersionIdsToStages ??
    {}
  );
}

/**
 * React's devtools hook, installed before the app starts, hands us the fiber roots; from them the
 * QueryClient the app renders with, so a test can read the query and mutation caches as they are.
 */
async function watchCaches(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const roots = new Set<unknown>();
    let renderers = 0;
    Object.assign(window, {
      __e2eRoots: roots,
      __REACT_DEVTOOLS_GLOBAL_HOOK__: {
        renderers: new Map(),
        supportsFiber: true,
        isDisabled: false,
        inject: () => ++renderers,
        onCommitFiberRoot: (_id: number, root: unknown) => roots.add(root),
        onCommitFiberUnmount: () => undefined,
        onPostCommitFiberRoot: () => undefined,
        onScheduleFiberRoot: () => undefined,
        checkDCE: () => undefined,
      },
    });
  });
}

/** The caches' contents as text (query keys and data, mutation variables and results). */
async function cacheText(page: Page): Promise<string> {
  return page.evaluate(() => {
    interface Fiber {
      child: Fiber | null;
      sibling: Fiber | null;
      memoizedProps?: { client?: unknown } | null;
    }
    interface Cache {
      getAll(): Array<{ queryKey?: unknown; state: { data?: unknown; variables?: unknown; error?: unknown } }>;
    }
    interface Client {
      getQueryCache(): Cache;
      getMutationCache(): Cache;
    }
    const isClient = (c: unknown): c is Client => typeof (c as Client | undefined)?.getQueryCache === 'function';
    const roots = (window as unknown as { __e2eRoots: Set<{ current: Fiber }> }).__e2eRoots;
    let client: Client | undefined;
    for (const root of roots) {
      const stack: Fiber[] = [root.current];
      while (stack.length && !client) {
        const f = stack.pop() as Fiber;
        const c = f.memoizedProps?.client;
        if (isClient(c)) client = c;
        if (f.child) stack.push(f.child);
        if (f.sibling) stack.push(f.sibling);
      }
    }
    if (!client) throw new Error('No QueryClient found in the React tree');
    const seen = new WeakSet<object>();
    const all = [...client.getQueryCache().getAll(), ...client.getMutationCache().getAll()].map((e) => ({
      key: e.queryKey,
      ...e.state,
      error: String(e.state.error),
    }));
    return JSON.stringify(all, (_k, v: unknown) => {
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return undefined;
        seen.add(v);
      }
      return v;
    });
  });
}

/** Storage and the URL, which must never hold a value. */
async function storageText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      `${location.href}\n${JSON.stringify({ ...localStorage })}\n${JSON.stringify({ ...sessionStorage })}\n${document.cookie}`,
  );
}

async function openActions(page: Page, item: string) {
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

test('Reveal shows the value; Hide and navigation remove it from the page and it never enters the query cache', async ({
  page,
  open,
  axe,
  awsClientConfig,
}) => {
  const name = unique('reveal');
  const marker = `pw-${randomBytes(6).toString('hex')}`;
  await createSecret(awsClientConfig, name, JSON.stringify({ username: 'app', password: marker }));
  await watchCaches(page);
  await open(secretPath(name));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Versions' })).toContainText('AWSCURRENT');
  expect(await page.content()).not.toContain(marker);

  const read = page.waitForRequest(
    (r) => r.headers()['x-amz-target'] === 'secretsmanager.GetSecretValue' && !/000000/.test(r.postData() ?? ''),
  );
  await page.getByRole('button', { name: 'Reveal value' }).click();
  await read;
  await expect(page.getByRole('row', { name: /password/ })).toContainText(marker);
  expect(await cacheText(page)).not.toContain(marker);
  await page.getByRole('button', { name: 'Raw' }).click();
  await expect(page.locator('pre')).toContainText(`"password":"${marker}"`);
  await axe('secret revealed, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await axe('secret revealed, dark');

  await page.getByRole('button', { name: 'Hide value' }).click();
  expect(await page.content()).not.toContain(marker);
  expect(await cacheText(page)).not.toContain(marker);

  await page.getByRole('button', { name: 'Reveal value' }).click();
  await expect(page.getByRole('row', { name: /password/ })).toContainText(marker);
  await page
    .getByRole('navigation', { name: /breadcrumb/i })
    .getByRole('link', { name: 'Secrets' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Secrets' })).toBeVisible();
  expect(await page.content()).not.toContain(marker);
  expect(await cacheText(page)).not.toContain(marker);
  expect(await storageText(page)).not.toContain(marker);
});

test('a new value moves AWSCURRENT to it and AWSPREVIOUS to the old one, and the page shows the move', async ({
  page,
  open,
  awsClientConfig,
}) => {
  const name = unique('put');
  const first = await createSecret(awsClientConfig, name, JSON.stringify({ key: 'one' }));
  await open(secretPath(name));
  await page.getByRole('button', { name: 'New value' }).click();
  const dialog = page.getByRole('dialog', { name: `New value for ${name}` });
  await dialog.getByRole('textbox', { name: 'Key 1' }).fill('key');
  await dialog.getByRole('textbox', { name: 'Value 1' }).fill('two');
  await dialog.getByRole('button', { name: 'Add row' }).click();
  await dialog.getByRole('textbox', { name: 'Key 2' }).fill('key');
  await dialog.getByRole('button', { name: 'Store new value' }).click();
  await expect(dialog.getByText('Row 2: the key "key" is used twice')).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove row 2' }).click();
  await dialog.getByRole('button', { name: 'Store new value' }).click();
  await expect(dialog).toBeHidden();

  const stages = await stagesOf(awsClientConfig, name);
  const second = Object.keys(stages).find((v) => v !== first) ?? '';
  expect(stages).toEqual({ [first]: ['AWSPREVIOUS'], [second]: ['AWSCURRENT'] });
  const moved = page.getByRole('status').filter({ hasText: 'Stages moved' });
  const currentMove = moved.getByRole('listitem').filter({ hasText: 'AWSCURRENT' });
  await expect(currentMove).toContainText(first.slice(0, 8));
  await expect(currentMove).toContainText(second.slice(0, 8));
  await expect(moved.getByRole('listitem').filter({ hasText: 'AWSPREVIOUS' })).toContainText(first.slice(0, 8));
  await expect(page.locator(`tr[data-version="${first}"]`)).toContainText('AWSPREVIOUS');
  await expect(page.locator(`tr[data-version="${second}"]`)).toContainText('AWSCURRENT');
  const value = await new SecretsManagerClient(awsClientConfig).send(new GetSecretValueCommand({ SecretId: name }));
  expect(value.SecretString).toBe('{"key":"two"}');
});

test('scheduling deletion needs the typed name, marks the secret in the list with its date, and restore brings it back', async ({
  page,
  open,
  awsClientConfig,
}) => {
  const name = unique('delete');
  await createSecret(awsClientConfig, name, 'keep-me');
  await open(secretPath(name));
  await openActions(page, 'Delete secret…');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Recovery window (days)').fill('7');
  const confirm = dialog.getByRole('button', { name: 'Schedule deletion' });
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  await dialog.getByLabel(/to confirm/).fill(name);
  await confirm.click();
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled for deletion' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reveal value' })).toHaveCount(0);

  await open(`/secrets?q=${encodeURIComponent(name)}`);
  const row = page.getByRole('row', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')) });
  await expect(row).toContainText('Scheduled for deletion');
  const when = new Date(Date.now() + 7 * 86_400_000).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
  await expect(row).toContainText(when);

  await row.getByRole('link', { name }).click();
  await page.getByRole('button', { name: 'Restore secret' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('button', { name: 'Reveal value' })).toBeVisible();
  const described = await new SecretsManagerClient(awsClientConfig).send(new DescribeSecretCommand({ SecretId: name }));
  expect(described.DeletedDate).toBeUndefined();
});

test('rotation through the seeded rotate-secret function makes a new AWSCURRENT and shows how the stages moved', async ({
  page,
  open,
  awsClientConfig,
}) => {
  const name = unique('rotate');
  const first = await createSecret(awsClientConfig, name, JSON.stringify({ username: 'app', password: 'before' }));
  await open(secretPath(name));
  await openActions(page, 'Rotation settings…');
  const dialog = page.getByRole('dialog', { name: `Rotation of ${name}` });
  await expect(dialog.getByLabel('Rotation function')).toHaveValue('rotate-secret');
  await dialog.getByLabel('Rotate every (days)').fill('14');
  await dialog.getByRole('button', { name: 'Save and rotate now' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Rotation finished' });
  await expect(done).toBeVisible({ timeout: 30_000 });
  const stages = await stagesOf(awsClientConfig, name);
  const current = Object.keys(stages).find((v) => stages[v]?.includes('AWSCURRENT')) ?? '';
  expect(current).not.toBe(first);
  expect(stages[first]).toEqual(['AWSPREVIOUS']);
  await expect(done).toContainText(current.slice(0, 8));
  await expect(page.getByRole('region', { name: 'Rotation' })).toContainText('Every 14 days');
  await expect(page.getByRole('region', { name: 'Rotation' })).toContainText('rotate-secret');
  const value = await new SecretsManagerClient(awsClientConfig).send(new GetSecretValueCommand({ SecretId: name }));
  expect(JSON.parse(value.SecretString ?? '{}')).toMatchObject({ username: 'app' });
  expect(JSON.parse(value.SecretString ?? '{}').password).not.toBe('before');

  // Rotate now, with the function already set: AWSCURRENT moves again.
  await openActions(page, 'Rotate now');
  await page.getByRole('dialog').getByRole('button', { name: 'Rotate now' }).click();
  await expect
    .poll(async () => (await stagesOf(awsClientConfig, name))[current], { timeout: 30_000 })
    .toEqual(['AWSPREVIOUS']);
});

test('create refuses a bad name and a duplicate beside the name field, and fills a value with a generated password', async ({
  page,
  open,
  awsClientConfig,
}) => {
  const name = unique('create');
  await createSecret(awsClientConfig, `${name}-taken`, 'x');
  await open('/secrets');
  await page.getByRole('button', { name: 'Create secret' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create secret' });
  const nameField = dialog.getByRole('textbox', { name: 'Name' });
  await nameField.fill('has spaces');
  await expect(nameField).toHaveAccessibleDescription(/no spaces/);
  await nameField.fill(`${name}-taken`);
  await dialog.getByRole('textbox', { name: 'Key 1' }).fill('user');
  await dialog.getByRole('textbox', { name: 'Value 1' }).fill('app');
  await dialog.getByRole('button', { name: 'Generate password' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Key 2' })).toHaveValue('password');
  await expect(dialog.getByRole('textbox', { name: 'Value 2' })).toHaveValue(/^.{32}$/);
  await dialog.getByRole('button', { name: 'Create secret' }).click();
  await expect(nameField).toHaveAccessibleDescription(/already exists/);
  await nameField.fill(name);
  await dialog.getByRole('button', { name: 'Create secret' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const value = await new SecretsManagerClient(awsClientConfig).send(new GetSecretValueCommand({ SecretId: name }));
  expect(Object.keys(JSON.parse(value.SecretString ?? '{}'))).toEqual(['user', 'password']);
});

test.describe('as a viewer', () => {
  test.use({ role: 'viewer' });

  test('the list and details show, but Reveal is disabled naming secretsmanager:GetSecretValue', async ({
    page,
    open,
    awsClientConfig,
  }) => {
    const name = unique('viewer');
    await createSecret(awsClientConfig, name, 'not-for-viewers');
    await open(`/secrets?q=${encodeURIComponent(name)}`);
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('table', { name: 'Versions' })).toContainText('AWSCURRENT');
    const reveal = page.getByRole('button', { name: 'Reveal value' });
    await expect(reveal).toHaveAttribute('aria-disabled', 'true');
    await expect(reveal).toHaveAccessibleDescription(/does not allow secretsmanager:GetSecretValue/);
    await reveal.click({ force: true });
    expect(await page.content()).not.toContain('not-for-viewers');
  });
});

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { READ_ONLY_ROLE_NAME } from '../emulator/seed/accounts.js';
import { test, expect, type Page } from './fixtures.js';
import { e2eEnv } from './support/env.js';
import { consoleShell, signInThroughLoginPage } from './support/sign-in.js';
import { USERS } from './support/users.js';

const CARDS = ['S3 buckets', 'EC2 instances', 'DynamoDB tables', 'SQS queues'] as const;

/** Every card has left "Loading…" and shows neither an error nor an access-denied alert. */
async function expectCardsLoaded(page: Page, cards: readonly string[]): Promise<void> {
  for (const name of cards) {
    const card = page.getByRole('region', { name });
    await expect(card).toBeVisible();
    await expect(card.getByText('Loading…')).toHaveCount(0);
    await expect(card.getByRole('alert')).toHaveCount(0);
  }
}

for (const role of ['admin', 'viewer'] as const) {
  test.describe(`as ${role}`, () => {
    test.use({ role });

    test('the dashboard shows the four cards with the seeded data', async ({ page, open, axe }) => {
      await open('/dashboard');
      await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
      await expectCardsLoaded(page, CARDS);
      // Seeded demo data: something in every service, so no card is empty on a first start.
      await expect(page.getByRole('region', { name: 'S3 buckets' }).getByText('No buckets')).toHaveCount(0);
      await expect(page.getByRole('region', { name: 'EC2 instances' })).toContainText(/running\s*\d+/i);
      await expect(page.getByRole('region', { name: 'DynamoDB tables' }).getByText('No tables')).toHaveCount(0);
      const queues = page.getByRole('region', { name: 'SQS queues' });
      await expect(queues).toContainText(/\d+ waiting/);
      // The seeded orders-dlq holds failed orders: flagged on its own line, and only there.
      const dlq = queues.getByRole('listitem').filter({ hasText: 'orders-dlq' });
      await expect(dlq).toContainText('DLQ holds messages');
      await expect(queues.getByText('DLQ holds messages')).toHaveCount(1);
      await axe(`dashboard as ${role}`);
    });
  });
}

test('one dashboard load calls each AWS operation once', async ({ page, open }) => {
  await open('/dashboard');
  await expectCardsLoaded(page, CARDS);
  const { emulatorUrl } = e2eEnv();
  const calls: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(emulatorUrl) || r.url().includes('/cognito-idp/')) return;
    const body = r.postData() ?? '';
    calls.push(`${r.method()} ${r.url()} ${r.headers()['x-amz-target'] ?? ''} ${body}`);
  });
  // A reload keeps the tab's OIDC session: the page fetches credentials and its data once more.
  await page.reload();
  await expectCardsLoaded(page, CARDS);
  await page.waitForLoadState('networkidle');
  expect(calls.length).toBeGreaterThanOrEqual(4);
  expect(calls.filter((c, i) => calls.indexOf(c) !== i)).toEqual([]);
});

test.describe('with one service denied', () => {
  // Each test signs in to its own emulator.
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a role without EC2 shows the denied action in the EC2 card and the other three cards work', async ({
    page,
    ownEmulator,
    axe,
  }) => {
    // Edit the viewer role's policy file as a person would (the emulator re-reads it on change).
    const file = join(ownEmulator.dataDir, 'auth', 'roles', `${READ_ONLY_ROLE_NAME}.json`);
    const role = JSON.parse(readFileSync(file, 'utf8')) as { PolicyDocument: { Statement: unknown[] } };
    role.PolicyDocument.Statement.push({ Sid: 'NoEc2', Effect: 'Deny', Action: 'ec2:*', Resource: '*' });
    writeFileSync(`${file}.tmp`, JSON.stringify(role));
    renameSync(`${file}.tmp`, file);

    await page.goto('/dashboard');
    await signInThroughLoginPage(page, USERS.viewer);
    const instances = page.getByRole('region', { name: 'EC2 instances' });
    await expect(instances.getByRole('alert')).toContainText('Access denied');
    await expect(instances.getByRole('alert')).toContainText('You are not allowed to call ec2:DescribeInstances on');
    await expectCardsLoaded(page, ['S3 buckets', 'DynamoDB tables', 'SQS queues']);
    await axe('dashboard with a card denied by the role');
  });

  test('an AccessDenied on SQS names the action in its card and leaves the other three cards working', async ({
    page,
    ownEmulator,
    axe,
  }) => {
    const action = 'sqs:ListQueues';
    const resource = `arn:aws:sqs:us-east-1:${ownEmulator.accountId}:*`;
    await ownEmulator.admin('faults', {
      service: 'sqs',
      operation: 'ListQueues',
      count: 1000,
      error: {
        code: 'AccessDenied',
        status: 403,
        message: `User: arn:aws:sts::${ownEmulator.accountId}:assumed-role/ConsoleAdmin/CognitoIdentityCredentials is not authorized to perform: ${action} on resource: ${resource}`,
      },
    });
    await page.goto('/dashboard');
    await signInThroughLoginPage(page, USERS.admin);
    await expect(consoleShell(page)).toContainText('alice');

    const queues = page.getByRole('region', { name: 'SQS queues' });
    await expect(queues.getByRole('alert')).toContainText('Access denied');
    await expect(queues.getByRole('alert')).toContainText(`You are not allowed to call ${action} on ${resource}`);
    // Access denied is not retried: no Retry storm, and the others load on their own.
    await expectCardsLoaded(page, ['S3 buckets', 'EC2 instances', 'DynamoDB tables']);
    await axe('dashboard with a denied card');
  });

  test('a service error shows a Retry button that loads the card once the service answers', async ({
    page,
    ownEmulator,
  }) => {
    await ownEmulator.admin('faults', {
      service: 'dynamodb',
      operation: 'ListTables',
      count: 1,
      error: { code: 'ValidationException', status: 400, message: 'Injected failure for the test' },
    });
    await page.goto('/dashboard');
    await signInThroughLoginPage(page, USERS.admin);
    const tables = page.getByRole('region', { name: 'DynamoDB tables' });
    await expect(tables.getByRole('alert')).toContainText('Injected failure for the test');
    await tables.getByRole('button', { name: 'Retry' }).click();
    await expectCardsLoaded(page, ['DynamoDB tables']);
  });
});

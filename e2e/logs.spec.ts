import { randomBytes } from 'node:crypto';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { test, expect, type Page } from './fixtures.js';

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
const events = (page: Page) => page.getByRole('log', { name: 'Log events' });

test('the logs view follows a function: an invoke shows up within 2 s', async ({
  page,
  open,
  awsClientConfig,
  axe,
}) => {
  const lambda = new LambdaClient(awsClientConfig);
  // The group exists once the function has run.
  await lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.from('{"warm":true}') }));
  await open('/functions/echo');
  await page.getByRole('link', { name: 'Follow logs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '/aws/lambda/echo' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Following' })).toHaveAttribute('aria-pressed', 'true');
  await expect(events(page)).toContainText('warm');

  const marker = unique('follow');
  await lambda.send(
    new InvokeCommand({ FunctionName: 'echo', InvocationType: 'Event', Payload: Buffer.from(`{"m":"${marker}"}`) }),
  );
  await expect(events(page)).toContainText(marker, { timeout: 4_000 });
  await axe('logs following, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await axe('logs following, dark');
});

test('a long stream pages back to older events and down again, keeping a bounded DOM', async ({
  page,
  open,
  awsClientConfig,
}) => {
  const logs = new CloudWatchLogsClient(awsClientConfig);
  const group = `/e2e/${unique('long')}`;
  await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 'big' }));
  const t0 = Date.now() - 30 * 60_000;
  for (let b = 0; b < 10; b++)
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: group,
        logStreamName: 'big',
        logEvents: Array.from({ length: 10_000 }, (_, i) => {
          const n = b * 10_000 + i;
          return { timestamp: t0 + n, message: n % 10 === 0 ? `{"n":${n},"level":"info"}` : `line ${n}` };
        }),
      }),
    );
  await open(`/logs?group=${encodeURIComponent(group)}&stream=big&range=1h`);
  await expect(events(page)).toContainText('line 99999');
  // Scrolling to the top loads older pages; the view stays bounded.
  for (let i = 0; i < 6; i++) {
    await events(page).evaluate((el) => el.scrollTo({ top: 0 }));
    await page.waitForTimeout(300);
  }
  await expect(events(page)).toContainText(/line 9[67]\d\d[1-9]/);
  expect(await events(page).locator('[data-index]').count()).toBeLessThan(200);
  // A JSON message pretty-prints on expand.
  const expand = page.getByRole('button', { name: /^Expand JSON event/ }).first();
  await expand.click();
  await expect(events(page)).toContainText('"level": "info"');
  await page.getByRole('button', { name: 'Jump to latest' }).click();
  await expect(events(page)).toContainText('line 99999');
});

test('group list filters by prefix and shows retention and size', async ({ page, open, axe }) => {
  await open('/logs?prefix=%2Faws%2Flambda%2F');
  const grid = page.getByRole('grid', { name: 'Log groups' });
  await expect(grid.getByRole('link', { name: '/aws/lambda/echo' })).toBeVisible();
  await expect(grid.getByRole('row', { name: /\/aws\/lambda\/echo/ })).toContainText('Never expire');
  await axe('log groups, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await axe('log groups, dark');
});

test.describe('as a viewer', () => {
  test.use({ role: 'viewer' });

  test('can read a function log group', async ({ page, open, awsClientConfig }) => {
    await new LambdaClient(awsClientConfig).send(
      new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.from('{"viewer":1}') }),
    );
    await open('/logs?group=%2Faws%2Flambda%2Fecho&range=1h');
    await expect(events(page)).toContainText('viewer');
  });
});

import { randomBytes } from 'node:crypto';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { DEMO_REGION } from '../emulator/seed/accounts.js';
import { test, expect, type Page, type AwsClientConfig } from './fixtures.js';
import { signInThroughLoginPage } from './support/sign-in.js';
import { USERS } from './support/users.js';

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

function sqsOf(config: AwsClientConfig): SQSClient {
  return new SQSClient(config);
}

async function createQueue(
  sqs: SQSClient,
  name: string,
  attributes: Record<string, string> = {},
): Promise<{ url: string; arn: string }> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  const a = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  return { url: QueueUrl!, arn: a.Attributes!.QueueArn! };
}

async function countsOf(sqs: SQSClient, url: string): Promise<{ available: number; inFlight: number }> {
  const a = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return {
    available: Number(a.Attributes?.ApproximateNumberOfMessages),
    inFlight: Number(a.Attributes?.ApproximateNumberOfMessagesNotVisible),
  };
}

async function sendBodies(sqs: SQSClient, url: string, bodies: string[], groupId?: string) {
  for (const [i, body] of bodies.entries())
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: body,
        ...(groupId ? { MessageGroupId: groupId, MessageDeduplicationId: `d${i}` } : {}),
      }),
    );
}

const messagesTable = (page: Page) => page.getByRole('grid', { name: 'Messages' });
const counts = (page: Page) => page.getByTestId('queue-counts');

/** Poll in the given mode on the open queue page and wait for the poll to end. */
async function poll(page: Page, mode: 'Peek' | 'Receive', options: { max?: number; seconds?: number } = {}) {
  await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  if (options.max !== undefined) await page.getByLabel('Stop after (messages)').fill(String(options.max));
  await page.getByLabel('Stop after (seconds)').fill(String(options.seconds ?? 3));
  await page.getByRole('button', { name: mode === 'Peek' ? 'Peek at messages' : 'Receive messages' }).click();
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0, { timeout: 30_000 });
}

test('the list filters by name prefix on the server, shows counts of rows on screen and flags a dead-letter queue holding messages', async ({
  page,
  open,
  axe,
  awsClientConfig,
}) => {
  const sqs = sqsOf(awsClientConfig);
  const prefix = unique('list');
  const dlq = await createQueue(sqs, `${prefix}-dlq`);
  const main = await createQueue(sqs, `${prefix}-main`, {
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 2 }),
  });
  await sendBodies(sqs, main.url, ['a', 'b', 'c']);
  await sendBodies(sqs, dlq.url, ['failed']);

  const listed = page.waitForRequest(
    (r) => (r.headers()['x-amz-target'] ?? '') === 'AmazonSQS.ListQueues' && (r.postData() ?? '').includes(prefix),
  );
  await open(`/queues?prefix=${prefix}`);
  await listed;
  const table = page.getByRole('grid', { name: 'Queues' });
  const row = table.getByRole('row').filter({ hasText: `${prefix}-main` });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(row).toContainText('Standard');
  await expect(row.getByRole('gridcell').nth(3)).toHaveText('3');
  await expect(row).toContainText(`${prefix}-dlq`);
  await expect(row).toContainText('1 in DLQ');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Queues\s*\(2\)$/);
  await axe('queues list');

  // Create: a FIFO name is checked as it is typed.
  await page.getByRole('button', { name: 'Create queue' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create queue' });
  await dialog.getByRole('radio', { name: /^FIFO/ }).check();
  await dialog.getByLabel('Name', { exact: true }).fill(`${prefix}-jobs`);
  await expect(dialog.getByText('A FIFO queue name must end in .fifo')).toBeVisible();
  await dialog.getByLabel('Name', { exact: true }).fill(`${prefix}-jobs.fifo`);
  await expect(dialog.getByText('A FIFO queue name must end in .fifo')).toHaveCount(0);
  await axe('create queue dialog');
  await dialog.getByRole('button', { name: 'Create queue' }).click();
  await expect(page).toHaveURL(new RegExp(`/queues/${prefix}-jobs\\.fifo`));
  await expect(counts(page)).toContainText('FIFO queue');
});

test('a JSON message sent with attributes is found by peeking, with its attributes intact', async ({
  page,
  open,
  axe,
  awsClientConfig,
}) => {
  const sqs = sqsOf(awsClientConfig);
  const name = unique('send');
  const { url } = await createQueue(sqs, name);
  await open(`/queues/${name}`);
  await page.getByRole('button', { name: 'Send message' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send message' });
  const editor = dialog.getByRole('textbox', { name: 'Body' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('{"orderId": "o-77", "total": 12.5');
  await expect(dialog.getByText(/^Line 1: /)).toBeVisible();
  await page.keyboard.insertText('}');
  await dialog.getByRole('button', { name: 'Add attribute' }).click();
  await dialog.getByLabel('Attribute 1 name').fill('Kind');
  await dialog.getByLabel('Attribute 1 value').fill('order');
  await dialog.getByRole('button', { name: 'Add attribute' }).click();
  await dialog.getByLabel('Attribute 2 name').fill('Total');
  await dialog.getByLabel('Attribute 2 type').selectOption('Number');
  await dialog.getByLabel('Attribute 2 value').fill('12.50');
  await dialog.getByRole('button', { name: 'Add attribute' }).click();
  await dialog.getByLabel('Attribute 3 name').fill('Raw');
  await dialog.getByLabel('Attribute 3 type').selectOption('Binary');
  await dialog.getByLabel('Attribute 3 value').fill('not base64!');
  await expect(dialog.getByText(/Not valid base64/)).toBeVisible();
  await dialog.getByLabel('Attribute 3 value').fill('aGVsbG8=');
  await axe('send message dialog');
  const sent = page.waitForResponse((r) => (r.request().headers()['x-amz-target'] ?? '') === 'AmazonSQS.SendMessage');
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  expect((await sent).status()).toBe(200);
  await expect(dialog).toHaveCount(0);
  await expect(counts(page)).toContainText('1 available');

  await poll(page, 'Peek');
  const row = messagesTable(page).getByRole('row').filter({ hasText: 'o-77' });
  await expect(row).toContainText('Kind=order, Total=12.50, Raw=aGVsbG8=');
  await row
    .getByRole('button')
    .filter({ hasNotText: /Select/ })
    .first()
    .click();
  const details = page.getByRole('dialog', { name: 'Message' });
  await expect(details.getByText('"orderId": "o-77"')).toBeVisible();
  const attrs = details.getByRole('region', { name: 'Message attributes' });
  await expect(attrs.getByRole('row').filter({ hasText: 'Total' })).toContainText('Number12.50');
  await expect(attrs.getByRole('row').filter({ hasText: 'Raw' })).toContainText('BinaryaGVsbG8=');
  await axe('message details');
  // What SQS holds agrees: the attributes went in as typed.
  const got = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['All'], VisibilityTimeout: 0 }),
  );
  expect(got.Messages?.[0]?.MessageAttributes?.Total).toMatchObject({ DataType: 'Number', StringValue: '12.50' });
});

test('peek leaves the count unchanged; receive and delete lowers it', async ({ page, open, axe, awsClientConfig }) => {
  const sqs = sqsOf(awsClientConfig);
  const name = unique('peek');
  const { url } = await createQueue(sqs, name);
  await sendBodies(
    sqs,
    url,
    Array.from({ length: 12 }, (_, i) => JSON.stringify({ n: i })),
  );
  await open(`/queues/${name}`);
  await expect(counts(page)).toContainText('12 available');

  await poll(page, 'Peek', { seconds: 10 });
  await expect(page.getByText(/Every visible message has been shown \(12 messages\)/)).toBeVisible();
  await expect(messagesTable(page).getByText('Not hidden')).toHaveCount(12);
  await expect(counts(page)).toContainText('12 available · 0 in flight');
  expect(await countsOf(sqs, url)).toEqual({ available: 12, inFlight: 0 });
  await axe('messages after a peek');

  await page.getByRole('button', { name: 'Clear list' }).click();
  await poll(page, 'Receive', { max: 5 });
  await expect(page.getByText('Stopped after 5 messages, the number asked for.')).toBeVisible();
  await expect(counts(page)).toContainText('7 available · 5 in flight');
  await expect(messagesTable(page).getByRole('row').nth(1)).toContainText(/\d:\d\d/);
  await page.getByRole('checkbox', { name: 'Select all loaded rows' }).check();
  await page.getByRole('button', { name: 'Delete 5' }).click();
  await page
    .getByRole('dialog', { name: 'Delete 5 messages?' })
    .getByRole('button', { name: 'Delete 5 messages' })
    .click();
  await expect(counts(page)).toContainText('7 available · 0 in flight');
  expect(await countsOf(sqs, url)).toEqual({ available: 7, inFlight: 0 });
  await expect(messagesTable(page).getByRole('row')).toHaveCount(1);
});

test('a FIFO queue delivers each group in order', async ({ page, open, awsClientConfig }) => {
  const sqs = sqsOf(awsClientConfig);
  const name = `${unique('fifo')}.fifo`;
  const { url } = await createQueue(sqs, name, { FifoQueue: 'true' });
  for (let i = 1; i <= 4; i++) {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: `A${i}`,
        MessageGroupId: 'a',
        MessageDeduplicationId: `a${i}`,
      }),
    );
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: `B${i}`,
        MessageGroupId: 'b',
        MessageDeduplicationId: `b${i}`,
      }),
    );
  }
  await open(`/queues/${name}`);
  await poll(page, 'Receive', { max: 8 });
  // The Body column, top to bottom, in the order the messages arrived.
  const bodies = (await messagesTable(page).locator('tbody tr td:nth-child(3)').allTextContents()).map((t) => t.trim());
  const order = (group: string) => bodies.filter((b) => b.startsWith(group));
  expect(order('A')).toEqual(['A1', 'A2', 'A3', 'A4']);
  expect(order('B')).toEqual(['B1', 'B2', 'B3', 'B4']);
});

test('a batch send from a file goes 10 per call and reports the message SQS refused', async ({
  page,
  open,
  awsClientConfig,
}) => {
  const sqs = sqsOf(awsClientConfig);
  const name = unique('batch');
  const { url } = await createQueue(sqs, name, { MaximumMessageSize: '1024' });
  const messages: unknown[] = Array.from({ length: 23 }, (_, i) => ({ n: i + 1 }));
  messages[14] = 'x'.repeat(1500);
  await open(`/queues/${name}`);
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Send messages from a file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send messages from a file' });
  await dialog
    .getByLabel('JSON file')
    .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"not":"an array"}') });
  await expect(dialog.getByText('bad.json: The file must hold a JSON array: one element per message')).toBeVisible();
  await dialog.getByLabel('JSON file').setInputFiles({
    name: 'orders.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(messages)),
  });
  const calls: string[] = [];
  page.on('request', (r) => {
    if ((r.headers()['x-amz-target'] ?? '') === 'AmazonSQS.SendMessageBatch') calls.push(r.postData() ?? '');
  });
  await dialog.getByRole('button', { name: 'Send 23 messages' }).click();
  const tray = page.getByRole('region', { name: 'Tasks' });
  await expect(tray).toContainText('Done with 1 error');
  await tray.getByRole('button', { name: '1 item failed' }).click();
  await expect(tray.getByRole('list', { name: /^Errors in Send 23 messages/ })).toContainText(/Message 15: \w+/);
  expect(calls).toHaveLength(3);
  expect(calls.map((c) => (JSON.parse(c) as { Entries: unknown[] }).Entries.length)).toEqual([10, 10, 3]);
  expect(await countsOf(sqs, url)).toEqual({ available: 22, inFlight: 0 });
  await expect(counts(page)).toContainText('22 available');
});

test('purge asks for the queue name, then empties the queue', async ({ page, open, axe, awsClientConfig }) => {
  const sqs = sqsOf(awsClientConfig);
  const name = unique('purge');
  const { url } = await createQueue(sqs, name);
  await sendBodies(sqs, url, ['1', '2', '3']);
  await open(`/queues/${name}`);
  await expect(counts(page)).toContainText('3 available');
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Purge messages…' }).click();
  const dialog = page.getByRole('dialog', { name: `Purge every message in ${name}?` });
  await expect(dialog).toContainText('one purge per queue every 60 seconds');
  const confirm = dialog.getByRole('button', { name: 'Purge messages' });
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  await axe('purge dialog');
  await dialog.getByLabel(/Type .* to confirm/).fill(name);
  await confirm.click();
  await expect(dialog).toHaveCount(0);
  await expect(counts(page)).toContainText('0 available');
  expect(await countsOf(sqs, url)).toEqual({ available: 0, inFlight: 0 });
});

test('a redrive moves every message of a dead-letter queue back to its source', async ({
  page,
  open,
  axe,
  awsClientConfig,
}) => {
  const sqs = sqsOf(awsClientConfig);
  const base = unique('redrive');
  const dlq = await createQueue(sqs, `${base}-dlq`);
  const source = await createQueue(sqs, base, {
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 1 }),
    VisibilityTimeout: '0',
  });
  await sendBodies(sqs, source.url, ['r1', 'r2', 'r3', 'r4']);
  // Received once each, then the next receive moves them to the dead-letter queue (maxReceiveCount 1).
  await sqs.send(new ReceiveMessageCommand({ QueueUrl: source.url, MaxNumberOfMessages: 10 }));
  await sqs.send(new ReceiveMessageCommand({ QueueUrl: source.url, MaxNumberOfMessages: 10 }));
  expect((await countsOf(sqs, dlq.url)).available).toBe(4);

  await open(`/queues/${base}-dlq?tab=dead-letter`);
  await expect(page.getByRole('grid', { name: 'Source queues' })).toContainText(base);
  await axe('dead-letter tab');
  await page.getByRole('button', { name: 'Start redrive' }).click();
  const tray = page.getByRole('region', { name: 'Tasks' });
  await expect(tray).toContainText(`Redrive ${base}-dlq to their source queues`);
  await expect(tray).toContainText('Done');
  await expect(tray).toContainText('4 of 4');
  expect(await countsOf(sqs, dlq.url)).toEqual({ available: 0, inFlight: 0 });
  expect((await countsOf(sqs, source.url)).available).toBe(4);
  await expect(page.getByRole('grid', { name: 'Redrive tasks' })).toContainText('Completed');
});

test.describe('as a viewer', () => {
  test.use({ role: 'viewer' });

  test('peeking works; delete and purge are refused with the action named, and nothing changes', async ({
    page,
    open,
    awsClientConfig,
  }) => {
    const sqs = sqsOf(awsClientConfig);
    const name = unique('viewer');
    const { url, arn } = await createQueue(sqs, name);
    await sendBodies(sqs, url, ['v1', 'v2']);
    await open(`/queues/${name}`);
    await poll(page, 'Peek');
    await expect(messagesTable(page).getByRole('row')).toHaveCount(3);
    expect(await countsOf(sqs, url)).toEqual({ available: 2, inFlight: 0 });

    await page.getByRole('button', { name: 'Clear list' }).click();
    await poll(page, 'Receive', { max: 2 });
    await page.getByRole('checkbox', { name: 'Select all loaded rows' }).check();
    await page.getByRole('button', { name: 'Delete 2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete 2 messages?' });
    await dialog.getByRole('button', { name: 'Delete 2 messages' }).click();
    await expect(dialog.getByRole('alert')).toContainText(`your role does not allow sqs:DeleteMessage on ${arn}`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // Known now: the button says why before it is pressed again.
    await expect(page.getByRole('button', { name: 'Delete 2' })).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByRole('button', { name: 'Delete 2' })).toHaveAccessibleDescription(/sqs:DeleteMessage/);
    expect(await countsOf(sqs, url)).toEqual({ available: 0, inFlight: 2 });

    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Purge messages…' }).click();
    const purge = page.getByRole('dialog', { name: `Purge every message in ${name}?` });
    await purge.getByLabel(/Type .* to confirm/).fill(name);
    await purge.getByRole('button', { name: 'Purge messages' }).click();
    await expect(purge.getByRole('alert')).toContainText(`your role does not allow sqs:PurgeQueue on ${arn}`);
    await purge.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Actions' }).click();
    await expect(page.getByRole('menuitem', { name: /Purge messages/ })).toContainText(
      'Your role does not allow sqs:PurgeQueue',
    );
    expect(await countsOf(sqs, url)).toEqual({ available: 0, inFlight: 2 });
  });
});

test.describe('with injected faults', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a throttled ReceiveMessage is retried and polling goes on', async ({ page, ownEmulator }) => {
    const sqs = new SQSClient({ endpoint: ownEmulator.url, region: DEMO_REGION, credentials: ownEmulator.credentials });
    const name = unique('throttle');
    const { url } = await createQueue(sqs, name);
    await sendBodies(sqs, url, ['t1', 't2', 't3']);
    await page.goto(`/queues/${name}`);
    await signInThroughLoginPage(page, USERS.admin);
    await expect(counts(page)).toContainText('3 available');
    await ownEmulator.admin('faults', {
      service: 'sqs',
      operation: 'ReceiveMessage',
      count: 2,
      error: { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' },
    });
    const throttled = page.waitForResponse(
      (r) => (r.request().headers()['x-amz-target'] ?? '') === 'AmazonSQS.ReceiveMessage' && r.status() === 400,
    );
    await page.getByRole('radio', { name: /^Receive/ }).check();
    await page.getByLabel('Stop after (messages)').fill('3');
    await page.getByRole('button', { name: 'Receive messages' }).click();
    await throttled;
    await expect(page.getByText(/SQS is throttling: retrying/)).toBeVisible();
    await expect(page.getByText('Stopped after 3 messages, the number asked for.')).toBeVisible();
    await expect(messagesTable(page).getByRole('row')).toHaveCount(4);
  });

  test('a 500 on DeleteMessageBatch reports which messages were not deleted', async ({ page, ownEmulator }) => {
    const sqs = new SQSClient({ endpoint: ownEmulator.url, region: DEMO_REGION, credentials: ownEmulator.credentials });
    const name = unique('del500');
    const { url } = await createQueue(sqs, name);
    await sendBodies(sqs, url, ['d1', 'd2', 'd3']);
    await page.goto(`/queues/${name}`);
    await signInThroughLoginPage(page, USERS.admin);
    await poll(page, 'Receive', { max: 3 });
    const ids = (await messagesTable(page).getByRole('row').allTextContents()).slice(1);
    expect(ids).toHaveLength(3);
    await ownEmulator.admin('faults', {
      service: 'sqs',
      operation: 'DeleteMessageBatch',
      count: 1,
      error: { code: 'InternalError', status: 500, message: 'We encountered an internal error' },
    });
    await page.getByRole('checkbox', { name: 'Select all loaded rows' }).check();
    await page.getByRole('button', { name: 'Delete 3' }).click();
    await page
      .getByRole('dialog', { name: 'Delete 3 messages?' })
      .getByRole('button', { name: 'Delete 3 messages' })
      .click();
    const report = page.getByRole('alert').filter({ hasText: 'not deleted' });
    await expect(report).toContainText('3 messages were not deleted:');
    await expect(report.getByRole('listitem')).toHaveCount(3);
    await expect(report).toContainText('InternalError');
    // The rows stay, so the user can try again.
    await expect(messagesTable(page).getByRole('row')).toHaveCount(4);
    expect(await countsOf(sqs, url)).toEqual({ available: 0, inFlight: 3 });
  });
});

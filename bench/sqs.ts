// The queues page under load (issue 10): 1,000 queues (time to the first row, requests made: attributes
// only for the rows on screen), receiving and deleting 10,000 messages through the page, and the size of
// the page's lazy chunk next to the SQS client's. Called from bench/run.ts with its stack and browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DEMO_REGION } from '../emulator/seed/accounts.js';
import type { AssetSize } from './lib/build-stats.js';
import { measurePageLoad, median } from './lib/measure-page.js';
import { printTable } from './lib/table.js';

const QUEUES = 1_000;
const MESSAGES = 10_000;
const FIRST_ROW_TARGET_MS = 500;
const OWN_CODE_BUDGET_GZIP = 40 * 1024;

export interface SqsBenchOptions {
  page: Page;
  baseUrl: string;
  emulator: { url: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  buildDir: string;
  sizes: Map<string, AssetSize>;
  runs: number;
}

export interface SqsBenchResult {
  queues1000: {
    firstRowMs: { median: number; runs: number[] };
    firstRowUnder500ms: boolean;
    /** Per load (first cold load), by SQS operation. */
    requests: Record<string, number>;
    rowsInDom: number;
  };
  poll10000: {
    messages: number;
    receiveSeconds: number;
    deleteSeconds: number;
    messagesPerSecond: number;
    receiveCalls: number;
    deleteCalls: number;
  };
  chunk: {
    ownGzip: number;
    ownFiles: string[];
    sqsClientGzip: number;
    sqsClientFiles: string[];
    ownUnder40Kb: boolean;
  };
}

async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

function targetOf(request: string): string | undefined {
  return /AmazonSQS\.(\w+)/.exec(request)?.[1];
}

async function thousandQueues(sqs: SQSClient, o: SqsBenchOptions): Promise<SqsBenchResult['queues1000']> {
  const prefix = `bench-${Date.now().toString(36)}-`;
  const names = Array.from({ length: QUEUES }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
  await inParallel(names, 16, (QueueName) => sqs.send(new CreateQueueCommand({ QueueName })));
  const url = `${o.baseUrl}/queues?prefix=${prefix}`;
  const runs: number[] = [];
  let requests: Record<string, number> = {};
  let rowsInDom = 0;
  for (let i = 0; i < o.runs; i++) {
    const load = await measurePageLoad(o.page, url, 'first-data:queues');
    runs.push(Math.round(load.markMs));
    if (i === 0) {
      requests = {};
      for (const r of load.requests) {
        const t = targetOf(r);
        if (t) requests[t] = (requests[t] ?? 0) + 1;
      }
      rowsInDom = await o.page.getByRole('grid', { name: 'Queues' }).locator('tbody tr[aria-rowindex]').count();
    }
  }
  const m = median(runs);
  return { firstRowMs: { median: m, runs }, firstRowUnder500ms: m < FIRST_ROW_TARGET_MS, requests, rowsInDom };
}

async function pollTenThousand(sqs: SQSClient, o: SqsBenchOptions): Promise<SqsBenchResult['poll10000']> {
  const name = `bench-poll-${Date.now().toString(36)}`;
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  const batches = Array.from({ length: MESSAGES / 10 }, (_, b) => b);
  await inParallel(batches, 8, (b) =>
    sqs.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: Array.from({ length: 10 }, (_, k) => ({
          Id: `m${k}`,
          MessageBody: JSON.stringify({ n: b * 10 + k, text: 'bench message' }),
        })),
      }),
    ),
  );
  const page = o.page;
  await page.goto(`${o.baseUrl}/queues/${name}`);
  await page
    .getByTestId('queue-counts')
    .getByText(`${MESSAGES.toLocaleString('en-US')} available`)
    .waitFor({ timeout: 30_000 });
  let receiveCalls = 0;
  let deleteCalls = 0;
  const onRequest = (r: { headers(): Record<string, string> }) => {
    const t = r.headers()['x-amz-target'];
    if (t === 'AmazonSQS.ReceiveMessage') receiveCalls++;
    if (t === 'AmazonSQS.DeleteMessageBatch') deleteCalls++;
  };
  page.on('request', onRequest);
  try {
    await page.getByRole('radio', { name: /^Receive/ }).check();
    await page.getByLabel('Hide for (seconds)').fill('900');
    await page.getByLabel('Stop after (messages)').fill(String(MESSAGES));
    await page.getByLabel('Stop after (seconds)').fill('900');
    const started = Date.now();
    await page.getByRole('button', { name: 'Receive messages' }).click();
    await page.getByText(`Stopped after ${MESSAGES.toLocaleString('en-US')} messages`).waitFor({ timeout: 600_000 });
    const received = Date.now();
    await page.getByRole('checkbox', { name: 'Select all loaded rows' }).check();
    await page.getByRole('button', { name: `Delete ${MESSAGES.toLocaleString('en-US')}` }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: `Delete ${MESSAGES} messages` })
      .click();
    await page.getByText('No messages received').waitFor({ timeout: 600_000 });
    const deleted = Date.now();
    const left = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    const remaining =
      Number(left.Attributes?.ApproximateNumberOfMessages) +
      Number(left.Attributes?.ApproximateNumberOfMessagesNotVisible);
    if (remaining !== 0) throw new Error(`${remaining} messages left in the queue after receive-and-delete`);
    return {
      messages: MESSAGES,
      receiveSeconds: Math.round((received - started) / 100) / 10,
      deleteSeconds: Math.round((deleted - received) / 100) / 10,
      messagesPerSecond: Math.round(MESSAGES / ((deleted - started) / 1000)),
      receiveCalls,
      deleteCalls,
    };
  } finally {
    page.off('request', onRequest);
  }
}

function chunkSizes(o: SqsBenchOptions): SqsBenchResult['chunk'] {
  const all = [...o.sizes.values()];
  const own = all.filter((s) => /^\/assets\/(queues-page|queue-page)-[\w-]+\.js$/.test(s.path));
  // The SQS client's chunk(s): the files holding its operation names.
  const sqsFiles = all.filter((s) => {
    const text = readFileSync(join(o.buildDir, s.path), 'utf8');
    return text.includes('AmazonSQS') && !own.includes(s);
  });
  const ownGzip = own.reduce((n, s) => n + s.gzip, 0);
  return {
    ownGzip,
    ownFiles: own.map((s) => s.path),
    sqsClientGzip: sqsFiles.reduce((n, s) => n + s.gzip, 0),
    sqsClientFiles: sqsFiles.map((s) => s.path),
    ownUnder40Kb: ownGzip <= OWN_CODE_BUDGET_GZIP,
  };
}

export async function runSqsBench(o: SqsBenchOptions): Promise<SqsBenchResult> {
  const sqs = new SQSClient({ endpoint: o.emulator.url, region: DEMO_REGION, credentials: o.emulator.credentials });
  const queues1000 = await thousandQueues(sqs, o);
  const poll10000 = await pollTenThousand(sqs, o);
  const chunk = chunkSizes(o);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log('\nqueues page (issue 10)\n');
  printTable(
    ['measure', 'value'],
    [
      [
        '1,000 queues: first row (median)',
        `${queues1000.firstRowMs.median} ms (runs ${queues1000.firstRowMs.runs.join(', ')})`,
      ],
      [
        '1,000 queues: requests per load',
        Object.entries(queues1000.requests)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
      ],
      ['1,000 queues: rows in the DOM', String(queues1000.rowsInDom)],
      ['10,000 messages: receive', `${poll10000.receiveSeconds} s in ${poll10000.receiveCalls} calls`],
      ['10,000 messages: delete', `${poll10000.deleteSeconds} s in ${poll10000.deleteCalls} calls`],
      ['10,000 messages: through the page', `${poll10000.messagesPerSecond} messages/s`],
      ['page chunks (our code, gzip)', `${kb(chunk.ownGzip)} (${chunk.ownFiles.length} files)`],
      ['SQS client chunk (gzip)', `${kb(chunk.sqsClientGzip)} (${chunk.sqsClientFiles.length} files)`],
    ],
  );
  console.log('');
  printTable(
    ['target', 'met'],
    [
      ['queuesFirstRowUnder500ms', queues1000.firstRowUnder500ms ? 'yes' : 'NO'],
      ['queuesPageOwnCodeUnder40KbGzip', chunk.ownUnder40Kb ? 'yes' : 'NO'],
    ],
  );
  return { queues1000, poll10000, chunk };
}

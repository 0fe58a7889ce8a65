// The SQS data layer against the real emulator in-process, through the console's own send().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTestEmulator, type TestEmulator } from '../../../emulator/testing';
import { activateSession, AwsSession } from '../session';
import { parseConfig } from '../config';
import { CredentialStore } from '../credentials';
import { deleteMessages, receiveMessages, sendMessage } from './message-api';
import { toOutgoingAttributes } from './message-input';
import { pollQueue } from './poller';
import { getQueueAttributes, listQueues } from './queue-api';
import { startMessageMove, watchMessageMove } from './redrive-api';
import { sendMany } from './send-many';

let emu: TestEmulator;
let sqs: SQSClient;
let region: string;
let n = 0;

beforeAll(async () => {
  emu = await startTestEmulator();
  region = emu.region;
  sqs = new SQSClient(emu.clientConfig);
  const config = parseConfig({ regions: [region], endpoint: emu.url, auth: { mode: 'static', ...emu.credentials } });
  activateSession(new AwsSession(config, new CredentialStore(async () => ({ ...emu.credentials }))));
});

afterAll(async () => {
  activateSession(undefined);
  await emu?.dispose();
});

async function queueWith(count: number, attributes: Record<string, string> = {}): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `api-test-${++n}`, Attributes: attributes }));
  for (let i = 0; i < count; i++) await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `{"n":${i}}` }));
  return QueueUrl!;
}

async function counts(url: string) {
  const a = await getQueueAttributes({ region, url });
  return { available: a.available, inFlight: a.inFlight };
}

describe('listing', () => {
  it('pages ListQueues and filters by name prefix on the server', async () => {
    for (const name of ['pfx-a', 'pfx-b', 'pfx-c', 'other-x'])
      await sqs.send(new CreateQueueCommand({ QueueName: name }));
    const first = await listQueues({ region, prefix: 'pfx-', limit: 2 });
    expect(first.items.map((q) => q.name)).toHaveLength(2);
    expect(first.nextToken).toBeDefined();
    const second = await listQueues({ region, prefix: 'pfx-', limit: 2, token: first.nextToken });
    expect([...first.items, ...second.items].map((q) => q.name).sort()).toEqual(['pfx-a', 'pfx-b', 'pfx-c']);
  });
});

describe('polling', () => {
  it('peek shows every message once and leaves them all available', async () => {
    const url = await queueWith(25);
    const seen: string[] = [];
    const end = await pollQueue({
      region,
      url,
      mode: 'peek',
      visibilitySeconds: 30,
      maxMessages: 100,
      durationSeconds: 30,
      waitSeconds: 1,
      signal: new AbortController().signal,
      onMessages: (ms) => seen.push(...ms.map((m) => m.id)),
    });
    expect(end.reason).toBe('seen-all');
    expect(new Set(seen).size).toBe(25);
    expect(seen).toHaveLength(25);
    expect(await counts(url)).toEqual({ available: 25, inFlight: 0 });
  });

  it('receive keeps messages hidden for the visibility timeout, and stops at the count', async () => {
    const url = await queueWith(15);
    const got: string[] = [];
    const end = await pollQueue({
      region,
      url,
      mode: 'receive',
      visibilitySeconds: 60,
      maxMessages: 12,
      durationSeconds: 30,
      waitSeconds: 1,
      signal: new AbortController().signal,
      onMessages: (ms) => got.push(...ms.map((m) => m.id)),
    });
    expect(end.reason).toBe('count');
    expect(got).toHaveLength(12);
    expect(await counts(url)).toEqual({ available: 3, inFlight: 12 });
  });

  it('a throttled ReceiveMessage is retried and polling goes on', async () => {
    const url = await queueWith(3);
    await emu.admin('faults', {
      service: 'sqs',
      operation: 'ReceiveMessage',
      count: 2,
      error: { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' },
    });
    const retries: number[] = [];
    const got: string[] = [];
    const end = await pollQueue({
      region,
      url,
      mode: 'receive',
      visibilitySeconds: 60,
      maxMessages: 3,
      durationSeconds: 30,
      waitSeconds: 1,
      signal: new AbortController().signal,
      onMessages: (ms) => got.push(...ms.map((m) => m.id)),
      onRetry: (_e, attempt) => retries.push(attempt),
      sleep: async () => undefined,
    });
    expect(retries).toEqual([1, 2]);
    expect(end.reason).toBe('count');
    expect(got).toHaveLength(3);
  });

  it('stops at once when aborted, even in the middle of a long poll', async () => {
    const url = await queueWith(0);
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 200);
    const end = await pollQueue({
      region,
      url,
      mode: 'peek',
      visibilitySeconds: 0,
      maxMessages: 10,
      durationSeconds: 60,
      waitSeconds: 20,
      signal: controller.signal,
      onMessages: () => undefined,
    });
    expect(end.reason).toBe('stopped');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('messages', () => {
  it('keeps message attributes of every type intact through send and receive', async () => {
    const url = await queueWith(0);
    await sendMessage({
      region,
      url,
      body: '{"a":1}',
      attributes: toOutgoingAttributes([
        { name: 'Kind', type: 'String', value: 'order' },
        { name: 'Total', type: 'Number', value: '12.50' },
        { name: 'Raw', type: 'Binary', value: 'aGVsbG8=' },
      ]),
    });
    const [m] = await receiveMessages({ region, url, max: 1, waitSeconds: 1, visibilitySeconds: 30 });
    expect(m?.attributes).toEqual({
      Kind: { type: 'String', value: 'order' },
      Total: { type: 'Number', value: '12.50' },
      Raw: { type: 'Binary', value: 'aGVsbG8=' },
    });
    expect(m?.receiveCount).toBe(1);
    expect(m?.sentAt).toBeInstanceOf(Date);
    expect(m?.visibleAgainAt).toBeGreaterThan(Date.now());
  });

  it('a 500 on DeleteMessageBatch reports exactly which messages were not deleted', async () => {
    const url = await queueWith(12);
    const ms = [
      ...(await receiveMessages({ region, url, max: 10, waitSeconds: 1, visibilitySeconds: 60 })),
      ...(await receiveMessages({ region, url, max: 10, waitSeconds: 1, visibilitySeconds: 60 })),
    ];
    expect(ms).toHaveLength(12);
    await emu.admin('faults', {
      service: 'sqs',
      operation: 'DeleteMessageBatch',
      count: 1,
      error: { code: 'InternalError', status: 500, message: 'We encountered an internal error' },
    });
    const result = await deleteMessages({ region, url, messages: ms });
    // The fault hits one of the two calls: exactly its messages are reported, the others deleted.
    const failed = result.failed.map((f) => f.id);
    const first = ms.slice(0, 10).map((m) => m.id);
    const last = ms.slice(10).map((m) => m.id);
    const [notDeleted, deleted] = failed.length === 10 ? [first, last] : [last, first];
    expect(failed.sort()).toEqual([...notDeleted].sort());
    expect(result.failed[0]).toMatchObject({ code: 'InternalError' });
    expect(result.succeeded.sort()).toEqual([...deleted].sort());
    expect((await counts(url)).inFlight).toBe(notDeleted.length);
  });

  it('sends a file in batches of 10, reporting each refused message with its code', async () => {
    const url = await queueWith(0, { MaximumMessageSize: '1024' });
    const messages = Array.from({ length: 23 }, (_, i) => ({
      position: i + 1,
      body: i === 14 ? 'x'.repeat(2000) : `{"i":${i}}`,
    }));
    const failures: Array<[number, string]> = [];
    const progress: number[] = [];
    const result = await sendMany({
      region,
      url,
      messages,
      signal: new AbortController().signal,
      onProgress: (done) => progress.push(done),
      onFailure: (m, code) => failures.push([m.position, code]),
    });
    expect(result).toEqual({ sent: 22, failed: 1 });
    expect(failures).toEqual([[15, expect.stringMatching(/TooLong|InvalidParameterValue|BatchEntry/)]]);
    expect(progress).toEqual([10, 20, 23]);
    expect((await counts(url)).available).toBe(22);
  });
});

describe('redrive', () => {
  it('moves every message of a dead-letter queue back to its source and reports progress', async () => {
    const dlqUrl = await queueWith(0);
    const dlqArn = (await getQueueAttributes({ region, url: dlqUrl })).arn!;
    const srcUrl = await queueWith(0, {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 1 }),
      VisibilityTimeout: '0',
    });
    for (let i = 0; i < 5; i++) await sqs.send(new SendMessageCommand({ QueueUrl: srcUrl, MessageBody: `m${i}` }));
    // Received once each (maxReceiveCount 1), the next receive moves them to the DLQ.
    await receiveMessages({ region, url: srcUrl, max: 10, waitSeconds: 0, visibilitySeconds: 0 });
    await receiveMessages({ region, url: srcUrl, max: 10, waitSeconds: 0, visibilitySeconds: 0 });
    expect((await counts(dlqUrl)).available).toBe(5);

    const startedAt = Date.now();
    const handle = await startMessageMove({ region, sourceArn: dlqArn });
    const seen: number[] = [];
    const task = await watchMessageMove({
      region,
      sourceArn: dlqArn,
      handle,
      startedAt,
      signal: new AbortController().signal,
      intervalMs: 50,
      onProgress: (t) => seen.push(t.moved),
    });
    expect(task).toMatchObject({ status: 'COMPLETED', moved: 5, toMove: 5 });
    expect((await counts(dlqUrl)).available).toBe(0);
    const src = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: srcUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    expect(src.Attributes?.ApproximateNumberOfMessages).toBe('5');
  });
});

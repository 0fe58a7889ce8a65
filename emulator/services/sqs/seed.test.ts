import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListDeadLetterSourceQueuesCommand,
  ListQueuesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqsService } from './index.js';
import { startTestEmulator, type TestEmulator } from '../../testing.js';

let emu: TestEmulator;
let sqs: SQSClient;

beforeAll(async () => {
  // Seed only SQS (the whole emulator's seed takes seconds): write it into the data folder, then start there.
  const dataDir = mkdtempSync(join(tmpdir(), 'sqs-seed-'));
  mkdirSync(join(dataDir, 'sqs'));
  const service = await createSqsService({
    dataDir: join(dataDir, 'sqs'),
    accountId: '123456789012',
    defaultRegion: 'us-east-1',
    baseUrl: () => '',
    log: () => {},
  });
  await service.seed?.();
  await service.close();
  emu = await startTestEmulator({ dataDir });
  sqs = new SQSClient(emu.clientConfig);
});
afterAll(async () => {
  sqs.destroy();
  await emu.dispose();
  rmSync(emu.dataDir, { recursive: true, force: true });
});

const url = async (name: string) => (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl as string;
const attrs = async (name: string) =>
  (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: await url(name), AttributeNames: ['All'] }))).Attributes ??
  {};

describe('SQS seed data', () => {
  it('has orders with a DLQ holding failed orders, a FIFO queue and notifications', async () => {
    const names = ((await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? []).map((u) => u.split('/').pop());
    expect(names).toEqual(expect.arrayContaining(['orders', 'orders-dlq', 'events.fifo', 'notifications']));
    const orders = await attrs('orders');
    const dlq = await attrs('orders-dlq');
    expect(JSON.parse(orders.RedrivePolicy ?? '{}')).toEqual({ deadLetterTargetArn: dlq.QueueArn, maxReceiveCount: 3 });
    expect(Number(dlq.ApproximateNumberOfMessages)).toBeGreaterThanOrEqual(3);
    expect((await attrs('events.fifo')).FifoQueue).toBe('true');
    expect((await attrs('notifications')).ApproximateNumberOfMessages).toBe('25');
    const sources = await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: await url('orders-dlq') }));
    expect(sources.queueUrls).toEqual([await url('orders')]);
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: await url('orders-dlq'),
        MaxNumberOfMessages: 10,
        MessageAttributeNames: ['All'],
        VisibilityTimeout: 0,
      }),
    );
    expect(Messages?.[0]?.MessageAttributes?.OrderId?.StringValue).toMatch(/^ord-/);
    const events = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: await url('events.fifo'),
        MaxNumberOfMessages: 10,
        MessageSystemAttributeNames: ['MessageGroupId'],
        VisibilityTimeout: 0,
      }),
    );
    expect(new Set(events.Messages?.map((m) => m.Attributes?.MessageGroupId)).size).toBe(2);
  });

  it('is wiped by an admin reset', async () => {
    await emu.admin('reset', { seed: false });
    expect((await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? []).toEqual([]);
  });
});

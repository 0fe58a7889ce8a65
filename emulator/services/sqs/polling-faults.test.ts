import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { startTestEmulator, type TestEmulator } from '../../testing.js';

let emu: TestEmulator;
let sqs: SQSClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  sqs = new SQSClient(emu.clientConfig);
});
afterAll(async () => {
  sqs.destroy();
  await emu.dispose();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function queue(name: string, attributes?: Record<string, string>): Promise<string> {
  return (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl as string;
}

describe('SQS long polling edge cases', () => {
  it('an abandoned long poll takes no message', async () => {
    const QueueUrl = await queue('lp-abandon');
    const controller = new AbortController();
    const abandoned = sqs
      .send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 10 }), { abortSignal: controller.signal })
      .catch((e: Error) => e);
    await sleep(300);
    controller.abort();
    expect(await abandoned).toBeInstanceOf(Error);
    await sleep(100);
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'for the next caller' }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    expect(Messages?.[0]?.Body).toBe('for the next caller');
  });

  it('the queue default ReceiveMessageWaitTimeSeconds makes a receive long-poll', async () => {
    const QueueUrl = await queue('lp-default', { ReceiveMessageWaitTimeSeconds: '2' });
    const waiting = sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    await sleep(300);
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'late' }));
    expect((await waiting).Messages?.[0]?.Body).toBe('late');
  });

  it('a FIFO receive waiting on a blocked group wakes when the in-flight message is deleted', async () => {
    const QueueUrl = await queue('lp-fifo.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'one', MessageGroupId: 'g' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'two', MessageGroupId: 'g' }));
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 60 }));
    expect(first.Messages?.[0]?.Body).toBe('one');
    const waiting = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 10 }));
    await sleep(300);
    const deletedAt = Date.now();
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: first.Messages?.[0]?.ReceiptHandle }));
    expect((await waiting).Messages?.[0]?.Body).toBe('two');
    expect(Date.now() - deletedAt).toBeLessThan(1000);
  });
});

describe('SQS fault injection', () => {
  it('answers an injected error in the SQS shape, then serves normally', async () => {
    await queue('fault-q');
    await emu.admin('faults', {
      service: 'sqs',
      operation: 'GetQueueUrl',
      count: 1,
      error: { code: 'QueueDoesNotExist', status: 400 },
    });
    const err = await sqs.send(new GetQueueUrlCommand({ QueueName: 'fault-q' })).catch((e: Error) => e);
    expect((err as Error).name).toBe('QueueDoesNotExist');
    expect((await sqs.send(new GetQueueUrlCommand({ QueueName: 'fault-q' }))).QueueUrl).toContain('fault-q');
  });

  it('the SDK retries an injected throttle and the message is sent once', async () => {
    const QueueUrl = await queue('fault-throttle');
    await emu.admin('faults', {
      service: 'sqs',
      operation: 'SendMessage',
      count: 1,
      error: { code: 'RequestThrottled', status: 403 },
    });
    await emu.admin('faults', {
      service: 'sqs',
      operation: 'ReceiveMessage',
      count: 1,
      error: { code: 'ThrottlingException' },
    });
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'once' }));
    expect(sent.$metadata.attempts).toBe(2);
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    expect(Messages?.map((m) => m.Body)).toEqual(['once']);
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessagesNotVisible'] }),
    );
    expect(Attributes?.ApproximateNumberOfMessagesNotVisible).toBe('1');
  });
});

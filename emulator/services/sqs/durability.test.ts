import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ListQueuesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { startEmulatorProcess, startTestEmulator } from '../../testing.js';

const KEYS = { accessKeyId: 'AKIASQSDURABLE', secretAccessKey: 'sqs-durable-secret' };
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqs-durability-'));
  dirs.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('SQS durability', () => {
  it('keeps queues, attributes, in-flight state and messages across a restart on a new port', async () => {
    const dataDir = tempDir();
    const first = await startTestEmulator({ dataDir });
    const sqs = new SQSClient(first.clientConfig);
    const { QueueUrl } = await sqs.send(
      new CreateQueueCommand({ QueueName: 'kept', Attributes: { VisibilityTimeout: '120' }, tags: { a: 'b' } }),
    );
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'one' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'two' }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    sqs.destroy();
    await first.stop();

    const second = await startTestEmulator({ dataDir });
    const again = new SQSClient(second.clientConfig);
    const { QueueUrls } = await again.send(new ListQueuesCommand({}));
    expect(QueueUrls).toEqual([`${second.url}/${second.accountId}/kept`]);
    // The old URL (another port) still works.
    const { Attributes } = await again.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    expect(Attributes).toMatchObject({
      VisibilityTimeout: '120',
      ApproximateNumberOfMessages: '1',
      ApproximateNumberOfMessagesNotVisible: '1',
    });
    again.destroy();
    await second.dispose();
  });

  it('never loses an acknowledged SendMessage to kill -9', async () => {
    const dataDir = tempDir();
    const child = await startEmulatorProcess(dataDir, KEYS);
    const config = { endpoint: child.url, region: 'us-east-1', credentials: KEYS };
    const sqs = new SQSClient(config);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'crash' }));
    const bodies = Array.from({ length: 50 }, (_, i) => `message-${i}`);
    for (const body of bodies) await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body }));
    sqs.destroy();
    await child.kill();

    const back = await startTestEmulator({ dataDir, staticCredentials: [KEYS] });
    const again = new SQSClient({ ...back.clientConfig, credentials: KEYS });
    const received: string[] = [];
    for (;;) {
      const { Messages } = await again.send(
        new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 60 }),
      );
      if (!Messages) break;
      received.push(...Messages.map((m) => m.Body ?? ''));
    }
    expect(received.sort()).toEqual([...bodies].sort());
    again.destroy();
    await back.dispose();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CancelMessageMoveTaskCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ListDeadLetterSourceQueuesCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
  type QueueAttributeName,
} from '@aws-sdk/client-sqs';
import { errorOf, startTestEmulator, type TestEmulator } from '../../testing.js';

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

async function queue(name: string, attributes?: Record<string, string>): Promise<{ url: string; arn: string }> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  return { url: QueueUrl as string, arn: Attributes?.QueueArn as string };
}

async function visibleCount(QueueUrl: string): Promise<number> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages);
}

async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('SQS FIFO queues', () => {
  it('keeps order within a group, blocks a group with messages in flight, and serves other groups', async () => {
    const { url } = await queue('f-order.fifo', { FifoQueue: 'true' });
    const entries = [
      { Id: 'a1', MessageBody: 'a1', MessageGroupId: 'A', MessageDeduplicationId: 'a1' },
      { Id: 'b1', MessageBody: 'b1', MessageGroupId: 'B', MessageDeduplicationId: 'b1' },
      { Id: 'a2', MessageBody: 'a2', MessageGroupId: 'A', MessageDeduplicationId: 'a2' },
      { Id: 'a3', MessageBody: 'a3', MessageGroupId: 'A', MessageDeduplicationId: 'a3' },
      { Id: 'b2', MessageBody: 'b2', MessageGroupId: 'B', MessageDeduplicationId: 'b2' },
    ];
    const sent = await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries }));
    const seqs = entries.map((e) => sent.Successful?.find((s) => s.Id === e.Id)?.SequenceNumber ?? '');
    expect(seqs.every((s) => /^\d{20}$/.test(s))).toBe(true);
    expect([...seqs].sort()).toEqual(seqs);

    const first = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 2, MessageSystemAttributeNames: ['All'] }),
    );
    expect(first.Messages?.map((m) => m.Body)).toEqual(['a1', 'b1']);
    expect(first.Messages?.[0]?.Attributes).toMatchObject({
      MessageGroupId: 'A',
      MessageDeduplicationId: 'a1',
      SequenceNumber: seqs[0],
    });
    // Both groups have a message in flight: nothing else may be delivered.
    expect(
      (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }))).Messages,
    ).toBeUndefined();
    const a1 = first.Messages?.[0];
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: a1?.ReceiptHandle }));
    const next = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
    expect(next.Messages?.map((m) => m.Body)).toEqual(['a2', 'a3']);
  });

  it('deduplicates by id and by content within the window, returning the first message id', async () => {
    const { url } = await queue('f-dedup.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    const one = await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'same', MessageGroupId: 'g' }));
    const two = await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'same', MessageGroupId: 'g' }));
    expect(two.MessageId).toBe(one.MessageId);
    expect(two.SequenceNumber).toBe(one.SequenceNumber);
    const byId1 = await sqs.send(
      new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: 'id-1' }),
    );
    const byId2 = await sqs.send(
      new SendMessageCommand({ QueueUrl: url, MessageBody: 'y', MessageGroupId: 'g', MessageDeduplicationId: 'id-1' }),
    );
    expect(byId2.MessageId).toBe(byId1.MessageId);
    expect(await visibleCount(url)).toBe(2);
  });

  it('requires a group id and a dedup id (or content-based dedup), and refuses per-message delay', async () => {
    const { url } = await queue('f-rules.fifo', { FifoQueue: 'true' });
    expect(
      (
        await errorOf(
          sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageDeduplicationId: 'd' })),
        )
      ).name,
    ).toBe('MissingParameter');
    expect(
      (await errorOf(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', MessageGroupId: 'g' })))).name,
    ).toBe('InvalidParameterValue');
    const delayed = sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'x',
        MessageGroupId: 'g',
        MessageDeduplicationId: 'd',
        DelaySeconds: 5,
      }),
    );
    expect((await errorOf(delayed)).name).toBe('InvalidParameterValue');
  });
});

describe('SQS FIFO queue delay', () => {
  it('applies the queue DelaySeconds to FIFO messages', async () => {
    const { url } = await queue('f-delay.fifo', {
      FifoQueue: 'true',
      ContentBasedDeduplication: 'true',
      DelaySeconds: '1',
    });
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'later', MessageGroupId: 'g' }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessagesDelayed'] }),
    );
    expect(Attributes?.ApproximateNumberOfMessagesDelayed).toBe('1');
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 3 }));
    expect(Messages?.[0]?.Body).toBe('later');
  });
});

describe('SQS dead-letter queues', () => {
  it('moves a message received more than maxReceiveCount times to the DLQ, keeping body and attributes', async () => {
    const dlq = await queue('r-dlq');
    const src = await queue('r-src');
    await sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: src.url,
        Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 2 }) },
      }),
    );
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: src.url, AttributeNames: ['RedrivePolicy'] }),
    );
    expect(JSON.parse(Attributes?.RedrivePolicy ?? '{}')).toEqual({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 2 });
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: src.url,
        MessageBody: 'poison',
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'bad' } },
      }),
    );
    for (let i = 0; i < 2; i++) {
      const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: src.url, VisibilityTimeout: 0 }));
      expect(r.Messages?.[0]?.Body).toBe('poison');
    }
    // The third attempt finds it over the limit: it goes to the DLQ instead of being delivered.
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: src.url }))).Messages).toBeUndefined();
    const dead = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: dlq.url,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['DeadLetterQueueSourceArn'],
      }),
    );
    expect(dead.Messages?.[0]?.Body).toBe('poison');
    expect(dead.Messages?.[0]?.MessageAttributes?.kind?.StringValue).toBe('bad');
    expect(dead.Messages?.[0]?.Attributes?.DeadLetterQueueSourceArn).toBe(src.arn);

    const sources = await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq.url }));
    expect(sources.queueUrls).toEqual([src.url]);
  });

  it('redrives DLQ messages back to their source with a message move task, and lists it', async () => {
    const dlq = await queue('t-dlq');
    const noTarget = JSON.stringify({ deadLetterTargetArn: '', maxReceiveCount: 1 });
    expect((await errorOf(queue('t-src', { RedrivePolicy: noTarget }))).name).toBe('InvalidParameterValue');
    const source = await queue('t-src');
    await sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: source.url,
        Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 1 }) },
      }),
    );
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: source.url,
        Entries: [1, 2, 3].map((i) => ({ Id: `m${i}`, MessageBody: `m${i}` })),
      }),
    );
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: source.url, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
    expect(
      (await sqs.send(new ReceiveMessageCommand({ QueueUrl: source.url, MaxNumberOfMessages: 10 }))).Messages,
    ).toBeUndefined();
    expect(await visibleCount(dlq.url)).toBe(3);

    const { TaskHandle } = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn }));
    expect(TaskHandle).toBeTruthy();
    await until(async () => (await visibleCount(source.url)) === 3);
    expect(await visibleCount(dlq.url)).toBe(0);
    await until(async () => {
      const { Results } = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn }));
      return Results?.[0]?.Status === 'COMPLETED';
    });
    const { Results } = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn, MaxResults: 10 }));
    expect(Results?.[0]).toMatchObject({
      Status: 'COMPLETED',
      SourceArn: dlq.arn,
      ApproximateNumberOfMessagesMoved: 3,
    });
    const back = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: source.url,
        MaxNumberOfMessages: 10,
        AttributeNames: ['ApproximateReceiveCount' as QueueAttributeName],
      }),
    );
    expect(back.Messages?.map((m) => m.Body).sort()).toEqual(['m1', 'm2', 'm3']);
    expect(back.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('1');
  });

  it('moves to an explicit destination at a set rate, and cancels a running task', async () => {
    const dlq = await queue('c-dlq');
    const source = await queue('c-src', {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 3 }),
    });
    const dest = await queue('c-dest');
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: dlq.url,
        Entries: Array.from({ length: 10 }, (_, i) => ({ Id: `m${i}`, MessageBody: `m${i}` })),
      }),
    );
    const { TaskHandle } = await sqs.send(
      new StartMessageMoveTaskCommand({
        SourceArn: dlq.arn,
        DestinationArn: dest.arn,
        MaxNumberOfMessagesPerSecond: 2,
      }),
    );
    await until(async () => (await visibleCount(dest.url)) >= 2);
    const second = await errorOf(
      sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn, DestinationArn: dest.arn })),
    );
    expect(second.name).toBe('UnsupportedOperation');
    const cancelled = await sqs.send(new CancelMessageMoveTaskCommand({ TaskHandle }));
    expect(cancelled.ApproximateNumberOfMessagesMoved).toBeGreaterThanOrEqual(2);
    expect(cancelled.ApproximateNumberOfMessagesMoved).toBeLessThan(10);
    const { Results } = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn }));
    expect(Results?.[0]).toMatchObject({
      Status: 'CANCELLED',
      DestinationArn: dest.arn,
      ApproximateNumberOfMessagesToMove: 10,
    });
    expect((await errorOf(sqs.send(new CancelMessageMoveTaskCommand({ TaskHandle })))).name).toBe(
      'UnsupportedOperation',
    );
    expect(source.url).toContain('c-src');
    const notDlq = await errorOf(sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dest.arn })));
    expect(notDlq.name).toBe('InvalidParameterValue');
    const missing = await errorOf(
      sqs.send(new StartMessageMoveTaskCommand({ SourceArn: `arn:aws:sqs:${emu.region}:${emu.accountId}:nope` })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
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

async function queue(name: string, attributes?: Record<string, string>): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  return QueueUrl as string;
}

async function counts(QueueUrl: string) {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
  );
  return [
    Attributes?.ApproximateNumberOfMessages,
    Attributes?.ApproximateNumberOfMessagesNotVisible,
    Attributes?.ApproximateNumberOfMessagesDelayed,
  ].map(Number);
}

describe('SQS messages', () => {
  it('sends, receives and deletes, with AWS MD5s of body and attributes', async () => {
    const QueueUrl = await queue('m-basic');
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: 'hello',
        MessageAttributes: { timestamp: { DataType: 'Number', StringValue: '1493147359900' } },
      }),
    );
    // Digests AWS returns for these inputs (pinned by moto's SQS tests against AWS).
    expect(sent.MD5OfMessageBody).toBe('5d41402abc4b2a76b9719d911017c592');
    expect(sent.MD5OfMessageAttributes).toBe('235c5c510d26fb653d073faed50ae77c');
    expect(sent.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await counts(QueueUrl)).toEqual([1, 0, 0]);

    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
        VisibilityTimeout: 30,
      }),
    );
    expect(Messages).toHaveLength(1);
    const m = Messages?.[0];
    expect(m?.Body).toBe('hello');
    expect(m?.MessageId).toBe(sent.MessageId);
    expect(m?.MD5OfMessageAttributes).toBe('235c5c510d26fb653d073faed50ae77c');
    expect(m?.MessageAttributes?.timestamp).toEqual({ DataType: 'Number', StringValue: '1493147359900' });
    expect(m?.Attributes?.ApproximateReceiveCount).toBe('1');
    expect(Number(m?.Attributes?.SentTimestamp)).toBeGreaterThan(Date.now() - 60_000);
    expect(m?.Attributes?.ApproximateFirstReceiveTimestamp).toBeDefined();
    expect(m?.Attributes?.SenderId).toBeTruthy();
    expect(await counts(QueueUrl)).toEqual([0, 1, 0]);

    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m?.ReceiptHandle }));
    expect(await counts(QueueUrl)).toEqual([0, 0, 0]);
  });

  it('hashes several attributes of every type, and filters attributes by name and prefix', async () => {
    const QueueUrl = await queue('m-attrs');
    const attrs = {
      'SOME_Valid.attribute-Name': { DataType: 'Number', StringValue: '1493147359900' },
      'app.user': { DataType: 'String', StringValue: 'alice' },
      'app.blob': { DataType: 'Binary', BinaryValue: new Uint8Array([0, 1, 2, 255]) },
      other: { DataType: 'String.custom', StringValue: 'x' },
    };
    // The SDK checks MD5OfMessageBody; a wrong attribute digest would show up in the receive below too.
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'attrs', MessageAttributes: attrs }));
    const one = await sqs.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: 'one',
        MessageAttributes: { 'SOME_Valid.attribute-Name': attrs['SOME_Valid.attribute-Name'] },
      }),
    );
    expect(one.MD5OfMessageAttributes).toBe('36655e7e9d7c0e8479fa3f3f42247ae7');
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl,
        MaxNumberOfMessages: 10,
        MessageAttributeNames: ['app.*'],
        VisibilityTimeout: 0,
      }),
    );
    expect(Messages?.map((x) => x.Body).sort()).toEqual(['attrs', 'one']);
    const first = Messages?.find((x) => x.Body === 'attrs');
    expect(Object.keys(first?.MessageAttributes ?? {}).sort()).toEqual(['app.blob', 'app.user']);
    expect(first?.MessageAttributes?.['app.blob']?.BinaryValue).toEqual(new Uint8Array([0, 1, 2, 255]));
    const plain = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, MessageAttributeNames: ['other'] }),
    );
    const again = plain.Messages?.find((x) => x.Body === 'attrs');
    expect(Object.keys(again?.MessageAttributes ?? {})).toEqual(['other']);
    expect(again?.Attributes).toBeUndefined();
  });

  it('sends batches with per-entry failures and enforces batch rules', async () => {
    const QueueUrl = await queue('m-batch');
    const res = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: [
          { Id: 'a', MessageBody: 'first' },
          { Id: 'b', MessageBody: 'second', DelaySeconds: 60 },
          { Id: 'c', MessageBody: 'bad', DelaySeconds: 5000 },
        ],
      }),
    );
    expect(res.Successful?.map((s) => s.Id).sort()).toEqual(['a', 'b']);
    expect(res.Successful?.find((s) => s.Id === 'a')?.MD5OfMessageBody).toBe('8b04d5e3775d298e78455efc5ca404d5');
    expect(res.Failed).toEqual([
      expect.objectContaining({ Id: 'c', SenderFault: true, Code: 'InvalidParameterValue' }),
    ]);
    expect(await counts(QueueUrl)).toEqual([1, 0, 1]);

    const tooMany = Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, MessageBody: 'x' }));
    expect((await errorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: tooMany })))).name).toBe(
      'TooManyEntriesInBatchRequest',
    );
    expect((await errorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [] })))).name).toBe(
      'EmptyBatchRequest',
    );
    const dup = [
      { Id: 'x', MessageBody: '1' },
      { Id: 'x', MessageBody: '2' },
    ];
    expect((await errorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: dup })))).name).toBe(
      'BatchEntryIdsNotDistinct',
    );
    expect(
      (
        await errorOf(
          sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'bad id!', MessageBody: '1' }] })),
        )
      ).name,
    ).toBe('InvalidBatchEntryId');
    const big = [
      { Id: 'a', MessageBody: 'x'.repeat(200_000) },
      { Id: 'b', MessageBody: 'y'.repeat(200_000) },
    ];
    expect((await errorOf(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: big })))).name).toBe(
      'BatchRequestTooLong',
    );
  });

  it('enforces the 256 KiB limit, naming the size, and rejects invalid bodies and attributes', async () => {
    const QueueUrl = await queue('m-limits');
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x'.repeat(262_144) }));
    const tooBig = await errorOf(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x'.repeat(262_145) })));
    expect(tooBig.name).toBe('InvalidParameterValue');
    expect(tooBig.message).toContain('262144 bytes');
    expect((await errorOf(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: '' })))).name).toBe(
      'MissingParameter',
    );
    expect((await errorOf(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'bad \u0001 char' })))).name).toBe(
      'InvalidMessageContents',
    );
    const badAttr = await errorOf(
      sqs.send(
        new SendMessageCommand({
          QueueUrl,
          MessageBody: 'x',
          MessageAttributes: { n: { DataType: 'Number', StringValue: 'abc' } },
        }),
      ),
    );
    expect(badAttr.name).toBe('InvalidParameterValue');
    const dedupOnStandard = await errorOf(
      sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x', MessageDeduplicationId: 'd' })),
    );
    expect(dedupOnStandard.name).toBe('InvalidParameterValue');
    const badMax = await errorOf(sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 11 })));
    expect(badMax.name).toBe('InvalidParameterValue');
    const badWait = await errorOf(sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 21 })));
    expect(badWait.name).toBe('InvalidParameterValue');
  });

  it('hides received messages for the visibility timeout and counts delayed ones', async () => {
    const QueueUrl = await queue('m-visibility');
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'later', DelaySeconds: 1 }));
    expect(await counts(QueueUrl)).toEqual([0, 0, 1]);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages).toBeUndefined();
    const started = Date.now();
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 5, VisibilityTimeout: 1 }),
    );
    expect(Messages?.[0]?.Body).toBe('later');
    expect(Date.now() - started).toBeLessThan(3500);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages).toBeUndefined();
    const back = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl,
        WaitTimeSeconds: 3,
        AttributeNames: ['ApproximateReceiveCount' as QueueAttributeName],
      }),
    );
    expect(back.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('2');
    expect(back.Messages?.[0]?.ReceiptHandle).not.toBe(Messages?.[0]?.ReceiptHandle);
  });

  it('changes visibility, says MessageNotInflight and ReceiptHandleIsInvalid', async () => {
    const QueueUrl = await queue('m-change');
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: [
          { Id: '1', MessageBody: 'a' },
          { Id: '2', MessageBody: 'b' },
        ],
      }),
    );
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 300 }),
    );
    expect(Messages).toHaveLength(2);
    const [a, b] = Messages;
    await sqs.send(
      new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: a?.ReceiptHandle, VisibilityTimeout: 0 }),
    );
    expect(await counts(QueueUrl)).toEqual([1, 1, 0]);
    const notInflight = await errorOf(
      sqs.send(
        new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: a?.ReceiptHandle, VisibilityTimeout: 10 }),
      ),
    );
    expect(notInflight.name).toBe('MessageNotInflight');
    const batch = await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl,
        Entries: [
          { Id: 'ok', ReceiptHandle: b?.ReceiptHandle, VisibilityTimeout: 0 },
          { Id: 'bad', ReceiptHandle: 'garbage', VisibilityTimeout: 0 },
        ],
      }),
    );
    expect(batch.Successful).toEqual([{ Id: 'ok' }]);
    expect(batch.Failed?.[0]).toMatchObject({ Id: 'bad', Code: 'ReceiptHandleIsInvalid', SenderFault: true });
    expect(await counts(QueueUrl)).toEqual([2, 0, 0]);

    const invalid = await errorOf(sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: 'not-a-handle' })));
    expect(invalid.name).toBe('ReceiptHandleIsInvalid');
    expect(invalid.$metadata?.httpStatusCode).toBe(404);

    const again = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    const del = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl,
        Entries: [
          ...(again.Messages ?? []).map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })),
          { Id: 'junk', ReceiptHandle: 'junk' },
        ],
      }),
    );
    expect(del.Successful).toHaveLength(2);
    expect(del.Failed?.[0]).toMatchObject({ Id: 'junk', Code: 'ReceiptHandleIsInvalid' });
    expect(await counts(QueueUrl)).toEqual([0, 0, 0]);
  });

  it('receives up to MaxNumberOfMessages, each with a unique receipt handle', async () => {
    const QueueUrl = await queue('m-many');
    for (let i = 0; i < 3; i++) {
      await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl,
          Entries: Array.from({ length: 10 }, (_, j) => ({ Id: `m${j}`, MessageBody: `${i}-${j}` })),
        }),
      );
    }
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    expect(Messages).toHaveLength(10);
    expect(new Set(Messages.map((m) => m.ReceiptHandle)).size).toBe(10);
    expect(await counts(QueueUrl)).toEqual([20, 10, 0]);
  });

  it('long polling returns as soon as a message arrives, and after WaitTimeSeconds when none does', async () => {
    const QueueUrl = await queue('m-longpoll');
    const started = Date.now();
    const waiting = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 5 }));
    await new Promise((r) => setTimeout(r, 300));
    const sentAt = Date.now();
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'ping' }));
    const acknowledgedAt = Date.now();
    const { Messages } = await waiting;
    expect(Messages?.[0]?.Body).toBe('ping');
    // Event-driven: the receive answers right after the send (~200 ms on a quiet machine; slack for a loaded
    // CI), not at the end of its 5 s wait nor on a polling tick.
    expect(Date.now() - acknowledgedAt).toBeLessThan(500);

    const emptyStart = Date.now();
    const empty = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: await queue('m-longpoll-empty'), WaitTimeSeconds: 1 }),
    );
    expect(empty.Messages).toBeUndefined();
    const waited = Date.now() - emptyStart;
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(3000);
    expect(sentAt - started).toBeGreaterThanOrEqual(300);
  });

  it('purges at once and refuses a second purge within 60 seconds', async () => {
    const QueueUrl = await queue('m-purge');
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: [
          { Id: '1', MessageBody: 'a' },
          { Id: '2', MessageBody: 'b' },
        ],
      }),
    );
    await sqs.send(new PurgeQueueCommand({ QueueUrl }));
    expect(await counts(QueueUrl)).toEqual([0, 0, 0]);
    const again = await errorOf(sqs.send(new PurgeQueueCommand({ QueueUrl })));
    expect(again.name).toBe('PurgeQueueInProgress');
    expect(again.$metadata?.httpStatusCode).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ListQueueTagsCommand,
  SetQueueAttributesCommand,
  SQSClient,
  TagQueueCommand,
  UntagQueueCommand,
  paginateListQueues,
} from '@aws-sdk/client-sqs';
import { errorOf, startTestEmulator, type TestEmulator, signedRequest } from '../../testing.js';

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

describe('SQS queues', () => {
  it('creates a queue, returns its URL and ARN, and is idempotent with the same attributes', async () => {
    const { QueueUrl } = await sqs.send(
      new CreateQueueCommand({ QueueName: 'q-basic', Attributes: { VisibilityTimeout: '45' } }),
    );
    expect(QueueUrl).toBe(`${emu.url}/${emu.accountId}/q-basic`);
    const again = await sqs.send(
      new CreateQueueCommand({ QueueName: 'q-basic', Attributes: { VisibilityTimeout: '45' } }),
    );
    expect(again.QueueUrl).toBe(QueueUrl);
    const err = await errorOf(
      sqs.send(new CreateQueueCommand({ QueueName: 'q-basic', Attributes: { VisibilityTimeout: '10' } })),
    );
    expect(err.name).toBe('QueueNameExists');
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    expect(Attributes).toMatchObject({
      QueueArn: `arn:aws:sqs:${emu.region}:${emu.accountId}:q-basic`,
      VisibilityTimeout: '45',
      MessageRetentionPeriod: '345600',
      MaximumMessageSize: '262144',
      DelaySeconds: '0',
      ReceiveMessageWaitTimeSeconds: '0',
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
      ApproximateNumberOfMessagesDelayed: '0',
    });
    expect(Number(Attributes?.CreatedTimestamp)).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(Attributes?.FifoQueue).toBeUndefined();
  });

  it('creates FIFO queues only with the .fifo suffix and FifoQueue=true', async () => {
    const { QueueUrl } = await sqs.send(
      new CreateQueueCommand({
        QueueName: 'q-ordered.fifo',
        Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' },
      }),
    );
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['FifoQueue', 'ContentBasedDeduplication'] }),
    );
    expect(Attributes).toEqual({ FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    expect((await errorOf(sqs.send(new CreateQueueCommand({ QueueName: 'nofifo.fifo' })))).name).toBe(
      'InvalidParameterValue',
    );
    expect(
      (await errorOf(sqs.send(new CreateQueueCommand({ QueueName: 'plain', Attributes: { FifoQueue: 'true' } })))).name,
    ).toBe('InvalidParameterValue');
    expect(
      (
        await errorOf(
          sqs.send(new CreateQueueCommand({ QueueName: 'std-cbd', Attributes: { ContentBasedDeduplication: 'true' } })),
        )
      ).name,
    ).toBe('InvalidAttributeName');
  });

  it('rejects bad names and attribute values with the SQS errors', async () => {
    expect((await errorOf(sqs.send(new CreateQueueCommand({ QueueName: 'bad name!' })))).name).toBe(
      'InvalidParameterValue',
    );
    expect((await errorOf(sqs.send(new CreateQueueCommand({ QueueName: 'x'.repeat(81) })))).name).toBe(
      'InvalidParameterValue',
    );
    expect(
      (
        await errorOf(
          sqs.send(new CreateQueueCommand({ QueueName: 'q-bad-attr', Attributes: { VisibilityTimeout: '99999' } })),
        )
      ).name,
    ).toBe('InvalidAttributeValue');
    expect(
      (
        await errorOf(
          sqs.send(new CreateQueueCommand({ QueueName: 'q-bad-attr', Attributes: { Colour: 'blue' } as never })),
        )
      ).name,
    ).toBe('InvalidAttributeName');
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'q-attrs' }));
    expect(
      (await errorOf(sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['Nope' as never] })))).name,
    ).toBe('InvalidAttributeName');
    const redrive = await errorOf(
      sqs.send(
        new SetQueueAttributesCommand({
          QueueUrl,
          Attributes: {
            RedrivePolicy: JSON.stringify({
              deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:missing',
              maxReceiveCount: 2,
            }),
          },
        }),
      ),
    );
    expect(redrive.name).toBe('InvalidParameterValue');
    expect(redrive.message).toContain('Dead letter target does not exist');
  });

  it('sets attributes and bumps LastModifiedTimestamp', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'q-set' }));
    await sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl,
        Attributes: { DelaySeconds: '5', MaximumMessageSize: '1024', ReceiveMessageWaitTimeSeconds: '3' },
      }),
    );
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl,
        AttributeNames: [
          'DelaySeconds',
          'MaximumMessageSize',
          'ReceiveMessageWaitTimeSeconds',
          'LastModifiedTimestamp',
        ],
      }),
    );
    expect(Attributes).toMatchObject({
      DelaySeconds: '5',
      MaximumMessageSize: '1024',
      ReceiveMessageWaitTimeSeconds: '3',
    });
    expect(Attributes?.LastModifiedTimestamp).toMatch(/^\d{10}$/);
  });

  it('gets a queue URL by name and says QueueDoesNotExist for unknown queues, whatever the host', async () => {
    await sqs.send(new CreateQueueCommand({ QueueName: 'q-lookup' }));
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'q-lookup' }));
    expect(QueueUrl).toBe(`${emu.url}/${emu.accountId}/q-lookup`);
    const missing = await errorOf(sqs.send(new GetQueueUrlCommand({ QueueName: 'nope' })));
    expect(missing.name).toBe('QueueDoesNotExist');
    expect(missing.$metadata?.httpStatusCode).toBe(400);
    // A URL from another host/port (an old emulator run) still names the queue.
    const moved = `http://localhost:1/${emu.accountId}/q-lookup`;
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: moved, AttributeNames: ['QueueArn'] }),
    );
    expect(Attributes?.QueueArn).toContain(':q-lookup');
    const gone = await errorOf(
      sqs.send(new GetQueueAttributesCommand({ QueueUrl: `${emu.url}/${emu.accountId}/nope` })),
    );
    expect(gone.name).toBe('QueueDoesNotExist');
    const malformed = await errorOf(
      sqs.send(new GetQueueAttributesCommand({ QueueUrl: `${emu.url}/${emu.accountId}/bad%zz` })),
    );
    expect(malformed.name).toBe('InvalidAddress');
    expect((await errorOf(sqs.send(new GetQueueAttributesCommand({ QueueUrl: 'not a url' })))).name).toBe(
      'InvalidAddress',
    );
  });

  it('lists queues by prefix and pages with MaxResults and NextToken', async () => {
    for (let i = 0; i < 25; i++)
      await sqs.send(new CreateQueueCommand({ QueueName: `page-${String(i).padStart(2, '0')}` }));
    const all = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'page-' }));
    expect(all.QueueUrls).toHaveLength(25);
    expect(all.NextToken).toBeUndefined();
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListQueues(
      { client: sqs, pageSize: 10 },
      { QueueNamePrefix: 'page-', MaxResults: 10 },
    )) {
      pages++;
      names.push(...(page.QueueUrls ?? []).map((u) => u.split('/').pop() ?? ''));
    }
    expect(pages).toBe(3);
    expect(names).toEqual(Array.from({ length: 25 }, (_, i) => `page-${String(i).padStart(2, '0')}`));
    const none = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'zzz' }));
    expect(none.QueueUrls ?? []).toEqual([]);
    expect((await errorOf(sqs.send(new ListQueuesCommand({ MaxResults: 1001 })))).name).toBe('InvalidParameterValue');
  });

  it('tags, untags and lists tags', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'q-tags', tags: { team: 'a' } }));
    await sqs.send(new TagQueueCommand({ QueueUrl, Tags: { env: 'dev', owner: 'me' } }));
    await sqs.send(new UntagQueueCommand({ QueueUrl, TagKeys: ['owner'] }));
    const { Tags } = await sqs.send(new ListQueueTagsCommand({ QueueUrl }));
    expect(Tags).toEqual({ team: 'a', env: 'dev' });
  });

  it('deletes a queue', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'q-delete' }));
    await sqs.send(new DeleteQueueCommand({ QueueUrl }));
    expect((await errorOf(sqs.send(new GetQueueUrlCommand({ QueueName: 'q-delete' })))).name).toBe('QueueDoesNotExist');
    expect((await errorOf(sqs.send(new DeleteQueueCommand({ QueueUrl })))).name).toBe('QueueDoesNotExist');
  });

  it('keeps queues per region', async () => {
    const west = new SQSClient({ ...emu.clientConfig, region: 'eu-west-1' });
    await west.send(new CreateQueueCommand({ QueueName: 'q-west-only' }));
    expect((await errorOf(sqs.send(new GetQueueUrlCommand({ QueueName: 'q-west-only' })))).name).toBe(
      'QueueDoesNotExist',
    );
    const { Attributes } = await west.send(
      new GetQueueAttributesCommand({
        QueueUrl: `${emu.url}/${emu.accountId}/q-west-only`,
        AttributeNames: ['QueueArn'],
      }),
    );
    expect(Attributes?.QueueArn).toBe(`arn:aws:sqs:eu-west-1:${emu.accountId}:q-west-only`);
    west.destroy();
  });

  it('answers malformed JSON, unknown operations and missing parameters with AWS errors, and keeps serving', async () => {
    const post = (target: string, body: string) =>
      signedRequest(emu, {
        service: 'sqs',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target, 'x-amzn-query-mode': 'true' },
        body,
      });
    const bad = await post('AmazonSQS.ListQueues', '{not json');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { __type: string }).__type).toContain('SerializationException');
    const unknown = await post('AmazonSQS.FlyAway', '{}');
    expect(unknown.status).toBe(400);
    const missing = await post('AmazonSQS.CreateQueue', '{}');
    expect(missing.headers.get('x-amzn-query-error')).toBe('MissingParameter;Sender');
    const wrongType = await post('AmazonSQS.CreateQueue', '{"QueueName": 5}');
    expect(wrongType.status).toBe(400);
    expect((await sqs.send(new ListQueuesCommand({}))).QueueUrls?.length).toBeGreaterThan(0);
  });
});

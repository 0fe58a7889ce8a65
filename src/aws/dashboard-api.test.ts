// Data paths of the dashboard against the real emulator in-process, with the real SDK clients.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { S3Client, CreateBucketCommand } from '@aws-sdk/client-s3';
import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { DynamoDBClient, CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { SQSClient, CreateQueueCommand, GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { startTestEmulator, type TestEmulator } from '../../emulator/testing';
import { parseConfig } from './config';
import { CredentialStore } from './credentials';
import { withClient } from './clients';
import { activateSession, AwsSession } from './session';
import { toAppError } from './errors';
import { listBuckets } from './s3/api';
import { countInstancesByState } from './ec2/api';
import { listTableNames } from './dynamodb/api';
import { listQueueOverview } from './sqs/api';

let emu: TestEmulator;
let source: ReturnType<typeof vi.fn<() => Promise<{ accessKeyId: string; secretAccessKey: string }>>>;

beforeAll(async () => {
  emu = await startTestEmulator();
  const config = parseConfig({
    regions: [emu.region],
    endpoint: emu.url,
    auth: { mode: 'static', ...emu.credentials },
  });
  source = vi.fn(async () => ({ ...emu.credentials }));
  activateSession(new AwsSession(config, new CredentialStore(source)));
});

afterAll(async () => {
  activateSession(undefined);
  await emu?.dispose();
});

describe('dashboard api against the emulator', () => {
  it('lists buckets', async () => {
    const s3 = new S3Client({ ...emu.clientConfig, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'dash-one' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'dash-two' }));
    const names = (await listBuckets({ region: emu.region })).items.map((b) => b.name);
    expect(names).toEqual(expect.arrayContaining(['dash-one', 'dash-two']));
  });

  it('counts instances by state', async () => {
    const ec2 = new EC2Client(emu.clientConfig);
    await ec2.send(
      new RunInstancesCommand({ ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 3, MaxCount: 3 }),
    );
    const counts = await countInstancesByState({ region: emu.region });
    expect(counts.total).toBe(3);
    expect(Object.values(counts.byState).reduce((a, b) => a + b, 0)).toBe(3);
    expect(counts.isPartial).toBe(false);
  });

  it('lists tables with a continuation token when more exist', async () => {
    const ddb = new DynamoDBClient(emu.clientConfig);
    for (const name of ['dash-a', 'dash-b', 'dash-c'])
      await ddb.send(
        new CreateTableCommand({
          TableName: name,
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    const first = await listTableNames({ region: emu.region, limit: 2 });
    expect(first.items).toEqual(['dash-a', 'dash-b']);
    expect(first.nextToken).toBe('dash-b');
    const rest = await listTableNames({ region: emu.region, token: first.nextToken, limit: 2 });
    expect(rest.items).toEqual(['dash-c']);
    expect(rest.nextToken).toBeUndefined();
  });

  it('flags a dead-letter queue that holds messages', async () => {
    const sqs = new SQSClient(emu.clientConfig);
    const dlq = await sqs.send(new CreateQueueCommand({ QueueName: 'dash-dlq' }));
    const dlqArn = (
      await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }))
    ).Attributes?.QueueArn;
    await sqs.send(
      new CreateQueueCommand({
        QueueName: 'dash-main',
        Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 }) },
      }),
    );
    await sqs.send(new SendMessageCommand({ QueueUrl: dlq.QueueUrl, MessageBody: 'poison' }));
    const { items: queues } = await listQueueOverview({ region: emu.region });
    const byName = Object.fromEntries(queues.map((q) => [q.name, q]));
    expect(byName['dash-dlq']).toMatchObject({ isDeadLetterQueue: true, messagesWaiting: 1 });
    expect(byName['dash-main']).toMatchObject({
      isDeadLetterQueue: false,
      messagesWaiting: 0,
      deadLetterTargetArn: dlqArn,
    });
  });

  it('renews credentials and retries once after ExpiredToken', async () => {
    await emu.admin('faults', {
      service: 'sqs',
      operation: 'ListQueues',
      error: { code: 'ExpiredToken', status: 403 },
    });
    const calls = source.mock.calls.length;
    const { items: queues } = await listQueueOverview({ region: emu.region });
    expect(queues.length).toBeGreaterThan(0);
    expect(source.mock.calls.length).toBe(calls + 1);
  });

  it('does not retry other errors, and names the denied action', async () => {
    await emu.admin('faults', {
      service: 'dynamodb',
      operation: 'ListTables',
      error: {
        code: 'AccessDeniedException',
        status: 400,
        message:
          'User: arn:aws:sts::123456789012:assumed-role/ConsoleReadOnly/x is not authorized to perform: dynamodb:ListTables on resource: arn:aws:dynamodb:us-east-1:123456789012:table/*',
      },
    });
    const e = toAppError(await listTableNames({ region: emu.region }).catch((x: unknown) => x));
    expect(e).toMatchObject({
      kind: 'forbidden',
      action: 'dynamodb:ListTables',
      resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/*',
    });
    // The fault was used up by that one call: nothing retried it.
    expect((await listTableNames({ region: emu.region })).items.length).toBeGreaterThan(0);
  });

  it('reuses one client per service and region', async () => {
    const a = await withClient('s3', emu.region, async (c) => c);
    const b = await withClient('s3', emu.region, async (c) => c);
    expect(a).toBe(b);
    // Browser-safe S3 settings: path-style against a custom endpoint, checksums only when required.
    expect(a.config.forcePathStyle).toBe(true);
    expect(await a.config.requestChecksumCalculation()).toBe('WHEN_REQUIRED');
    const ddb = await withClient('dynamodb', emu.region, async (c) => c);
    expect(await ddb.config.maxAttempts()).toBe(1);
  });
});

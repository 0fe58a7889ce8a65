import {
  DeleteFunctionConcurrencyCommand,
  InvokeCommand,
  PutFunctionConcurrencyCommand,
  PutFunctionEventInvokeConfigCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_ONLY_ROLE_NAME } from '../../seed/accounts.js';
import { errorOf, startEmulatorProcess, startTestEmulator, type TestEmulator } from '../../testing.js';
import { createFunction, decode, lambdaClient, roleArn } from './test-support.js';

let emu: TestEmulator;
let lambda: LambdaClient;
let sqs: SQSClient;
let s3: S3Client;

beforeAll(async () => {
  emu = await startTestEmulator();
  lambda = lambdaClient(emu);
  sqs = new SQSClient(emu.clientConfig);
  s3 = new S3Client({ ...emu.clientConfig, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'handler-data' }));
  await s3.send(
    new PutObjectCommand({ Bucket: 'handler-data', Key: 'in.txt', Body: 'hello', ContentType: 'text/plain' }),
  );
});
afterAll(() => emu.dispose());

const s3Handler = `import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const handler = async () => {
  const got = await s3.send(new GetObjectCommand({ Bucket: 'handler-data', Key: 'in.txt' }));
  const text = await got.Body.transformToString();
  let wrote;
  try {
    await s3.send(new PutObjectCommand({ Bucket: 'handler-data', Key: 'out.txt', Body: text.toUpperCase() }));
    wrote = 'ok';
  } catch (e) {
    wrote = e.name;
  }
  return { text, wrote, key: process.env.AWS_ACCESS_KEY_ID.slice(0, 4) };
};`;

describe("a handler's own SDK calls", () => {
  it('reach the emulator under the function role: allowed or denied by its policy', async () => {
    await createFunction(lambda, emu, 's3-admin', s3Handler);
    await createFunction(lambda, emu, 's3-viewer', s3Handler, { Role: roleArn(emu, READ_ONLY_ROLE_NAME) });
    expect(decode((await lambda.send(new InvokeCommand({ FunctionName: 's3-admin' }))).Payload)).toEqual({
      text: 'hello',
      wrote: 'ok',
      key: 'ASIA',
    });
    expect(decode((await lambda.send(new InvokeCommand({ FunctionName: 's3-viewer' }))).Payload)).toEqual({
      text: 'hello',
      wrote: 'AccessDenied',
      key: 'ASIA',
    });
    const out = await s3.send(new GetObjectCommand({ Bucket: 'handler-data', Key: 'out.txt' }));
    expect(await out.Body?.transformToString()).toBe('HELLO');
  });

  it('the viewer role may list and read functions but not invoke them', async () => {
    const viewer = lambdaClient(emu, emu.viewerCredentials);
    const { ListFunctionsCommand } = await import('@aws-sdk/client-lambda');
    expect((await viewer.send(new ListFunctionsCommand({}))).Functions?.length).toBeGreaterThan(0);
    const denied = await errorOf(viewer.send(new InvokeCommand({ FunctionName: 's3-admin' })));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toContain('lambda:InvokeFunction');
  });
});

describe('Event invocations', () => {
  it('answer 202, retry twice on error, then go to the on-failure queue', async () => {
    const queue = await sqs.send(new CreateQueueCommand({ QueueName: 'fn-failures' }));
    const dlq = await sqs.send(new CreateQueueCommand({ QueueName: 'fn-dlq' }));
    const arnOf = async (QueueUrl: string | undefined) =>
      (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes
        ?.QueueArn ?? '';
    await createFunction(
      lambda,
      emu,
      'always-fails',
      `export const handler = async (e) => { console.log('attempt for', e.n); throw new Error('nope ' + e.n); };`,
      {
        DeadLetterConfig: { TargetArn: await arnOf(dlq.QueueUrl) },
      },
    );
    const started = Date.now();
    const out = await lambda.send(
      new InvokeCommand({ FunctionName: 'always-fails', InvocationType: 'Event', Payload: Buffer.from('{"n":1}') }),
    );
    expect(out.StatusCode).toBe(202);
    // Without a destination, the dead-letter queue gets the original event.
    const dead = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: dlq.QueueUrl, WaitTimeSeconds: 10, MessageAttributeNames: ['All'] }),
    );
    expect(Date.now() - started).toBeGreaterThan(2500);
    expect(dead.Messages?.[0]?.Body).toBe('{"n":1}');
    expect(dead.Messages?.[0]?.MessageAttributes?.ErrorMessage?.StringValue).toBe('nope 1');

    await lambda.send(
      new PutFunctionEventInvokeConfigCommand({
        FunctionName: 'always-fails',
        MaximumRetryAttempts: 0,
        DestinationConfig: { OnFailure: { Destination: await arnOf(queue.QueueUrl) } },
      }),
    );
    await lambda.send(
      new InvokeCommand({ FunctionName: 'always-fails', InvocationType: 'Event', Payload: Buffer.from('{"n":2}') }),
    );
    const failed = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.QueueUrl, WaitTimeSeconds: 10 }));
    const record = JSON.parse(failed.Messages?.[0]?.Body ?? '{}') as {
      requestContext: { condition: string; approximateInvokeCount: number };
      requestPayload: unknown;
      responsePayload: { errorMessage: string };
    };
    expect(record.requestContext).toMatchObject({ condition: 'RetriesExhausted', approximateInvokeCount: 1 });
    expect(record.requestPayload).toEqual({ n: 2 });
    expect(record.responsePayload.errorMessage).toBe('nope 2');
  }, 20_000);
});

describe('durability', () => {
  it('queued Event invocations survive a kill -9 of the emulator and run after the restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lambda-durable-'));
    const keys = { accessKeyId: 'AKIALAMBDADURABLE', secretAccessKey: 'lambda-durable-secret' };
    try {
      const first = await startEmulatorProcess(dataDir, keys);
      const config = { endpoint: first.url, region: 'us-east-1', credentials: keys };
      const l1 = new (await import('@aws-sdk/client-lambda')).LambdaClient(config);
      const s3a = new S3Client({ ...config, forcePathStyle: true });
      await s3a.send(new CreateBucketCommand({ Bucket: 'marks' }));
      const fake = { ...emu, url: first.url, accountId: '123456789012' } as TestEmulator;
      await createFunction(
        l1,
        fake,
        'marker',
        `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const handler = async (e) => { await s3.send(new PutObjectCommand({ Bucket: 'marks', Key: 'ran-' + e.n, Body: 'x' })); };`,
      );
      // Reserved concurrency 0 holds the events in the queue.
      await l1.send(new PutFunctionConcurrencyCommand({ FunctionName: 'marker', ReservedConcurrentExecutions: 0 }));
      for (const n of [1, 2]) {
        expect(
          (
            await l1.send(
              new InvokeCommand({
                FunctionName: 'marker',
                InvocationType: 'Event',
                Payload: Buffer.from(JSON.stringify({ n })),
              }),
            )
          ).StatusCode,
        ).toBe(202);
      }
      await first.kill();
      const second = await startEmulatorProcess(dataDir, keys);
      const config2 = { ...config, endpoint: second.url };
      const l2 = new (await import('@aws-sdk/client-lambda')).LambdaClient(config2);
      const s3b = new S3Client({ ...config2, forcePathStyle: true });
      await l2.send(new DeleteFunctionConcurrencyCommand({ FunctionName: 'marker' }));
      for (const n of [1, 2]) {
        await expect
          .poll(
            async () =>
              (await s3b.send(new GetObjectCommand({ Bucket: 'marks', Key: `ran-${n}` })).catch(() => null)) !== null,
            { timeout: 10_000, interval: 200 },
          )
          .toBe(true);
      }
      await second.kill();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 40_000);

  it('function processes end when the emulator is killed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lambda-orphans-'));
    const keys = { accessKeyId: 'AKIALAMBDAORPHAN', secretAccessKey: 'lambda-orphan-secret' };
    try {
      const proc = await startEmulatorProcess(dataDir, keys);
      const { LambdaClient } = await import('@aws-sdk/client-lambda');
      const l = new LambdaClient({ endpoint: proc.url, region: 'us-east-1', credentials: keys });
      const fake = { ...emu, url: proc.url, accountId: '123456789012' } as TestEmulator;
      await createFunction(
        l,
        fake,
        'pid',
        `export const handler = async (e) => { if (e.wait) await new Promise((r) => setTimeout(r, 60_000)); return process.pid; };`,
        { Timeout: 120 },
      );
      const idle = decode((await l.send(new InvokeCommand({ FunctionName: 'pid' }))).Payload) as number;
      // A second instance, busy in a long call when the emulator dies.
      void l
        .send(new InvokeCommand({ FunctionName: 'pid', Payload: Buffer.from('{"wait":true}') }))
        .catch(() => undefined);
      await new Promise((r) => setTimeout(r, 500));
      await proc.kill();
      const alive = (pid: number) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      await expect.poll(() => alive(idle), { timeout: 5000, interval: 100 }).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});

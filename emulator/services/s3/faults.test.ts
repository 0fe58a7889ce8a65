import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { TestEmulator } from '../../testing.js';
import { errorOf, startS3Test } from './test-helpers.js';

let emu: TestEmulator;
let s3: S3Client;
const Bucket = 'faulty-bucket';
beforeAll(async () => {
  ({ emu, s3 } = await startS3Test());
  await s3.send(new CreateBucketCommand({ Bucket }));
});
afterAll(async () => emu.dispose());

describe('fault injection reaches S3 operations by their SDK names', () => {
  test('one SlowDown on PutObject is retried by the SDK', async () => {
    await emu.admin('faults', { service: 's3', operation: 'PutObject', count: 1, error: { code: 'SlowDown' } });
    const put = await s3.send(new PutObjectCommand({ Bucket, Key: 'retried', Body: 'x' }));
    expect(put.$metadata.attempts).toBe(2);
  });

  test('a non-retryable error reaches the caller in S3 shape', async () => {
    await emu.admin('faults', {
      service: 's3',
      operation: 'GetObject',
      count: 1,
      error: { code: 'AccessDenied', status: 403 },
    });
    const e = await errorOf(s3.send(new GetObjectCommand({ Bucket, Key: 'retried' })));
    expect(e.name).toBe('AccessDenied');
    const ok = await s3.send(new GetObjectCommand({ Bucket, Key: 'retried' }));
    expect(await ok.Body?.transformToString()).toBe('x');
  });
});

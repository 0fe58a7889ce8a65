import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { TestEmulator } from '../../testing.js';
import { errorOf, startS3Test } from './test-helpers.js';

let emu: TestEmulator;
let s3: S3Client;
const Bucket = 'guarded-bucket';

/** Rewrite the admin role the static keys map to (the security layer re-reads role files on change). */
function setAdminPolicy(statements: unknown[]): void {
  const file = join(emu.dataDir, 'auth', 'roles', 'EmulatorAdmin.json');
  writeFileSync(
    file,
    JSON.stringify({ RoleName: 'EmulatorAdmin', PolicyDocument: { Version: '2012-10-17', Statement: statements } }),
  );
}

beforeAll(async () => {
  ({ emu, s3 } = await startS3Test());
  await s3.send(new CreateBucketCommand({ Bucket }));
  await Promise.all(
    ['open/a', 'locked/b', 'secret/c'].map((Key) => s3.send(new PutObjectCommand({ Bucket, Key, Body: Key }))),
  );
  setAdminPolicy([
    { Effect: 'Allow', Action: 's3:*', Resource: '*' },
    { Effect: 'Deny', Action: 's3:DeleteObject', Resource: `arn:aws:s3:::${Bucket}/locked/*` },
    { Effect: 'Deny', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::${Bucket}/secret/*` },
    {
      Effect: 'Deny',
      Action: 's3:ListBucket',
      Resource: `arn:aws:s3:::${Bucket}`,
      Condition: { StringLike: { 's3:prefix': 'secret/*' } },
    },
  ]);
});
afterAll(async () => emu.dispose());

describe('authorization per operation', () => {
  test('DeleteObjects checks s3:DeleteObject per key and reports AccessDenied entries', async () => {
    const out = await s3.send(
      new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: 'open/a' }, { Key: 'locked/b' }] } }),
    );
    expect(out.Deleted?.map((d) => d.Key)).toEqual(['open/a']);
    expect(out.Errors).toEqual([{ Key: 'locked/b', Code: 'AccessDenied', Message: 'Access Denied' }]);
    const left = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'locked/' }));
    expect(left.KeyCount).toBe(1);
  });

  test('GetObject, PutObject and multipart on a denied key are AccessDenied (403)', async () => {
    const get = await errorOf(s3.send(new GetObjectCommand({ Bucket, Key: 'secret/c' })));
    expect(get.name).toBe('AccessDenied');
    expect(get.$metadata?.httpStatusCode).toBe(403);
    expect((await errorOf(s3.send(new PutObjectCommand({ Bucket, Key: 'secret/new', Body: 'x' })))).name).toBe(
      'AccessDenied',
    );
    expect((await errorOf(s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'secret/mp' })))).name).toBe(
      'AccessDenied',
    );
  });

  test('ListBucket passes s3:prefix to the policy', async () => {
    expect((await errorOf(s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'secret/' })))).name).toBe('AccessDenied');
    const open = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'open/' }));
    expect(open.$metadata.httpStatusCode).toBe(200);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteBucketCorsCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketCorsCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  ListBucketsCommand,
  ListMultipartUploadsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import type { TestEmulator } from '../../testing.js';
import { errorOf, startS3Test } from './test-helpers.js';

let emu: TestEmulator;
let s3: S3Client;
const Bucket = 'denied-bucket';
const Key = 'dir/file.txt';
const object = `arn:aws:s3:::${Bucket}/${Key}`;
const bucket = `arn:aws:s3:::${Bucket}`;

beforeAll(async () => {
  ({ emu, s3 } = await startS3Test());
  // The static keys' role may do nothing in S3: every call is refused by the table's own check.
  writeFileSync(
    join(emu.dataDir, 'auth', 'roles', 'EmulatorAdmin.json'),
    JSON.stringify({
      RoleName: 'EmulatorAdmin',
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] },
    }),
  );
});
afterAll(async () => emu.dispose());

const cors = { CORSRules: [{ AllowedMethods: ['GET'], AllowedOrigins: ['*'] }] };
const upload = { Bucket, Key, UploadId: 'u1' };

/** Each operation, the IAM action AWS checks for it and the ARN the denial names. */
const CASES: Array<[operation: string, send: () => Promise<unknown>, action: string, resource: string]> = [
  ['ListBuckets', () => s3.send(new ListBucketsCommand({})), 's3:ListAllMyBuckets', '*'],
  ['CreateBucket', () => s3.send(new CreateBucketCommand({ Bucket })), 's3:CreateBucket', bucket],
  ['DeleteBucket', () => s3.send(new DeleteBucketCommand({ Bucket })), 's3:DeleteBucket', bucket],
  ['GetBucketLocation', () => s3.send(new GetBucketLocationCommand({ Bucket })), 's3:GetBucketLocation', bucket],
  ['GetBucketCors', () => s3.send(new GetBucketCorsCommand({ Bucket })), 's3:GetBucketCORS', bucket],
  [
    'PutBucketCors',
    () => s3.send(new PutBucketCorsCommand({ Bucket, CORSConfiguration: cors })),
    's3:PutBucketCORS',
    bucket,
  ],
  ['DeleteBucketCors', () => s3.send(new DeleteBucketCorsCommand({ Bucket })), 's3:PutBucketCORS', bucket],
  ['ListObjectsV2', () => s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'dir/' })), 's3:ListBucket', bucket],
  ['ListObjects', () => s3.send(new ListObjectsCommand({ Bucket })), 's3:ListBucket', bucket],
  ['GetObject', () => s3.send(new GetObjectCommand({ Bucket, Key })), 's3:GetObject', object],
  ['PutObject', () => s3.send(new PutObjectCommand({ Bucket, Key, Body: 'x' })), 's3:PutObject', object],
  [
    'CopyObject',
    () => s3.send(new CopyObjectCommand({ Bucket, Key, CopySource: `${Bucket}/source.txt` })),
    's3:GetObject',
    `${bucket}/source.txt`,
  ],
  ['DeleteObject', () => s3.send(new DeleteObjectCommand({ Bucket, Key })), 's3:DeleteObject', object],
  ['CreateMultipartUpload', () => s3.send(new CreateMultipartUploadCommand({ Bucket, Key })), 's3:PutObject', object],
  ['UploadPart', () => s3.send(new UploadPartCommand({ ...upload, PartNumber: 1, Body: 'x' })), 's3:PutObject', object],
  [
    'UploadPartCopy',
    () => s3.send(new UploadPartCopyCommand({ ...upload, PartNumber: 1, CopySource: `${Bucket}/source.txt` })),
    's3:GetObject',
    `${bucket}/source.txt`,
  ],
  [
    'CompleteMultipartUpload',
    () =>
      s3.send(
        new CompleteMultipartUploadCommand({ ...upload, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: 'e' }] } }),
      ),
    's3:PutObject',
    object,
  ],
  ['AbortMultipartUpload', () => s3.send(new AbortMultipartUploadCommand(upload)), 's3:AbortMultipartUpload', object],
  ['ListParts', () => s3.send(new ListPartsCommand(upload)), 's3:ListMultipartUploadParts', object],
  [
    'ListMultipartUploads',
    () => s3.send(new ListMultipartUploadsCommand({ Bucket })),
    's3:ListBucketMultipartUploads',
    bucket,
  ],
];

describe('S3 operations on the operation table', () => {
  test.each(CASES)('%s is refused naming its action and resource', async (_name, send, action, resource) => {
    const error = await errorOf(send());
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata?.httpStatusCode).toBe(403);
    expect(error.message).toContain(`is not authorized to perform: ${action} on resource: ${resource}`);
  });

  test('CopyObject allowed to read the source is refused the write, naming the target', async () => {
    writeFileSync(
      join(emu.dataDir, 'auth', 'roles', 'EmulatorAdmin.json'),
      JSON.stringify({
        RoleName: 'EmulatorAdmin',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
        },
      }),
    );
    const error = await errorOf(s3.send(new CopyObjectCommand({ Bucket, Key, CopySource: `${Bucket}/source.txt` })));
    expect(error.message).toContain(`is not authorized to perform: s3:PutObject on resource: ${object}`);
  });

  test('DeleteObjects has no request-level check: each key is reported denied in the answer', async () => {
    const out = await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key }] } })).catch((e) => e);
    // The bucket does not exist, and that is what the caller learns, not a denial of the whole request.
    expect((out as Error).name).toBe('NoSuchBucket');
  });
});

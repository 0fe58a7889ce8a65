import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { TestEmulator } from '../../testing.js';
import { startS3Test } from './test-helpers.js';

let emu: TestEmulator;
let s3: S3Client;
const Bucket = 'presigned-bucket';
beforeAll(async () => {
  ({ emu, s3 } = await startS3Test());
  await s3.send(new CreateBucketCommand({ Bucket }));
});
afterAll(async () => emu.dispose());

describe('presigned URLs with plain fetch', () => {
  test('GET downloads the object, with response overrides', async () => {
    await s3.send(
      new PutObjectCommand({ Bucket, Key: 'report ü.txt', Body: 'presigned body', ContentType: 'text/plain' }),
    );
    const url = await getSignedUrl(
      s3,
      new GetObjectCommand({ Bucket, Key: 'report ü.txt', ResponseContentDisposition: 'attachment; filename="r.txt"' }),
      { expiresIn: 60 },
    );
    expect(new URL(url).searchParams.get('x-amz-checksum-mode')).toBe('ENABLED');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('presigned body');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="r.txt"');
    expect(res.headers.get('content-type')).toBe('text/plain');
  });

  test('PUT uploads a real body despite the empty-body checksum the SDK puts in the URL', async () => {
    const url = await getSignedUrl(
      s3,
      new PutObjectCommand({ Bucket, Key: 'uploaded.bin', ContentType: 'application/octet-stream' }),
      { expiresIn: 60 },
    );
    expect(new URL(url).searchParams.has('x-amz-checksum-crc32')).toBe(true);
    const body = Buffer.from('bytes from a browser');
    const res = await fetch(url, { method: 'PUT', body, headers: { 'content-type': 'application/octet-stream' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'uploaded.bin' }));
    expect(await got.Body?.transformToString()).toBe('bytes from a browser');
  });

  test('an expired URL is AccessDenied "Request has expired"', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'old.txt', Body: 'x' }));
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket, Key: 'old.txt' }), {
      expiresIn: 1,
      signingDate: new Date(Date.now() - 10_000),
    });
    const res = await fetch(url);
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(text).toContain('<Code>AccessDenied</Code>');
    expect(text).toContain('Request has expired');
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { TestEmulator } from '../../testing.js';
import { signedFetch, startS3Test } from './test-helpers.js';

const Bucket = 'edges';

describe('S3 at the edges', () => {
  let emu: TestEmulator;
  let s3: S3Client;
  beforeAll(async () => {
    ({ emu, s3 } = await startS3Test());
    await s3.send(new CreateBucketCommand({ Bucket }));
    await s3.send(new PutObjectCommand({ Bucket, Key: 'digits', Body: '0123456789' }));
  });
  afterAll(() => emu.dispose());

  const put = (key: string, headers: Record<string, string>) =>
    signedFetch(emu, 'PUT', `/${Bucket}/${key}`, { body: 'unverified', headers });

  test('refuses an x-amz-content-sha256 that is neither a documented value nor 64 hex digits, storing nothing', async () => {
    for (const payloadHash of ['garbage', '', 'abc123']) {
      const res = await signedFetch(emu, 'PUT', `/${Bucket}/sha-${payloadHash || 'empty'}`, {
        body: 'unverified',
        payloadHash,
      });
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text).toContain('<Code>InvalidArgument</Code>');
      expect(text).toContain('<ArgumentName>x-amz-content-sha256</ArgumentName>');
      expect((await signedFetch(emu, 'HEAD', `/${Bucket}/sha-${payloadHash || 'empty'}`)).status).toBe(404);
    }
    expect((await put('sha-ok', {})).status).toBe(200);
  });

  test('ignores a Range whose last byte comes before its first, as S3 does: the whole object, 200', async () => {
    for (const Range of ['bytes=10-5', 'bytes=5-2']) {
      const res = await s3.send(new GetObjectCommand({ Bucket, Key: 'digits', Range }));
      expect(res.ContentRange).toBeUndefined();
      expect(res.$metadata.httpStatusCode).toBe(200);
      expect(await res.Body?.transformToString()).toBe('0123456789');
    }
  });

  test('serves HTML, SVG and XML objects sandboxed and never sniffed; images and text as they are', async () => {
    const types: Array<[string, boolean]> = [
      ['text/html', true],
      ['TEXT/HTML; charset=utf-8', true],
      ['image/svg+xml', true],
      ['application/xml', true],
      ['application/xhtml+xml', true],
      ['application/x-made-up', true],
      ['image/png', false],
      ['text/plain; charset=utf-8', false],
      ['application/json', false],
    ];
    for (const [ContentType, sandboxed] of types) {
      const Key = `page-${ContentType.replace(/\W/g, '')}`;
      await s3.send(new PutObjectCommand({ Bucket, Key, Body: '<script>alert(1)</script>', ContentType }));
      const res = await fetch(await getSignedUrl(s3, new GetObjectCommand({ Bucket, Key })));
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), ContentType).toBe(sandboxed ? 'sandbox' : null);
    }
    // A link that asks for another type gets the rules of the type it is served as.
    const asHtml = await getSignedUrl(
      s3,
      new GetObjectCommand({ Bucket, Key: 'page-imagepng', ResponseContentType: 'text/html' }),
    );
    expect((await fetch(asHtml)).headers.get('content-security-policy')).toBe('sandbox');
  });
});

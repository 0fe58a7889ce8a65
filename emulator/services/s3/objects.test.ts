import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { TestEmulator } from '../../testing.js';
import { errorOf, signedFetch, startS3Test } from './test-helpers.js';

let emu: TestEmulator;
let s3: S3Client;
const Bucket = 'objects-bucket';
beforeAll(async () => {
  ({ emu, s3 } = await startS3Test());
  await s3.send(new CreateBucketCommand({ Bucket }));
});
afterAll(async () => emu.dispose());

const crcOf = (data: Buffer): string => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(crc32(data) >>> 0);
  return b.toString('base64');
};

describe('PutObject / GetObject / HeadObject', () => {
  test('content headers and metadata round-trip; ETag is the MD5', async () => {
    const body = Buffer.from('hello, world\n');
    const put = await s3.send(
      new PutObjectCommand({
        Bucket,
        Key: 'docs/hello.txt',
        Body: body,
        ContentType: 'text/plain; charset=utf-8',
        ContentDisposition: 'attachment; filename="hello.txt"',
        CacheControl: 'max-age=60',
        Metadata: { owner: 'alice', 'project-id': '42' },
      }),
    );
    const md5 = createHash('md5').update(body).digest('hex');
    expect(put.ETag).toBe(`"${md5}"`);
    expect(put.ChecksumCRC32).toBe(crcOf(body));
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'docs/hello.txt' }));
    expect(await got.Body?.transformToString()).toBe('hello, world\n');
    expect(got.ContentType).toBe('text/plain; charset=utf-8');
    expect(got.ContentDisposition).toBe('attachment; filename="hello.txt"');
    expect(got.CacheControl).toBe('max-age=60');
    expect(got.Metadata).toEqual({ owner: 'alice', 'project-id': '42' });
    expect(got.ContentLength).toBe(body.length);
    expect(got.ETag).toBe(`"${md5}"`);
    expect(got.LastModified).toBeInstanceOf(Date);
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'docs/hello.txt', ChecksumMode: 'ENABLED' }));
    expect(head.ContentLength).toBe(body.length);
    expect(head.ChecksumCRC32).toBe(crcOf(body));
    expect(head.Metadata?.owner).toBe('alice');
  });

  test('a stream body goes aws-chunked with a trailing checksum and is stored without framing', async () => {
    const data = Buffer.alloc(300_000, 'abcdefghij');
    const put = await s3.send(
      new PutObjectCommand({
        Bucket,
        Key: 'stream.bin',
        Body: Readable.from([data.subarray(0, 100_000), data.subarray(100_000)]),
        ContentLength: data.length,
      }),
    );
    expect(put.ChecksumCRC32).toBe(crcOf(data));
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'stream.bin' }));
    const back = Buffer.from(await got.Body!.transformToByteArray());
    expect(back.equals(data)).toBe(true);
    expect(got.ContentEncoding).toBeUndefined();
  });

  test.each([
    'with space.txt',
    'ünïcødé/日本語/файл.txt',
    'plus+sign.txt',
    'percent%20literal.txt',
    'double//slash',
    'folder/',
    'a/../b',
    '~tilde*star(1)!.txt',
  ])('the key %s round-trips exactly', async (Key) => {
    await s3.send(new PutObjectCommand({ Bucket, Key, Body: `body of ${Key}` }));
    const got = await s3.send(new GetObjectCommand({ Bucket, Key }));
    expect(await got.Body?.transformToString()).toBe(`body of ${Key}`);
    const list = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: Key }));
    expect(list.Contents?.[0]?.Key).toBe(Key);
  });

  test('missing keys: NoSuchKey on GET, NotFound on HEAD', async () => {
    expect((await errorOf(s3.send(new GetObjectCommand({ Bucket, Key: 'nope' })))).name).toBe('NoSuchKey');
    const head = await errorOf(s3.send(new HeadObjectCommand({ Bucket, Key: 'nope' })));
    expect(head.name).toBe('NotFound');
    expect(head.$metadata?.httpStatusCode).toBe(404);
  });

  test('Range reads answer 206 with Content-Range; unsatisfiable ranges are InvalidRange', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'digits', Body: '0123456789' }));
    const mid = await s3.send(new GetObjectCommand({ Bucket, Key: 'digits', Range: 'bytes=2-5' }));
    expect(await mid.Body?.transformToString()).toBe('2345');
    expect(mid.ContentRange).toBe('bytes 2-5/10');
    expect(mid.$metadata.httpStatusCode).toBe(206);
    const tail = await s3.send(new GetObjectCommand({ Bucket, Key: 'digits', Range: 'bytes=-3' }));
    expect(await tail.Body?.transformToString()).toBe('789');
    const open = await s3.send(new GetObjectCommand({ Bucket, Key: 'digits', Range: 'bytes=7-' }));
    expect(await open.Body?.transformToString()).toBe('789');
    const e = await errorOf(s3.send(new GetObjectCommand({ Bucket, Key: 'digits', Range: 'bytes=10-20' })));
    expect(e.name).toBe('InvalidRange');
    expect(e.$metadata?.httpStatusCode).toBe(416);
  });

  test('conditional GETs: If-None-Match 304, If-Match 412, If-Modified-Since 304', async () => {
    const put = await s3.send(new PutObjectCommand({ Bucket, Key: 'cond', Body: 'c' }));
    const notModified = await errorOf(s3.send(new GetObjectCommand({ Bucket, Key: 'cond', IfNoneMatch: put.ETag })));
    expect(notModified.$metadata?.httpStatusCode).toBe(304);
    const failed = await errorOf(s3.send(new GetObjectCommand({ Bucket, Key: 'cond', IfMatch: '"0000"' })));
    expect(failed.name).toBe('PreconditionFailed');
    expect(failed.$metadata?.httpStatusCode).toBe(412);
    const ok = await s3.send(new GetObjectCommand({ Bucket, Key: 'cond', IfMatch: put.ETag }));
    expect(await ok.Body?.transformToString()).toBe('c');
    const since = await errorOf(
      s3.send(new GetObjectCommand({ Bucket, Key: 'cond', IfModifiedSince: new Date(Date.now() + 60_000) })),
    );
    expect(since.$metadata?.httpStatusCode).toBe(304);
    const modified = await s3.send(
      new GetObjectCommand({ Bucket, Key: 'cond', IfModifiedSince: new Date(Date.now() - 3_600_000) }),
    );
    expect(modified.$metadata.httpStatusCode).toBe(200);
  });

  test('CopyObject copies bytes and metadata (COPY) or replaces metadata (REPLACE)', async () => {
    await s3.send(
      new PutObjectCommand({
        Bucket,
        Key: 'src/ö file.txt',
        Body: 'copy me',
        ContentType: 'text/plain',
        Metadata: { a: '1' },
      }),
    );
    const copied = await s3.send(
      new CopyObjectCommand({
        Bucket,
        Key: 'dst/copy.txt',
        CopySource: `${Bucket}/${encodeURIComponent('src/ö file.txt')}`,
      }),
    );
    expect(copied.CopyObjectResult?.ETag).toBe(`"${createHash('md5').update('copy me').digest('hex')}"`);
    const a = await s3.send(new GetObjectCommand({ Bucket, Key: 'dst/copy.txt' }));
    expect(await a.Body?.transformToString()).toBe('copy me');
    expect(a.Metadata).toEqual({ a: '1' });
    expect(a.ContentType).toBe('text/plain');
    await s3.send(
      new CopyObjectCommand({
        Bucket,
        Key: 'dst/replaced.txt',
        CopySource: `${Bucket}/${encodeURIComponent('src/ö file.txt')}`,
        MetadataDirective: 'REPLACE',
        Metadata: { b: '2' },
        ContentType: 'text/markdown',
      }),
    );
    const b = await s3.send(new HeadObjectCommand({ Bucket, Key: 'dst/replaced.txt' }));
    expect(b.Metadata).toEqual({ b: '2' });
    expect(b.ContentType).toBe('text/markdown');
    expect(
      (await errorOf(s3.send(new CopyObjectCommand({ Bucket, Key: 'x', CopySource: `${Bucket}/missing` })))).name,
    ).toBe('NoSuchKey');
    expect(
      (
        await errorOf(
          s3.send(new CopyObjectCommand({ Bucket, Key: 'dst/copy.txt', CopySource: `${Bucket}/dst/copy.txt` })),
        )
      ).name,
    ).toBe('InvalidRequest');
  });

  test('DeleteObject answers 204 and is idempotent', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'gone', Body: 'x' }));
    const first = await s3.send(new DeleteObjectCommand({ Bucket, Key: 'gone' }));
    expect(first.$metadata.httpStatusCode).toBe(204);
    const again = await s3.send(new DeleteObjectCommand({ Bucket, Key: 'gone' }));
    expect(again.$metadata.httpStatusCode).toBe(204);
    expect((await errorOf(s3.send(new GetObjectCommand({ Bucket, Key: 'gone' })))).name).toBe('NoSuchKey');
  });

  test('GET responses carry S3 headers', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'hdr', Body: 'h' }));
    const res = await signedFetch(emu, 'GET', `/${Bucket}/hdr`);
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(res.headers.get('last-modified')).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(res.headers.get('content-length')).toBe('1');
    expect(res.headers.get('x-amz-request-id')).toBeTruthy();
    expect(res.headers.get('x-amz-id-2')).toBeTruthy();
  });
});

describe('digests', () => {
  test('a wrong x-amz-checksum-crc32 is BadDigest and stores nothing', async () => {
    const e = await errorOf(
      s3.send(
        new PutObjectCommand({ Bucket, Key: 'bad-crc', Body: 'payload', ChecksumCRC32: crcOf(Buffer.from('other')) }),
      ),
    );
    expect(e.name).toBe('BadDigest');
    expect((await errorOf(s3.send(new HeadObjectCommand({ Bucket, Key: 'bad-crc' })))).name).toBe('NotFound');
  });

  test('a malformed checksum value is InvalidRequest', async () => {
    const res = await signedFetch(emu, 'PUT', `/${Bucket}/bad-crc-format`, {
      body: 'x',
      headers: { 'x-amz-checksum-crc32': 'not-base64!' },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>InvalidRequest</Code>');
  });

  test('the other algorithms are checked too (CRC32C, SHA1, SHA256)', async () => {
    const body = Buffer.from('checksums');
    await s3.send(new PutObjectCommand({ Bucket, Key: 'c32c', Body: body, ChecksumAlgorithm: 'CRC32C' }));
    await s3.send(new PutObjectCommand({ Bucket, Key: 'sha1', Body: body, ChecksumAlgorithm: 'SHA1' }));
    const sha256 = await s3.send(
      new PutObjectCommand({ Bucket, Key: 'sha256', Body: body, ChecksumAlgorithm: 'SHA256' }),
    );
    expect(sha256.ChecksumSHA256).toBe(createHash('sha256').update(body).digest('base64'));
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'sha1', ChecksumMode: 'ENABLED' }));
    expect(got.ChecksumSHA1).toBe(createHash('sha1').update(body).digest('base64'));
    const wrong = await errorOf(
      s3.send(
        new PutObjectCommand({
          Bucket,
          Key: 'sha1-bad',
          Body: body,
          ChecksumSHA1: createHash('sha1').update('x').digest('base64'),
        }),
      ),
    );
    expect(wrong.name).toBe('BadDigest');
  });

  test('Content-MD5: wrong -> BadDigest, not an MD5 -> InvalidDigest', async () => {
    const wrong = await signedFetch(emu, 'PUT', `/${Bucket}/md5`, {
      body: 'abc',
      headers: { 'content-md5': createHash('md5').update('abd').digest('base64') },
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('<Code>BadDigest</Code>');
    const invalid = await signedFetch(emu, 'PUT', `/${Bucket}/md5`, {
      body: 'abc',
      headers: { 'content-md5': 'AAAA' },
    });
    expect(await invalid.text()).toContain('<Code>InvalidDigest</Code>');
    const right = await signedFetch(emu, 'PUT', `/${Bucket}/md5`, {
      body: 'abc',
      headers: { 'content-md5': createHash('md5').update('abc').digest('base64') },
    });
    expect(right.status).toBe(200);
  });

  test('a literal x-amz-content-sha256 that does not match the body is XAmzContentSHA256Mismatch', async () => {
    const claimed = createHash('sha256').update('something else').digest('hex');
    const res = await signedFetch(emu, 'PUT', `/${Bucket}/sha-mismatch`, { body: 'the body', payloadHash: claimed });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>XAmzContentSHA256Mismatch</Code>');
    const good = await signedFetch(emu, 'PUT', `/${Bucket}/sha-match`, {
      body: 'the body',
      payloadHash: createHash('sha256').update('the body').digest('hex'),
    });
    expect(good.status).toBe(200);
  });
});

describe('bad input never crashes', () => {
  test('response overrides that cannot be headers are InvalidArgument; the server keeps answering', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'ovr', Body: 'o' }));
    const res = await signedFetch(
      emu,
      'GET',
      `/${Bucket}/ovr?response-content-type=${encodeURIComponent('text/plain\nX-Evil: 1')}`,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>InvalidArgument</Code>');
    const bad = await signedFetch(emu, 'GET', `/${Bucket}/%E0%A4%A`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('<Code>InvalidURI</Code>');
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'ovr' }));
    expect(await got.Body?.transformToString()).toBe('o');
  });
});

describe('server-side encryption', () => {
  test('every object reports SSE-S3 as on AWS; a KMS request is kept and echoed', async () => {
    const put = await s3.send(new PutObjectCommand({ Bucket, Key: 'sse/default.txt', Body: 'x' }));
    expect(put.ServerSideEncryption).toBe('AES256');
    expect((await s3.send(new HeadObjectCommand({ Bucket, Key: 'sse/default.txt' }))).ServerSideEncryption).toBe(
      'AES256',
    );

    const keyId = 'arn:aws:kms:us-east-1:000000000000:key/11111111-2222-3333-4444-555555555555';
    await s3.send(
      new PutObjectCommand({
        Bucket,
        Key: 'sse/kms.txt',
        Body: 'x',
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: keyId,
      }),
    );
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'sse/kms.txt' }));
    expect([head.ServerSideEncryption, head.SSEKMSKeyId]).toEqual(['aws:kms', keyId]);
    const copy = await s3.send(
      new CopyObjectCommand({ Bucket, Key: 'sse/copy.txt', CopySource: `${Bucket}/sse/kms.txt` }),
    );
    expect(copy.ServerSideEncryption).toBe('aws:kms');
  });

  test('an unknown method is refused with the value named, and nothing is written', async () => {
    const res = await signedFetch(emu, 'PUT', `/${Bucket}/sse/bad.txt`, {
      body: 'x',
      headers: { 'x-amz-server-side-encryption': 'AES512' },
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('<Code>InvalidArgument</Code>');
    expect(text).toContain('The encryption method specified is not supported');
    expect(text).toContain('<ArgumentValue>AES512</ArgumentValue>');
    expect((await errorOf(s3.send(new HeadObjectCommand({ Bucket, Key: 'sse/bad.txt' })))).name).toBe('NotFound');
  });
});

import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { TestEmulator } from '../../testing.js';
import { errorOf, signedFetch, startS3Test } from './test-helpers.js';

let emu: TestEmulator;
let s3: S3Client;
const Bucket = 'chunked-bucket';
beforeAll(async () => {
  ({ emu, s3 } = await startS3Test());
  await s3.send(new CreateBucketCommand({ Bucket }));
});
afterAll(async () => emu.dispose());

const crcB64 = (data: Buffer) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(crc32(data) >>> 0);
  return b.toString('base64');
};

/** aws-chunked framing of `parts` with optional trailers (signed chunks: signed-chunks.test.ts). */
function frame(parts: Buffer[], opts: { trailers?: Record<string, string> } = {}): Buffer {
  const out: Buffer[] = [];
  for (const p of parts) out.push(Buffer.from(`${p.length.toString(16)}\r\n`), p, Buffer.from('\r\n'));
  out.push(Buffer.from('0\r\n'));
  for (const [k, v] of Object.entries(opts.trailers ?? {})) out.push(Buffer.from(`${k}:${v}\r\n`));
  out.push(Buffer.from('\r\n'));
  return Buffer.concat(out);
}

describe('aws-chunked bodies sent by hand', () => {
  const data = Buffer.from('first chunk|second chunk, a bit longer|third');
  const parts = [data.subarray(0, 12), data.subarray(12, 40), data.subarray(40)];

  test('STREAMING-UNSIGNED-PAYLOAD-TRAILER with a trailing CRC32', async () => {
    const res = await signedFetch(emu, 'PUT', `/${Bucket}/unsigned-trailer`, {
      body: frame(parts, { trailers: { 'x-amz-checksum-crc32': crcB64(data) } }),
      payloadHash: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      headers: {
        'content-encoding': 'aws-chunked',
        'x-amz-decoded-content-length': String(data.length),
        'x-amz-trailer': 'x-amz-checksum-crc32',
        'content-type': 'text/plain',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-amz-checksum-crc32')).toBe(crcB64(data));
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'unsigned-trailer', ChecksumMode: 'ENABLED' }));
    expect(await got.Body?.transformToString()).toBe(data.toString());
    expect(got.ChecksumCRC32).toBe(crcB64(data));
    expect(got.ContentEncoding).toBeUndefined();
  });

  test('a wrong trailing checksum is BadDigest and nothing is stored', async () => {
    const res = await signedFetch(emu, 'PUT', `/${Bucket}/bad-trailer`, {
      body: frame(parts, { trailers: { 'x-amz-checksum-crc32': crcB64(Buffer.from('other')) } }),
      payloadHash: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      headers: {
        'content-encoding': 'aws-chunked',
        'x-amz-decoded-content-length': String(data.length),
        'x-amz-trailer': 'x-amz-checksum-crc32',
      },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>BadDigest</Code>');
    expect((await errorOf(s3.send(new HeadObjectCommand({ Bucket, Key: 'bad-trailer' })))).name).toBe('NotFound');
  });

  test('a decoded length that does not match is IncompleteBody; broken framing too', async () => {
    const short = await signedFetch(emu, 'PUT', `/${Bucket}/short`, {
      body: frame(parts),
      payloadHash: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      headers: { 'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': String(data.length + 5) },
    });
    expect(await short.text()).toContain('<Code>IncompleteBody</Code>');
    const broken = await signedFetch(emu, 'PUT', `/${Bucket}/broken`, {
      body: Buffer.from('zz\r\nnot hex\r\n'),
      payloadHash: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      headers: { 'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': '7' },
    });
    expect(broken.status).toBe(400);
    expect((await errorOf(s3.send(new HeadObjectCommand({ Bucket, Key: 'broken' })))).name).toBe('NotFound');
  });
});

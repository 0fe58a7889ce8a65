import { createHash, createHmac } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { TestEmulator } from '../../testing.js';
import { errorOf, startS3Test } from './test-helpers.js';

let emu: TestEmulator;
let s3: S3Client;
const Bucket = 'signed-chunks';
beforeAll(async () => {
  ({ emu, s3 } = await startS3Test());
  await s3.send(new CreateBucketCommand({ Bucket }));
});
afterAll(async () => emu.dispose());

const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text).digest();
const crcB64 = (data: Buffer) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(crc32(data) >>> 0);
  return b.toString('base64');
};

interface Tamper {
  /** Replace chunk i's data after signing (same length). */
  chunk?: [index: number, data: Buffer];
  finalSignature?: string;
  trailerSignature?: string;
}

/**
 * PUT `parts` as STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]: the seed signature from @smithy/signature-v4,
 * the chained chunk and trailer signatures by hand with node:crypto, as AWS documents them.
 */
async function streamingPut(
  path: string,
  parts: Buffer[],
  opts: { trailer?: Buffer; tamper?: Tamper } = {},
): Promise<Response> {
  const url = new URL(path, emu.url);
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const decoded = Buffer.concat(parts);
  const signer = new SignatureV4({
    service: 's3',
    region: emu.region,
    credentials: emu.credentials,
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: 'PUT',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query,
      headers: {
        host: url.host,
        'x-amz-content-sha256': opts.trailer
          ? 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER'
          : 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
        'content-encoding': 'aws-chunked',
        'x-amz-decoded-content-length': String(decoded.length),
        ...(opts.trailer ? { 'x-amz-trailer': 'x-amz-checksum-crc32' } : {}),
      },
    }),
  );
  const amzDate = signed.headers['x-amz-date'] ?? '';
  let previous = /Signature=([0-9a-f]{64})/.exec(signed.headers.authorization ?? '')?.[1] ?? '';
  const scope = `${amzDate.slice(0, 8)}/${emu.region}/s3/aws4_request`;
  let key: Buffer | string = `AWS4${emu.credentials.secretAccessKey}`;
  for (const part of [amzDate.slice(0, 8), emu.region, 's3', 'aws4_request']) key = hmac(key, part);
  const sign = (lines: string[]) => hmac(key, lines.join('\n')).toString('hex');

  const out: Buffer[] = [];
  [...parts, Buffer.alloc(0)].forEach((data, i) => {
    previous = sign(['AWS4-HMAC-SHA256-PAYLOAD', amzDate, scope, previous, sha(''), sha(data)]);
    const isFinal = i === parts.length;
    const signature = isFinal && opts.tamper?.finalSignature ? opts.tamper.finalSignature : previous;
    const sent = opts.tamper?.chunk?.[0] === i ? opts.tamper.chunk[1] : data;
    out.push(
      Buffer.from(`${data.length.toString(16)};chunk-signature=${signature}\r\n`),
      sent,
      Buffer.from(isFinal ? '' : '\r\n'),
    );
  });
  if (opts.trailer) {
    const lines = `x-amz-checksum-crc32:${crcB64(opts.trailer)}\n`;
    const signature =
      opts.tamper?.trailerSignature ?? sign(['AWS4-HMAC-SHA256-TRAILER', amzDate, scope, previous, sha(lines)]);
    out.push(Buffer.from(`${lines.trimEnd()}\r\nx-amz-trailer-signature:${signature}\r\n`));
  }
  out.push(Buffer.from('\r\n'));
  return fetch(url, { method: 'PUT', headers: signed.headers, body: Buffer.concat(out) });
}

const data = Buffer.from('first chunk|second chunk, a bit longer|third');
const parts = [data.subarray(0, 12), data.subarray(12, 40), data.subarray(40)];
const absent = async (Key: string) => (await errorOf(s3.send(new HeadObjectCommand({ Bucket, Key })))).name;
const refusal = async (res: Response) => ({
  status: res.status,
  code: /<Code>([^<]+)<\/Code>/.exec(await res.text())?.[1],
});

describe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD chunk signatures', () => {
  test('correctly signed chunks are stored', async () => {
    const res = await streamingPut(`/${Bucket}/good`, parts);
    expect(res.status).toBe(200);
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'good' }));
    expect(await got.Body?.transformToString()).toBe(data.toString());
  });

  test('a chunk changed after signing is SignatureDoesNotMatch and nothing is stored', async () => {
    const res = await streamingPut(`/${Bucket}/changed`, parts, {
      tamper: { chunk: [1, Buffer.from('X'.repeat(28))] },
    });
    expect(await refusal(res)).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(await absent('changed')).toBe('NotFound');
  });

  test('a wrong final (zero-length) chunk signature is refused', async () => {
    const res = await streamingPut(`/${Bucket}/bad-final`, parts, { tamper: { finalSignature: 'a'.repeat(64) } });
    expect(await refusal(res)).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(await absent('bad-final')).toBe('NotFound');
  });

  test('a changed part is refused and no part is recorded', async () => {
    const Key = 'multi';
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    const res = await streamingPut(`/${Bucket}/${Key}?partNumber=1&uploadId=${UploadId ?? ''}`, parts, {
      tamper: { chunk: [0, Buffer.from('Y'.repeat(12))] },
    });
    expect(await refusal(res)).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    expect((await s3.send(new ListPartsCommand({ Bucket, Key, UploadId }))).Parts ?? []).toEqual([]);
    expect((await streamingPut(`/${Bucket}/${Key}?partNumber=1&uploadId=${UploadId ?? ''}`, parts)).status).toBe(200);
    expect((await s3.send(new ListPartsCommand({ Bucket, Key, UploadId }))).Parts?.map((p) => p.Size)).toEqual([
      data.length,
    ]);
  });
});

describe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', () => {
  test('a signed trailer with its checksum is stored', async () => {
    const res = await streamingPut(`/${Bucket}/trailer`, parts, { trailer: data });
    expect(res.status).toBe(200);
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'trailer', ChecksumMode: 'ENABLED' }));
    expect(await got.Body?.transformToString()).toBe(data.toString());
    expect(got.ChecksumCRC32).toBe(crcB64(data));
  });

  test('a wrong trailer signature is refused', async () => {
    const res = await streamingPut(`/${Bucket}/bad-trailer`, parts, {
      trailer: data,
      tamper: { trailerSignature: 'b'.repeat(64) },
    });
    expect(await refusal(res)).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(await absent('bad-trailer')).toBe('NotFound');
  });
});

test('SDK defaults (unsigned trailer) still upload', async () => {
  await s3.send(new PutObjectCommand({ Bucket, Key: 'sdk', Body: data }));
  const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'sdk' }));
  expect(await got.Body?.transformToString()).toBe(data.toString());
});

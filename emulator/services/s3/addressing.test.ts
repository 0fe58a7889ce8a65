import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { TestEmulator } from '../../testing.js';
import { startS3Test } from './test-helpers.js';

let emu: TestEmulator;
let s3: S3Client;
beforeAll(async () => {
  ({ emu, s3 } = await startS3Test());
  await s3.send(new CreateBucketCommand({ Bucket: 'vhost-bucket' }));
  await s3.send(new PutObjectCommand({ Bucket: 'vhost-bucket', Key: 'dir/a b.txt', Body: 'virtual host' }));
});
afterAll(async () => emu.dispose());

/** GET with `Host: BUCKET.localhost:PORT`, signed for that host, sent to 127.0.0.1 (no DNS needed). */
async function vhostGet(bucket: string, path: string): Promise<{ status: number; body: string }> {
  const port = Number(new URL(emu.url).port);
  const host = `${bucket}.localhost:${port}`;
  const u = new URL(path, 'http://x');
  const query: Record<string, string> = {};
  for (const [k, v] of u.searchParams) query[k] = v;
  const signer = new SignatureV4({
    service: 's3',
    region: emu.region,
    credentials: emu.credentials,
    sha256: Sha256,
    uriEscapePath: false,
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: 'GET',
      protocol: 'http:',
      hostname: `${bucket}.localhost`,
      port,
      path: u.pathname,
      query,
      headers: { host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    }),
  );
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: signed.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('virtual-host addressing', () => {
  test('an object by BUCKET.localhost', async () => {
    const res = await vhostGet('vhost-bucket', '/dir/a%20b.txt');
    expect(res.status).toBe(200);
    expect(res.body).toBe('virtual host');
  });

  test('a listing by BUCKET.localhost', async () => {
    const res = await vhostGet('vhost-bucket', '/?list-type=2&prefix=dir%2F');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<Key>dir/a b.txt</Key>');
    expect(res.body).toContain('<Name>vhost-bucket</Name>');
  });
});

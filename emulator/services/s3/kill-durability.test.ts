import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { errorOf } from './test-helpers.js';

const dataDir = mkdtempSync(join(tmpdir(), 's3-kill-'));
const credentials = { accessKeyId: 'AKIAKILLTEST', secretAccessKey: 'kill-test-secret' };
const cli = fileURLToPath(new URL('../../cli.ts', import.meta.url));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** The emulator as its own process (so it can be killed with SIGKILL), on a free port. */
async function startProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      cli,
      '--port',
      '0',
      '--data',
      dataDir,
      '--no-seed',
      '--static-credentials',
      `${credentials.accessKeyId}:${credentials.secretAccessKey}`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /emulator ready at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) ok(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`emulator exited with ${code}: ${out}`)));
  });
  return { child, url };
}

const killed = (child: ChildProcess) =>
  new Promise<void>((ok) => {
    child.once('exit', () => ok());
    child.kill('SIGKILL');
  });

const client = (url: string) => new S3Client({ endpoint: url, region: 'us-east-1', credentials, forcePathStyle: true });

/** Start a signed PutObject, send half its declared body, and leave it hanging. */
async function halfPut(url: string, key: string, size: number): Promise<void> {
  const u = new URL(`/kill-bucket/${key}`, url);
  const signer = new SignatureV4({ service: 's3', region: 'us-east-1', credentials, sha256: Sha256 });
  const signed = await signer.sign(
    new HttpRequest({
      method: 'PUT',
      protocol: 'http:',
      hostname: u.hostname,
      port: Number(u.port),
      path: u.pathname,
      headers: { host: u.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-length': String(size) },
    }),
  );
  const req = request(u, { method: 'PUT', headers: signed.headers });
  req.on('error', () => undefined);
  req.write(Buffer.alloc(size / 2, 7));
  await new Promise((r) => setTimeout(r, 300));
}

describe('kill -9', () => {
  test('acknowledged puts survive; a half-sent object is never seen', async () => {
    const first = await startProcess();
    const s3 = client(first.url);
    await s3.send(new CreateBucketCommand({ Bucket: 'kill-bucket' }));
    const keys = Array.from({ length: 20 }, (_, i) => `acked/${i}.txt`);
    await Promise.all(
      keys.map((Key) => s3.send(new PutObjectCommand({ Bucket: 'kill-bucket', Key, Body: `v-${Key}` }))),
    );
    await halfPut(first.url, 'half.bin', 4 * 1024 * 1024);
    await killed(first.child);

    const second = await startProcess();
    const again = client(second.url);
    try {
      for (const Key of keys) {
        const got = await again.send(new GetObjectCommand({ Bucket: 'kill-bucket', Key }));
        expect(await got.Body?.transformToString()).toBe(`v-${Key}`);
      }
      expect((await errorOf(again.send(new HeadObjectCommand({ Bucket: 'kill-bucket', Key: 'half.bin' })))).name).toBe(
        'NotFound',
      );
      expect(readdirSync(join(dataDir, 's3', 'tmp'))).toEqual([]);
    } finally {
      await killed(second.child);
    }
  }, 60_000);
});

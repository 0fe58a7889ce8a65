import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { TestEmulator } from '../../testing.js';
import { startS3Test } from './test-helpers.js';

const AWS = '/usr/bin/aws';
const run = promisify(execFile);
let emu: TestEmulator;
let s3: S3Client;
const work = mkdtempSync(join(tmpdir(), 's3-cli-'));

async function aws(...args: string[]): Promise<string> {
  const { stdout } = await run(AWS, ['--endpoint-url', emu.url, ...args], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin',
      HOME: work,
      AWS_ACCESS_KEY_ID: emu.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: emu.credentials.secretAccessKey,
      AWS_DEFAULT_REGION: emu.region,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: join(work, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(work, 'no-credentials'),
    },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

describe.skipIf(!existsSync(AWS))('the AWS CLI as an independent client', () => {
  beforeAll(async () => {
    ({ emu, s3 } = await startS3Test());
    await s3.send(new CreateBucketCommand({ Bucket: 'cli-bucket' }));
  });
  afterAll(async () => {
    await emu?.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  test('aws s3 cp up (single and multipart) and down, byte for byte', async () => {
    const small = join(work, 'small file.txt');
    writeFileSync(small, 'from the cli\n');
    const big = join(work, 'big.bin');
    const bigData = Buffer.alloc(9 * 1024 * 1024 + 77);
    for (let i = 0; i < bigData.length; i++) bigData[i] = (i * 31 + (i >> 11)) & 0xff;
    writeFileSync(big, bigData);
    await aws('s3', 'cp', small, 's3://cli-bucket/docs/small file.txt');
    await aws('s3', 'cp', big, 's3://cli-bucket/bin/big.bin');
    const got = await s3.send(new GetObjectCommand({ Bucket: 'cli-bucket', Key: 'docs/small file.txt' }));
    expect(await got.Body?.transformToString()).toBe('from the cli\n');
    const head = await s3.send(new GetObjectCommand({ Bucket: 'cli-bucket', Key: 'bin/big.bin' }));
    expect(head.ETag).toMatch(/-2"$/);
    await aws('s3', 'cp', 's3://cli-bucket/bin/big.bin', join(work, 'back.bin'));
    expect(readFileSync(join(work, 'back.bin')).equals(bigData)).toBe(true);
  }, 60_000);

  test('aws s3 ls shows folders and files; s3api list-objects-v2 returns JSON', async () => {
    const root = await aws('s3', 'ls', 's3://cli-bucket/');
    expect(root).toMatch(/PRE bin\//);
    expect(root).toMatch(/PRE docs\//);
    const docs = await aws('s3', 'ls', 's3://cli-bucket/docs/');
    expect(docs).toMatch(/\s13 small file\.txt/);
    const json = JSON.parse(await aws('s3api', 'list-objects-v2', '--bucket', 'cli-bucket', '--prefix', 'docs/')) as {
      Contents: Array<{ Key: string; Size: number }>;
    };
    expect(json.Contents).toHaveLength(1);
    expect(json.Contents[0]).toMatchObject({ Key: 'docs/small file.txt', Size: 13 });
  }, 60_000);
});

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { startTestEmulator } from '../../testing.js';

const dataDir = mkdtempSync(join(tmpdir(), 's3-durable-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('durability', () => {
  test('buckets, objects and metadata survive a stop and start on the same data folder', async () => {
    const first = await startTestEmulator({ dataDir });
    const s3 = new S3Client({ ...first.clientConfig, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'durable' }));
    await s3.send(new PutObjectCommand({ Bucket: 'durable', Key: 'a/ü.txt', Body: 'kept', Metadata: { k: 'v' } }));
    await new Upload({
      client: s3,
      params: { Bucket: 'durable', Key: 'mp.bin', Body: Buffer.alloc(6 * 1024 * 1024, 1) },
      partSize: 5 * 1024 * 1024,
    }).done();
    await first.stop();

    const second = await startTestEmulator({ dataDir });
    const again = new S3Client({ ...second.clientConfig, forcePathStyle: true });
    try {
      expect((await again.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name)).toEqual(['durable']);
      const got = await again.send(new GetObjectCommand({ Bucket: 'durable', Key: 'a/ü.txt' }));
      expect(await got.Body?.transformToString()).toBe('kept');
      expect(got.Metadata).toEqual({ k: 'v' });
      const list = await again.send(new ListObjectsV2Command({ Bucket: 'durable' }));
      expect(list.Contents?.map((c) => [c.Key, c.Size])).toEqual([
        ['a/ü.txt', 4],
        ['mp.bin', 6 * 1024 * 1024],
      ]);
      // No temp files or orphan parts are left behind by completed uploads.
      expect(readdirSync(join(dataDir, 's3', 'tmp'))).toEqual([]);
    } finally {
      await second.stop();
    }
  }, 60_000);
});

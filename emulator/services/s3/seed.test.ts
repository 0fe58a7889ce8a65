import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  ListObjectsV2Command,
  S3Client,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import type { TestEmulator } from '../../testing.js';
import { seedS3 } from '../../seed/s3.js';
import { S3Store } from './store.js';
import { startS3Test } from './test-helpers.js';

let emu: TestEmulator;
let s3: S3Client;
beforeAll(async () => ({ emu, s3 } = await startS3Test({ seed: true })), 30_000);
afterAll(async () => emu.dispose());

describe('seed data', () => {
  test('demo buckets exist; demo-uploads is empty', async () => {
    const names = (await s3.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name);
    expect(names).toEqual(expect.arrayContaining(['demo-assets', 'demo-logs', 'demo-uploads']));
    expect((await s3.send(new ListObjectsV2Command({ Bucket: 'demo-uploads' }))).KeyCount).toBe(0);
  });

  test('demo-assets holds a few thousand objects in nested folders', async () => {
    let count = 0;
    let deepest = 0;
    for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: 'demo-assets' })) {
      for (const c of page.Contents ?? []) {
        count++;
        deepest = Math.max(deepest, (c.Key ?? '').split('/').length - 1);
      }
    }
    expect(count).toBeGreaterThan(2000);
    expect(deepest).toBe(4);
    const top = await s3.send(new ListObjectsV2Command({ Bucket: 'demo-assets', Delimiter: '/' }));
    expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['data/', 'docs/', 'empty-folder/', 'images/']);
  });

  test('images are real PNGs, JSON parses, text reads', async () => {
    const png = await s3.send(
      new GetObjectCommand({ Bucket: 'demo-assets', Key: 'images/products/shoes/shoes-001.png' }),
    );
    expect(png.ContentType).toBe('image/png');
    const bytes = Buffer.from(await png.Body!.transformToByteArray());
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const json = await s3.send(
      new GetObjectCommand({ Bucket: 'demo-assets', Key: 'data/orders/2026-01/order-01001.json' }),
    );
    expect(JSON.parse(await json.Body!.transformToString())).toHaveProperty('orderId');
    const log = await s3.send(new ListObjectsV2Command({ Bucket: 'demo-logs', Prefix: 'logs/2026/11/01/' }));
    expect(log.KeyCount).toBeGreaterThan(0);
  });

  test('an admin reset wipes created buckets and seeds the demo data again', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'temporary-bucket' }));
    await s3.send(new PutObjectCommand({ Bucket: 'demo-uploads', Key: 'x.txt', Body: 'x' }));
    await emu.admin('reset', { seed: true });
    const names = (await s3.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name);
    expect(names).not.toContain('temporary-bucket');
    expect(names).toContain('demo-assets');
    expect((await s3.send(new ListObjectsV2Command({ Bucket: 'demo-uploads' }))).KeyCount).toBe(0);
    const png = await s3.send(new GetObjectCommand({ Bucket: 'demo-assets', Key: 'images/banners/banner-01.png' }));
    expect((await png.Body!.transformToByteArray()).length).toBeGreaterThan(50);
  }, 30_000);

  test('seeding costs under 3 s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's3-seed-'));
    const store = new S3Store(dir);
    try {
      // CPU time, not wall time: on a shared machine wall time mostly measures the neighbours.
      const before = process.cpuUsage();
      await seedS3(store, 'us-east-1');
      const used = process.cpuUsage(before);
      expect((used.user + used.system) / 1000).toBeLessThan(3000);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import type { TestEmulator } from '../../testing.js';
import { bulkLoadEmptyObjects } from './bulk-load.js';
import { errorOf, startS3Test } from './test-helpers.js';

let emu: TestEmulator;
let s3: S3Client;
const Bucket = 'listing-bucket';

/** 3 top folders x 4 subfolders x 200 files, plus 2 root files and a folder marker: 2,403 keys. */
const keys: string[] = ['root-a.txt', 'root-b.txt', 'top-1/'];
for (const top of ['top-1', 'top-2', 'top-3']) {
  for (const sub of ['s1', 's2', 's3', 's4']) {
    for (let i = 0; i < 200; i++) keys.push(`${top}/${sub}/file-${String(i).padStart(3, '0')}.txt`);
  }
}
keys.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

beforeAll(async () => {
  // Thousands of PutObjects would take a minute on a shared machine: load the index, then list over HTTP.
  const dataDir = mkdtempSync(join(tmpdir(), 's3-list-'));
  bulkLoadEmptyObjects(dataDir, Bucket, keys.slice(10));
  ({ emu, s3 } = await startS3Test({ dataDir }));
  cleanup = dataDir;
  // A few through PutObject, so listings mix both paths.
  await Promise.all(keys.slice(0, 10).map((Key) => s3.send(new PutObjectCommand({ Bucket, Key, Body: Key }))));
}, 60_000);
let cleanup = '';
afterAll(async () => {
  await emu.dispose();
  rmSync(cleanup, { recursive: true, force: true });
});

describe('ListObjectsV2', () => {
  test('pages over thousands of keys with MaxKeys and opaque continuation tokens', async () => {
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateListObjectsV2({ client: s3, pageSize: 333 }, { Bucket })) {
      pages++;
      expect(page.KeyCount).toBe(page.Contents?.length ?? 0);
      expect(page.MaxKeys).toBe(333);
      seen.push(...(page.Contents ?? []).map((c) => c.Key ?? ''));
      if (page.IsTruncated) expect(page.NextContinuationToken).toBeTruthy();
    }
    expect(seen).toEqual(keys);
    expect(pages).toBe(Math.ceil(keys.length / 333));
  });

  test('the default page is 1,000 keys', async () => {
    const page = await s3.send(new ListObjectsV2Command({ Bucket }));
    expect(page.Contents).toHaveLength(1000);
    expect(page.IsTruncated).toBe(true);
    expect(page.Contents?.[0]).toMatchObject({ Key: keys[0], Size: keys[0]!.length, StorageClass: 'STANDARD' });
    expect(page.Contents?.[0]?.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(page.Contents?.[0]?.LastModified).toBeInstanceOf(Date);
    expect(page.Contents?.[0]?.Owner).toBeUndefined();
  });

  test('folders at the root: common prefixes plus root files', async () => {
    const page = await s3.send(new ListObjectsV2Command({ Bucket, Delimiter: '/' }));
    expect(page.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['top-1/', 'top-2/', 'top-3/']);
    expect(page.Contents?.map((c) => c.Key)).toEqual(['root-a.txt', 'root-b.txt']);
    expect(page.KeyCount).toBe(5);
    expect(page.IsTruncated).toBe(false);
  });

  test('folders one and two levels down', async () => {
    const one = await s3.send(new ListObjectsV2Command({ Bucket, Delimiter: '/', Prefix: 'top-1/' }));
    expect(one.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['top-1/s1/', 'top-1/s2/', 'top-1/s3/', 'top-1/s4/']);
    // The folder marker itself is listed as an object of its own folder.
    expect(one.Contents?.map((c) => c.Key)).toEqual(['top-1/']);
    const two = await s3.send(new ListObjectsV2Command({ Bucket, Delimiter: '/', Prefix: 'top-2/s3/', MaxKeys: 1000 }));
    expect(two.CommonPrefixes ?? []).toEqual([]);
    expect(two.Contents).toHaveLength(200);
    expect(two.Contents?.[199]?.Key).toBe('top-2/s3/file-199.txt');
  });

  test('common prefixes count toward MaxKeys and page with the token', async () => {
    const first = await s3.send(new ListObjectsV2Command({ Bucket, Delimiter: '/', MaxKeys: 3 }));
    expect(first.Contents?.map((c) => c.Key)).toEqual(['root-a.txt', 'root-b.txt']);
    expect(first.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['top-1/']);
    expect(first.KeyCount).toBe(3);
    expect(first.IsTruncated).toBe(true);
    const second = await s3.send(
      new ListObjectsV2Command({ Bucket, Delimiter: '/', MaxKeys: 3, ContinuationToken: first.NextContinuationToken }),
    );
    expect(second.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['top-2/', 'top-3/']);
    expect(second.ContinuationToken).toBe(first.NextContinuationToken);
    expect(second.IsTruncated).toBe(false);
    expect(second.NextContinuationToken).toBeUndefined();
  });

  test('StartAfter, a prefix without a delimiter, and a non-slash delimiter', async () => {
    const after = await s3.send(new ListObjectsV2Command({ Bucket, StartAfter: 'top-3/s4/file-197.txt' }));
    expect(after.Contents?.map((c) => c.Key)).toEqual(['top-3/s4/file-198.txt', 'top-3/s4/file-199.txt']);
    expect(after.StartAfter).toBe('top-3/s4/file-197.txt');
    const prefixed = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'top-2/s1/file-19' }));
    expect(prefixed.Contents).toHaveLength(10);
    const dash = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'top-1/s2/', Delimiter: '-' }));
    expect(dash.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['top-1/s2/file-']);
  });

  test('EncodingType=url encodes keys and prefixes; FetchOwner adds owners', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'zz enc/ü+x.txt', Body: 'e' }));
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket, Prefix: 'zz ', EncodingType: 'url', FetchOwner: true }),
    );
    expect(page.Contents?.[0]?.Key).toBe('zz+enc/%C3%BC%2Bx.txt');
    expect(page.Prefix).toBe('zz+');
    expect(page.Contents?.[0]?.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    const folders = await s3.send(
      new ListObjectsV2Command({ Bucket, Prefix: 'zz ', Delimiter: '/', EncodingType: 'url' }),
    );
    expect(folders.CommonPrefixes?.[0]?.Prefix).toBe('zz+enc/');
  });

  test('a bad continuation token or MaxKeys is InvalidArgument; a missing bucket NoSuchBucket', async () => {
    expect((await errorOf(s3.send(new ListObjectsV2Command({ Bucket, ContinuationToken: 'garbage!' })))).name).toBe(
      'InvalidArgument',
    );
    expect((await errorOf(s3.send(new ListObjectsV2Command({ Bucket, MaxKeys: -1 })))).name).toBe('InvalidArgument');
    expect((await errorOf(s3.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket' })))).name).toBe('NoSuchBucket');
  });
});

describe('ListObjects (v1)', () => {
  test('pages with Marker / NextMarker', async () => {
    const first = await s3.send(new ListObjectsCommand({ Bucket, Delimiter: '/', MaxKeys: 2 }));
    expect(first.Contents?.map((c) => c.Key)).toEqual(['root-a.txt', 'root-b.txt']);
    expect(first.IsTruncated).toBe(true);
    expect(first.NextMarker).toBe('root-b.txt');
    const second = await s3.send(
      new ListObjectsCommand({ Bucket, Delimiter: '/', MaxKeys: 2, Marker: first.NextMarker }),
    );
    expect(second.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['top-1/', 'top-2/']);
    const third = await s3.send(
      new ListObjectsCommand({ Bucket, Delimiter: '/', MaxKeys: 2, Marker: second.NextMarker }),
    );
    expect(third.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['top-3/', 'zz enc/']);
    expect(third.IsTruncated).toBe(false);
  });
});

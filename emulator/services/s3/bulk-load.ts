import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { S3Store, type ObjectRow } from './store.js';

const EMPTY_MD5 = createHash('md5').update('').digest('hex');

/**
 * Test and benchmark helper: write index rows for many empty objects straight into an emulator data
 * folder (before the emulator starts on it), creating the bucket if needed. Far faster than PutObject.
 */
export function bulkLoadEmptyObjects(
  emulatorDataDir: string,
  bucket: string,
  keys: Iterable<string>,
  region = 'us-east-1',
): number {
  const dir = join(emulatorDataDir, 's3');
  mkdirSync(dir, { recursive: true });
  const store = new S3Store(dir);
  try {
    if (!store.getBucket(bucket)) store.createBucket(bucket, region);
    const now = Date.now();
    let batch: ObjectRow[] = [];
    let count = 0;
    for (const key of keys) {
      batch.push({
        bucket,
        key,
        size: 0,
        etag: EMPTY_MD5,
        lastModified: now,
        headers: { contentType: 'binary/octet-stream', metadata: {} },
        checksumAlgorithm: null,
        checksumValue: null,
        file: null,
      });
      if (batch.length === 50_000) {
        store.insertObjects(batch);
        count += batch.length;
        batch = [];
      }
    }
    store.insertObjects(batch);
    return count + batch.length;
  } finally {
    store.close();
  }
}

/**
 * Benchmark helper: `count` empty objects named `folder-FFF/sub-SS/object-NNNNNNN.dat` (100 folders of
 * 50 subfolders, in key order), generated inside SQLite so a million rows load in seconds.
 */
export function bulkLoadSyntheticKeys(
  emulatorDataDir: string,
  bucket: string,
  count: number,
  region = 'us-east-1',
): void {
  const dir = join(emulatorDataDir, 's3');
  mkdirSync(dir, { recursive: true });
  const store = new S3Store(dir);
  try {
    if (!store.getBucket(bucket)) store.createBucket(bucket, region);
    const perFolder = Math.max(1, Math.ceil(count / 100));
    const perSub = Math.max(1, Math.ceil(count / 5000));
    const headers = JSON.stringify({ contentType: 'binary/octet-stream', metadata: {} });
    store.db
      .prepare(
        `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ? - 1)
         INSERT OR REPLACE INTO objects (bucket, key, size, etag, last_modified, headers, checksum_algorithm, checksum_value, file)
         SELECT ?, CAST(printf('folder-%03d/sub-%02d/object-%07d.dat', i / ?, (i / ?) % 50, i) AS BLOB), 0, ?, ?, ?, NULL, NULL, NULL FROM seq`,
      )
      .run(count, bucket, perFolder, perSub, EMPTY_MD5, Date.now(), headers);
  } finally {
    store.close();
  }
}

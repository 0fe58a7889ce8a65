import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { S3Store, type ObjectRow } from './store.js';

const EMPTY_MD5 = createHash('md5').update('').digest('hex');

/**
 * Test and benchmark helper: write index rows for many empty objects straight into an emulator data
 * folder (before the emulator starts on it), creating the bucket if needed. Far faster than PutObject.
 */
export function bulkLoadEmptyObjects(emulatorDataDir: string, bucket: string, keys: Iterable<string>, region = 'us-east-1'): number {
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
        bucket, key, size: 0, etag: EMPTY_MD5, lastModified: now, headers: { contentType: 'binary/octet-stream', metadata: {} },
        checksumAlgorithm: null, checksumValue: null, file: null,
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

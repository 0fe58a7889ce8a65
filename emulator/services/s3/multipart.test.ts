import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  S3Client,
  UploadPartCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { TestEmulator } from '../../testing.js';
import { errorOf, startS3Test } from './test-helpers.js';

let emu: TestEmulator;
let s3: S3Client;
const Bucket = 'multipart-bucket';
const MiB = 1024 * 1024;
beforeAll(async () => {
  ({ emu, s3 } = await startS3Test());
  await s3.send(new CreateBucketCommand({ Bucket }));
});
afterAll(async () => emu.dispose());

/** Deterministic, non-repeating bytes so misplaced parts would show. */
function bytes(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i += 4) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.writeUInt32LE(x, Math.min(i, size - 4));
  }
  return out;
}

describe('multipart upload', () => {
  test('lib-storage Upload of ~12 MiB in 3 parts, with progress, gives md5-of-md5s-3', async () => {
    const data = bytes(12 * MiB + 12345, 7);
    const upload = new Upload({
      client: s3,
      params: { Bucket, Key: 'big/file.bin', Body: Readable.from([data]), ContentType: 'application/x-test' },
      partSize: 5 * MiB,
      queueSize: 2,
    });
    const progress: number[] = [];
    upload.on('httpUploadProgress', (p) => progress.push(p.loaded ?? 0));
    const done = await upload.done();
    const partMd5s = [0, 1, 2].map((i) =>
      createHash('md5')
        .update(data.subarray(i * 5 * MiB, Math.min((i + 1) * 5 * MiB, data.length)))
        .digest(),
    );
    const expected = `"${createHash('md5').update(Buffer.concat(partMd5s)).digest('hex')}-3"`;
    expect(done.ETag).toBe(expected);
    expect(progress.at(-1)).toBe(data.length);
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'big/file.bin' }));
    expect(head.ContentLength).toBe(data.length);
    expect(head.ETag).toBe(expected);
    expect(head.ContentType).toBe('application/x-test');
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'big/file.bin', ChecksumMode: 'ENABLED' }));
    const back = Buffer.from(await got.Body!.transformToByteArray());
    expect(createHash('md5').update(back).digest('hex')).toBe(createHash('md5').update(data).digest('hex'));
    const list = await s3.send(new ListMultipartUploadsCommand({ Bucket }));
    expect(list.Uploads ?? []).toEqual([]);
  }, 60_000);

  test('ListParts, ListMultipartUploads, Abort; errors name the problem', async () => {
    const Key = 'errs/obj';
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    expect(UploadId).toBeTruthy();
    const small = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: 'tiny part' }));
    const last = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 2, Body: 'last part' }));
    const parts = await s3.send(new ListPartsCommand({ Bucket, Key, UploadId }));
    expect(parts.Parts?.map((p) => [p.PartNumber, p.Size, p.ETag])).toEqual([
      [1, 9, small.ETag],
      [2, 9, last.ETag],
    ]);
    const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket, Prefix: 'errs/' }));
    expect(uploads.Uploads?.map((u) => [u.Key, u.UploadId])).toEqual([[Key, UploadId]]);

    const complete = (Parts: Array<{ PartNumber: number; ETag?: string }>) =>
      errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts } })));
    expect(
      (
        await complete([
          { PartNumber: 1, ETag: small.ETag },
          { PartNumber: 2, ETag: last.ETag },
        ])
      ).name,
    ).toBe('EntityTooSmall');
    expect(
      (
        await complete([
          { PartNumber: 2, ETag: last.ETag },
          { PartNumber: 1, ETag: small.ETag },
        ])
      ).name,
    ).toBe('InvalidPartOrder');
    expect((await complete([{ PartNumber: 1, ETag: '"0123456789abcdef0123456789abcdef"' }])).name).toBe('InvalidPart');
    expect((await complete([{ PartNumber: 3, ETag: last.ETag }])).name).toBe('InvalidPart');
    const bad = await errorOf(s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 10001, Body: 'x' })));
    expect(bad.name).toBe('InvalidArgument');

    // A single small part is allowed: the last part has no minimum.
    const one = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key,
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 2, ETag: last.ETag }] },
      }),
    );
    expect(one.ETag).toMatch(/-1"$/);
    const got = await s3.send(new GetObjectCommand({ Bucket, Key }));
    expect(await got.Body?.transformToString()).toBe('last part');
    expect((await errorOf(s3.send(new ListPartsCommand({ Bucket, Key, UploadId })))).name).toBe('NoSuchUpload');
  });

  test('Abort removes the upload; later calls are NoSuchUpload', async () => {
    const Key = 'abort/me';
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: 'x' }));
    const aborted = await s3.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }));
    expect(aborted.$metadata.httpStatusCode).toBe(204);
    expect(
      (await errorOf(s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 2, Body: 'x' })))).name,
    ).toBe('NoSuchUpload');
    expect((await errorOf(s3.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })))).name).toBe(
      'NoSuchUpload',
    );
    expect(
      (
        await errorOf(
          s3.send(
            new CompleteMultipartUploadCommand({
              Bucket,
              Key,
              UploadId,
              MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"x"' }] },
            }),
          ),
        )
      ).name,
    ).toBe('NoSuchUpload');
  });
});

describe('UploadPartCopy', () => {
  test('builds an object from byte ranges of another', async () => {
    const source = bytes(6 * MiB, 3);
    await new Upload({ client: s3, params: { Bucket, Key: 'copy/source.bin', Body: source } }).done();
    const Key = 'copy/dest.bin';
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    const p1 = await s3.send(
      new UploadPartCopyCommand({
        Bucket,
        Key,
        UploadId,
        PartNumber: 1,
        CopySource: `${Bucket}/copy/source.bin`,
        CopySourceRange: `bytes=0-${5 * MiB - 1}`,
      }),
    );
    const p2 = await s3.send(
      new UploadPartCopyCommand({
        Bucket,
        Key,
        UploadId,
        PartNumber: 2,
        CopySource: `${Bucket}/copy/source.bin`,
        CopySourceRange: `bytes=${5 * MiB}-${6 * MiB - 1}`,
      }),
    );
    expect(p1.CopyPartResult?.ETag).toBe(
      `"${createHash('md5')
        .update(source.subarray(0, 5 * MiB))
        .digest('hex')}"`,
    );
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key,
        UploadId,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: p1.CopyPartResult?.ETag },
            { PartNumber: 2, ETag: p2.CopyPartResult?.ETag },
          ],
        },
      }),
    );
    const got = await s3.send(new GetObjectCommand({ Bucket, Key }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(source)).toBe(true);
    const bad = await errorOf(
      s3.send(
        new UploadPartCopyCommand({
          Bucket,
          Key: 'copy/x',
          UploadId: 'nope',
          PartNumber: 1,
          CopySource: `${Bucket}/copy/source.bin`,
        }),
      ),
    );
    expect(bad.name).toBe('NoSuchUpload');
  }, 60_000);
});

describe('buckets and unfinished uploads', () => {
  test('a bucket holding only an unfinished upload can be deleted, as on AWS', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'mpu-only-bucket' }));
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'mpu-only-bucket', Key: 'pending' }));
    await s3.send(
      new UploadPartCommand({ Bucket: 'mpu-only-bucket', Key: 'pending', UploadId, PartNumber: 1, Body: 'x' }),
    );
    await s3.send(new DeleteBucketCommand({ Bucket: 'mpu-only-bucket' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'mpu-only-bucket' }));
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: 'mpu-only-bucket' }))).Uploads ?? []).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
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

describe('a completed upload is its parts, read in place', () => {
  let own: TestEmulator;
  let client: S3Client;
  beforeAll(async () => {
    ({ emu: own, s3: client } = await startS3Test());
    await client.send(new CreateBucketCommand({ Bucket }));
  });
  afterAll(async () => own.dispose());

  /** Content files left on disk (objects and parts), to prove nothing leaks. */
  function contentFiles(): string[] {
    const root = join(own.dataDir, 's3');
    return ['objects', 'parts'].flatMap((dir) =>
      existsSync(join(root, dir))
        ? readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
            .filter((e) => e.isFile())
            .map((e) => e.name)
        : [],
    );
  }
  const read = async (Key: string, Range?: string) =>
    Buffer.from(
      await (
        await client.send(new GetObjectCommand({ Bucket, Key, ...(Range ? { Range } : {}) }))
      ).Body!.transformToByteArray(),
    );

  test('whole and ranged reads across part boundaries, copies of it, and no file left once it is gone', async () => {
    const parts = [bytes(5 * MiB, 11), bytes(5 * MiB, 12), bytes(MiB + 7, 13)];
    const data = Buffer.concat(parts);
    const Key = 'joined.bin';
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    const etags: string[] = [];
    for (const [i, Body] of parts.entries()) {
      etags.push((await client.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: i + 1, Body }))).ETag!);
    }
    // A part left out of the object: its file goes when the upload completes.
    await client.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 9, Body: bytes(MiB, 14) }));
    await client.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key,
        UploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })) },
      }),
    );
    expect(contentFiles()).toHaveLength(3);

    expect((await read(Key)).equals(data)).toBe(true);
    const boundary = 5 * MiB;
    expect(
      (await read(Key, `bytes=${boundary - 10}-${boundary + 9}`)).equals(data.subarray(boundary - 10, boundary + 10)),
    ).toBe(true);
    expect(
      (await read(Key, `bytes=${boundary - 1}-${2 * boundary + 100}`)).equals(
        data.subarray(boundary - 1, 2 * boundary + 101),
      ),
    ).toBe(true);
    expect((await read(Key, 'bytes=-100')).equals(data.subarray(-100))).toBe(true);
    expect((await read(Key, `bytes=${2 * boundary + 3}-`)).equals(data.subarray(2 * boundary + 3))).toBe(true);

    // CopyObject joins the parts into one file; UploadPartCopy takes a range that spans two parts.
    await client.send(new CopyObjectCommand({ Bucket, Key: 'copied.bin', CopySource: `${Bucket}/${Key}` }));
    const { UploadId: copyId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key: 'ranged.bin' }));
    const copied = await client.send(
      new UploadPartCopyCommand({
        Bucket,
        Key: 'ranged.bin',
        UploadId: copyId,
        PartNumber: 1,
        CopySource: `${Bucket}/${Key}`,
        CopySourceRange: `bytes=${boundary - 5}-${2 * boundary + 4}`,
      }),
    );
    await client.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key: 'ranged.bin',
        UploadId: copyId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: copied.CopyPartResult?.ETag }] },
      }),
    );

    // Replacing the source removes its part files; the copies stand on their own.
    await client.send(new PutObjectCommand({ Bucket, Key, Body: 'replaced' }));
    expect((await read('copied.bin')).equals(data)).toBe(true);
    expect((await read('ranged.bin')).equals(data.subarray(boundary - 5, 2 * boundary + 5))).toBe(true);
    expect((await read(Key)).toString()).toBe('replaced');
    expect(contentFiles()).toHaveLength(3);

    await client.send(
      new DeleteObjectsCommand({
        Bucket,
        Delete: { Objects: [{ Key }, { Key: 'copied.bin' }, { Key: 'ranged.bin' }] },
      }),
    );
    expect(contentFiles()).toEqual([]);
  }, 60_000);

  test('completing an upload over a multipart object removes the old parts', async () => {
    const Key = 'twice.bin';
    for (const seed of [21, 22]) {
      const { UploadId } = await client.send(
        new CreateMultipartUploadCommand({ Bucket, Key, ServerSideEncryption: 'AES256' }),
      );
      const a = await client.send(
        new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: bytes(5 * MiB, seed) }),
      );
      const b = await client.send(
        new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 2, Body: bytes(100, seed) }),
      );
      const done = await client.send(
        new CompleteMultipartUploadCommand({
          Bucket,
          Key,
          UploadId,
          MultipartUpload: {
            Parts: [
              { PartNumber: 1, ETag: a.ETag },
              { PartNumber: 2, ETag: b.ETag },
            ],
          },
        }),
      );
      expect(done.ServerSideEncryption).toBe('AES256');
    }
    expect((await read(Key)).equals(Buffer.concat([bytes(5 * MiB, 22), bytes(100, 22)]))).toBe(true);
    expect(contentFiles()).toHaveLength(2);
  }, 60_000);
});

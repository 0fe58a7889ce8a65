// The bucket browser's data paths against the real emulator in-process, with the real SDK clients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { startTestEmulator, type TestEmulator } from '../../../emulator/testing';
import { activateSession, AwsSession } from '../session';
import { parseConfig } from '../config';
import { CredentialStore } from '../credentials';
import { rowsOf } from '../paging';
import { createFolder, deleteObjectBatch, headObject, listKeys, listObjects, objectExists } from './api';
import { presignGet, presignUploadLink } from './presign';
import { uploadObject } from './transfer';

let emu: TestEmulator;
let s3: S3Client;
const expiresAt = new Date(Date.now() + 20 * 60_000);

beforeAll(async () => {
  emu = await startTestEmulator();
  const config = parseConfig({
    regions: [emu.region],
    endpoint: emu.url,
    auth: { mode: 'static', ...emu.credentials },
  });
  activateSession(
    new AwsSession(config, new CredentialStore(async () => ({ ...emu.credentials, expiration: expiresAt }))),
  );
  s3 = new S3Client({ ...emu.clientConfig, forcePathStyle: true });
});

afterAll(async () => {
  activateSession(undefined);
  await emu?.dispose();
});

async function bucketWith(name: string, keys: string[]): Promise<string> {
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: name, Key: key, Body: key }));
  return name;
}

const md5 = (data: Uint8Array) => createHash('md5').update(data).digest('hex');

describe('listing', () => {
  it('shows sub-folders first, then objects, named relative to the folder, without the folder marker', async () => {
    const bucket = await bucketWith('list-a', [
      'docs/',
      'docs/b.txt',
      'docs/a/x.txt',
      'docs/c/',
      'docs/0.txt',
      'top.txt',
    ]);
    const page = await listObjects({ region: emu.region, bucket, prefix: 'docs/' });
    expect(page.items.map((e) => `${e.kind}:${e.name}`)).toEqual([
      'folder:a/',
      'folder:c/',
      'object:0.txt',
      'object:b.txt',
    ]);
    expect(page.nextToken).toBeUndefined();
  });

  it('searches by key prefix within the folder (S3 does the search)', async () => {
    const bucket = await bucketWith('list-b', ['logs/app-1.txt', 'logs/app-2.txt', 'logs/web-1.txt', 'logs/apples/x']);
    const page = await listObjects({ region: emu.region, bucket, prefix: 'logs/app', folder: 'logs/' });
    expect(page.items.map((e) => e.name)).toEqual(['apples/', 'app-1.txt', 'app-2.txt']);
  });

  it('pages through ContinuationToken', async () => {
    const bucket = await bucketWith(
      'list-c',
      Array.from({ length: 5 }, (_, i) => `k${i}`),
    );
    const first = await listObjects({ region: emu.region, bucket, prefix: '', maxKeys: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextToken).toBeDefined();
    const second = await listObjects({ region: emu.region, bucket, prefix: '', maxKeys: 3, token: first.nextToken! });
    expect(rowsOf({ pages: [first, second] }).map((e) => e.key)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
  });

  it('creates a folder as a zero-byte "name/" key and lists every key under a prefix', async () => {
    const bucket = await bucketWith('list-d', ['a/1', 'a/b/2']);
    await createFolder({ region: emu.region, bucket, key: 'a/new' });
    expect((await headObject({ region: emu.region, bucket, key: 'a/new/' })).size).toBe(0);
    expect((await listKeys({ region: emu.region, bucket, prefix: 'a/' })).items).toEqual(['a/1', 'a/b/2', 'a/new/']);
  });
});

describe('delete', () => {
  it('deletes a batch and reports the keys S3 refused', async () => {
    const bucket = await bucketWith('del-a', ['x', 'y']);
    const result = await deleteObjectBatch({ region: emu.region, bucket, keys: ['x', 'y'] });
    expect(result).toEqual({ deleted: 2, errors: [] });
    expect(await objectExists({ region: emu.region, bucket, key: 'x' })).toBe(false);
  });
});

describe('uploads', () => {
  it('puts a small file with its content type and SSE choice', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'up-a' }));
    const body = new Blob(['{"a":1}'], { type: 'application/json' });
    const seen: number[] = [];
    await uploadObject(
      { region: emu.region, bucket: 'up-a', key: 'dir/a.json', body, serverSideEncryption: 'AES256' },
      { signal: new AbortController().signal, onProgress: (n) => seen.push(n) },
    );
    const head = await headObject({ region: emu.region, bucket: 'up-a', key: 'dir/a.json' });
    expect(head.contentType).toBe('application/json');
    expect(head.size).toBe(7);
    expect(seen.at(-1)).toBe(7);
  });

  it('uploads multipart with progress, and a 500 on one part is retried: the object arrives intact', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'up-b' }));
    const data = randomBytes(20 * 1024 * 1024 + 123);
    await emu.admin('faults', {
      service: 's3',
      operation: 'UploadPart',
      count: 1,
      error: { code: 'InternalError', status: 500 },
    });
    const seen: number[] = [];
    await uploadObject(
      { region: emu.region, bucket: 'up-b', key: 'big.bin', body: new Blob([data]) },
      { signal: new AbortController().signal, onProgress: (n) => seen.push(n) },
    );
    const out = await s3.send(new GetObjectCommand({ Bucket: 'up-b', Key: 'big.bin' }));
    const got = await out.Body!.transformToByteArray();
    expect(got.length).toBe(data.length);
    expect(md5(got)).toBe(md5(data));
    expect(seen.at(-1)).toBe(data.length);
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: 'up-b' }))).Uploads ?? []).toEqual([]);
  });

  it('cancelled half-way leaves no multipart upload behind', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'up-c' }));
    // Slow parts, so the cancel lands while parts are in flight.
    await emu.admin('faults', { service: 's3', operation: 'UploadPart', count: 100, latencyMs: 400 });
    const controller = new AbortController();
    const done = uploadObject(
      { region: emu.region, bucket: 'up-c', key: 'big.bin', body: new Blob([randomBytes(40 * 1024 * 1024)]) },
      { signal: controller.signal },
    );
    for (let i = 0; i < 100; i++) {
      const listed = await s3.send(new ListMultipartUploadsCommand({ Bucket: 'up-c' }));
      if ((listed.Uploads ?? []).length > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    controller.abort();
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    await emu.admin('faults', undefined, 'DELETE');
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: 'up-c' }))).Uploads ?? []).toEqual([]);
    expect(await objectExists({ region: emu.region, bucket: 'up-c', key: 'big.bin' })).toBe(false);
  });

  it('a failed upload (every attempt refused) aborts its multipart upload too', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'up-d' }));
    await emu.admin('faults', {
      service: 's3',
      operation: 'UploadPart',
      count: 100,
      error: { code: 'InternalError', status: 500 },
    });
    await expect(
      uploadObject(
        { region: emu.region, bucket: 'up-d', key: 'big.bin', body: new Blob([randomBytes(17 * 1024 * 1024)]) },
        { signal: new AbortController().signal },
      ),
    ).rejects.toMatchObject({ name: 'InternalError' });
    await emu.admin('faults', undefined, 'DELETE');
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: 'up-d' }))).Uploads ?? []).toEqual([]);
  });
});

describe('presigned download', () => {
  it('returns the same bytes, as an attachment, and the link ends no later than the credentials', async () => {
    const bucket = await bucketWith('pre-a', []);
    const data = randomBytes(3000);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'r\u00e9sum\u00e9 1.pdf', Body: data }));
    const link = await presignGet({
      region: emu.region,
      bucket,
      key: 'r\u00e9sum\u00e9 1.pdf',
      expiresIn: 7 * 24 * 3600,
      asAttachment: true,
    });
    const res = await fetch(link.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''r%C3%A9sum%C3%A9%201.pdf");
    expect(md5(new Uint8Array(await res.arrayBuffer()))).toBe(md5(data));
    expect(link.isCutShort).toBe(true);
    expect(link.expiresAt.getTime()).toBe(expiresAt.getTime());
  });
});

describe('upload link (presigned POST)', () => {
  it('lets anyone with it upload under the prefix, within the size range', async () => {
    const bucket = await bucketWith('post-a', []);
    const link = await presignUploadLink({
      region: emu.region,
      bucket,
      prefix: 'drop/',
      minBytes: 1,
      maxBytes: 100,
      contentTypePrefix: '',
      expiresIn: 600,
    });
    const send = (body: string, name: string) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(link.fields)) form.append(k, v);
      form.append('file', new Blob([body]), name);
      return fetch(link.url, { method: 'POST', body: form });
    };
    expect((await send('hello', 'a.txt')).status).toBe(204);
    expect(await objectExists({ region: emu.region, bucket, key: 'drop/a.txt' })).toBe(true);
    const big = await send('x'.repeat(101), 'big.txt');
    expect(big.status).toBe(400);
    expect(await big.text()).toContain('EntityTooLarge');
    expect(link.isCutShort).toBe(false);
  });
});

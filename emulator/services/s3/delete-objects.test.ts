import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { TestEmulator } from '../../testing.js';
import { errorOf, signedFetch, startS3Test } from './test-helpers.js';

let emu: TestEmulator;
let s3: S3Client;
const Bucket = 'delete-many';
beforeAll(async () => {
  ({ emu, s3 } = await startS3Test());
  await s3.send(new CreateBucketCommand({ Bucket }));
});
afterAll(async () => emu.dispose());

const put = (Key: string) => s3.send(new PutObjectCommand({ Bucket, Key, Body: Key }));

describe('DeleteObjects', () => {
  test('deletes many keys, reports each, and missing keys count as deleted', async () => {
    await Promise.all(['a', 'b & c', 'dir/ü'].map(put));
    const out = await s3.send(
      new DeleteObjectsCommand({
        Bucket,
        Delete: { Objects: [{ Key: 'a' }, { Key: 'b & c' }, { Key: 'dir/ü' }, { Key: 'never-existed' }] },
      }),
    );
    expect(out.Deleted?.map((d) => d.Key).sort()).toEqual(['a', 'b & c', 'dir/ü', 'never-existed']);
    expect(out.Errors ?? []).toEqual([]);
    const left = await s3.send(new ListObjectsV2Command({ Bucket }));
    expect(left.KeyCount).toBe(0);
  });

  test('Quiet mode reports only errors', async () => {
    await put('q1');
    const out = await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Quiet: true, Objects: [{ Key: 'q1' }] } }));
    expect(out.Deleted ?? []).toEqual([]);
    expect(out.Errors ?? []).toEqual([]);
  });

  test('1,000 keys are accepted, 1,001 are MalformedXML', async () => {
    const thousand = Array.from({ length: 1000 }, (_, i) => ({ Key: `k${i}` }));
    const ok = await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: thousand, Quiet: true } }));
    expect(ok.Errors ?? []).toEqual([]);
    const e = await errorOf(
      s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [...thousand, { Key: 'one-more' }] } })),
    );
    expect(e.name).toBe('MalformedXML');
  });

  test('without Content-MD5 or a checksum the request is refused', async () => {
    const body = '<Delete><Object><Key>x</Key></Object></Delete>';
    const res = await signedFetch(emu, 'POST', `/${Bucket}?delete`, { body });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Missing required header for this request: Content-MD5');
    const withMd5 = await signedFetch(emu, 'POST', `/${Bucket}?delete`, {
      body,
      headers: { 'content-md5': createHash('md5').update(body).digest('base64') },
    });
    expect(withMd5.status).toBe(200);
    expect(await withMd5.text()).toContain('<Deleted><Key>x</Key></Deleted>');
  });

  test('bad XML is MalformedXML; a missing bucket NoSuchBucket', async () => {
    const body = '<Delete><Object><Key>x</Key></Object>';
    const res = await signedFetch(emu, 'POST', `/${Bucket}?delete`, {
      body,
      headers: { 'content-md5': createHash('md5').update(body).digest('base64') },
    });
    expect(await res.text()).toContain('<Code>MalformedXML</Code>');
    expect(
      (
        await errorOf(
          s3.send(new DeleteObjectsCommand({ Bucket: 'no-such-bucket', Delete: { Objects: [{ Key: 'x' }] } })),
        )
      ).name,
    ).toBe('NoSuchBucket');
  });
});

describe('hostile XML', () => {
  test('a DTD with entity declarations is MalformedXML, not expanded', async () => {
    const body =
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><Delete><Object><Key>&b;</Key></Object></Delete>';
    const res = await signedFetch(emu, 'POST', `/${Bucket}?delete`, {
      body,
      headers: { 'content-md5': createHash('md5').update(body).digest('base64') },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>MalformedXML</Code>');
  });
});

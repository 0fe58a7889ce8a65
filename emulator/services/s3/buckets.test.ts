import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketCorsCommand,
  GetBucketCorsCommand,
  GetBucketLocationCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { TestEmulator } from '../../testing.js';
import { errorOf, signedFetch, startS3Test } from './test-helpers.js';

let emu: TestEmulator;
let s3: S3Client;
beforeAll(async () => ({ emu, s3 } = await startS3Test()));
afterAll(async () => emu.dispose());

describe('buckets', () => {
  test('create, list, head, location, delete', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'alpha-bucket' }));
    const list = await s3.send(new ListBucketsCommand({}));
    expect(list.Buckets?.map((b) => b.Name)).toContain('alpha-bucket');
    expect(list.Buckets?.[0]?.CreationDate).toBeInstanceOf(Date);
    expect(list.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    const head = await s3.send(new HeadBucketCommand({ Bucket: 'alpha-bucket' }));
    expect(head.BucketRegion).toBe('us-east-1');
    const loc = await s3.send(new GetBucketLocationCommand({ Bucket: 'alpha-bucket' }));
    expect(loc.LocationConstraint).toBeUndefined();
    await s3.send(new DeleteBucketCommand({ Bucket: 'alpha-bucket' }));
    expect((await errorOf(s3.send(new HeadBucketCommand({ Bucket: 'alpha-bucket' })))).name).toBe('NotFound');
  });

  test('a bucket in another region reports that region', async () => {
    const west = new S3Client({ ...emu.clientConfig, region: 'eu-west-1', forcePathStyle: true });
    await west.send(
      new CreateBucketCommand({
        Bucket: 'west-bucket',
        CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
      }),
    );
    expect((await west.send(new GetBucketLocationCommand({ Bucket: 'west-bucket' }))).LocationConstraint).toBe(
      'eu-west-1',
    );
  });

  test.each([
    'ab',
    'Upper-Case',
    'under_score',
    '-leading',
    'trailing-',
    'two..dots',
    '192.168.1.1',
    'xn--punycode',
    'a'.repeat(64),
  ])('refuses the bucket name %s', async (name) => {
    const e = await errorOf(s3.send(new CreateBucketCommand({ Bucket: name })));
    expect(e.name).toBe('InvalidBucketName');
    expect(e.$metadata?.httpStatusCode).toBe(400);
  });

  test('creating a bucket twice is BucketAlreadyOwnedByYou', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'twice-bucket' }));
    const e = await errorOf(s3.send(new CreateBucketCommand({ Bucket: 'twice-bucket' })));
    expect(e.name).toBe('BucketAlreadyOwnedByYou');
    expect(e.$metadata?.httpStatusCode).toBe(409);
  });

  test('a bucket with objects cannot be deleted', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'full-bucket' }));
    await s3.send(new PutObjectCommand({ Bucket: 'full-bucket', Key: 'x', Body: 'x' }));
    expect((await errorOf(s3.send(new DeleteBucketCommand({ Bucket: 'full-bucket' })))).name).toBe('BucketNotEmpty');
  });

  test('missing buckets are NoSuchBucket', async () => {
    expect((await errorOf(s3.send(new DeleteBucketCommand({ Bucket: 'no-such-bucket' })))).name).toBe('NoSuchBucket');
    expect((await errorOf(s3.send(new GetBucketLocationCommand({ Bucket: 'no-such-bucket' })))).name).toBe(
      'NoSuchBucket',
    );
    expect((await errorOf(s3.send(new PutObjectCommand({ Bucket: 'no-such-bucket', Key: 'k', Body: 'x' })))).name).toBe(
      'NoSuchBucket',
    );
  });

  test('bucket CORS: none, put, get, delete', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'cors-bucket' }));
    expect((await errorOf(s3.send(new GetBucketCorsCommand({ Bucket: 'cors-bucket' })))).name).toBe(
      'NoSuchCORSConfiguration',
    );
    const rule = {
      ID: 'console',
      AllowedOrigins: ['http://localhost:5173'],
      AllowedMethods: ['GET', 'PUT'],
      AllowedHeaders: ['authorization', 'content-type'],
      ExposeHeaders: ['ETag'],
      MaxAgeSeconds: 3000,
    };
    await s3.send(new PutBucketCorsCommand({ Bucket: 'cors-bucket', CORSConfiguration: { CORSRules: [rule] } }));
    const got = await s3.send(new GetBucketCorsCommand({ Bucket: 'cors-bucket' }));
    expect(got.CORSRules).toEqual([rule]);
    const bad = await errorOf(
      s3.send(
        new PutBucketCorsCommand({
          Bucket: 'cors-bucket',
          CORSConfiguration: { CORSRules: [{ ...rule, AllowedMethods: ['PATCH'] }] },
        }),
      ),
    );
    expect(bad.name).toBe('InvalidRequest');
    await s3.send(new DeleteBucketCorsCommand({ Bucket: 'cors-bucket' }));
    expect((await errorOf(s3.send(new GetBucketCorsCommand({ Bucket: 'cors-bucket' })))).name).toBe(
      'NoSuchCORSConfiguration',
    );
  });

  test('errors carry S3 XML with request ids', async () => {
    const res = await signedFetch(emu, 'GET', '/no-such-bucket?list-type=2');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amz-request-id')).toBeTruthy();
    expect(res.headers.get('x-amz-id-2')).toBeTruthy();
    const body = await res.text();
    expect(body).toMatch(
      /<Error><Code>NoSuchBucket<\/Code><Message>[^<]+<\/Message><BucketName>no-such-bucket<\/BucketName><RequestId>/,
    );
  });

  test('bad XML is MalformedXML', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'xml-bucket' }));
    const body = '<CORSConfiguration><CORSRule>';
    const md5 = createHash('md5').update(body).digest('base64');
    const res = await signedFetch(emu, 'PUT', '/xml-bucket?cors', { body, headers: { 'content-md5': md5 } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>MalformedXML</Code>');
  });
});

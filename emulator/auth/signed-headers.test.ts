import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { errorOf, startTestEmulator, type TestEmulator } from '../testing.js';
import { rawRequest, signRequest } from '../testing-http.js';
import { withHeaders } from '../testing-middleware.js';

/** A client that adds `headers` after signing, as someone replaying a signed request would. */
const addAfterSigning = <T extends { middlewareStack: unknown }>(client: T, headers: Record<string, string>): T =>
  withHeaders(client, headers, 'after-signing');

describe('every x-amz-* header, Host and Content-MD5 must be signed', () => {
  let emu: TestEmulator;
  let s3: S3Client;
  beforeAll(async () => {
    emu = await startTestEmulator();
    s3 = new S3Client({ ...emu.clientConfig, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'uploads' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'vault' }));
    await s3.send(new PutObjectCommand({ Bucket: 'vault', Key: 'secret.txt', Body: 'the secret' }));
  });
  afterAll(() => emu.dispose());

  it('refuses a presigned PUT turned into a CopyObject with an added x-amz-copy-source', async () => {
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'uploads', Key: 'drop.txt' }), {
      expiresIn: 300,
    });
    const smuggled = await fetch(url, { method: 'PUT', headers: { 'x-amz-copy-source': '/vault/secret.txt' } });
    expect(smuggled.status).toBe(403);
    const text = await smuggled.text();
    expect(text).toContain('<Code>AccessDenied</Code>');
    expect(text).toContain('<Message>There were headers present in the request which were not signed</Message>');
    expect(text).toContain('<HeadersNotSigned>x-amz-copy-source</HeadersNotSigned>');
    expect((await errorOf(s3.send(new HeadObjectCommand({ Bucket: 'uploads', Key: 'drop.txt' })))).name).toBe(
      'NotFound',
    );

    // The URL still does what it was signed for.
    const plain = await fetch(url, { method: 'PUT', body: 'my upload' });
    expect(plain.status).toBe(200);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'drop.txt' }));
    expect(await got.Body?.transformToString()).toBe('my upload');
  });

  it('refuses x-amz-meta-* added to a header-signed PUT, and Content-MD5 added unsigned', async () => {
    const tampered = addAfterSigning(new S3Client({ ...emu.clientConfig, forcePathStyle: true }), {
      'x-amz-meta-owner': 'mallory',
    });
    const err = await errorOf(tampered.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'meta.txt', Body: 'x' })));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe('There were headers present in the request which were not signed');
    expect(err.$metadata?.httpStatusCode).toBe(403);

    const md5 = addAfterSigning(new S3Client({ ...emu.clientConfig, forcePathStyle: true }), {
      'content-md5': 'nZtBgUAr6cOFJG1F6alUDQ==',
    });
    expect((await errorOf(md5.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'md5.txt', Body: 'x' })))).name).toBe(
      'AccessDenied',
    );
    expect((await errorOf(s3.send(new HeadObjectCommand({ Bucket: 'uploads', Key: 'meta.txt' })))).name).toBe(
      'NotFound',
    );
  });

  it('refuses a request signed without Host, which could be replayed against another virtual-host bucket', async () => {
    const port = new URL(emu.url).port;
    const signed = await signRequest(emu, {
      service: 's3',
      path: '/secret.txt',
      headers: { host: `uploads.localhost:${port}` },
      unsigned: ['host'],
    });
    const replayed = await rawRequest(emu.url, {
      path: signed.path,
      headers: { ...signed.headers, host: `vault.localhost:${port}` },
    });
    expect(replayed.status).toBe(403);
    expect(replayed.text).toContain('<HeadersNotSigned>host</HeadersNotSigned>');
    expect(replayed.text).not.toContain('the secret');

    // Signed with Host, the same request is bound to its bucket: replayed elsewhere, the signature fails.
    const bound = await signRequest(emu, {
      service: 's3',
      path: '/secret.txt',
      headers: { host: `vault.localhost:${port}` },
    });
    expect((await rawRequest(emu.url, { path: bound.path, headers: bound.headers })).text).toBe('the secret');
    const moved = await rawRequest(emu.url, {
      path: bound.path,
      headers: { ...bound.headers, host: `uploads.localhost:${port}` },
    });
    expect(moved.status).toBe(403);
    expect(moved.text).toContain('SignatureDoesNotMatch');
  });

  it('refuses unsigned x-amz-* headers on the JSON and query services with their signature errors', async () => {
    const ddb = addAfterSigning(new DynamoDBClient(emu.clientConfig), { 'x-amz-meta-x': '1' });
    const ddbErr = await errorOf(ddb.send(new ListTablesCommand({})));
    expect(ddbErr.name).toBe('IncompleteSignatureException');
    expect(ddbErr.message).toContain('x-amz-meta-x');

    const sts = addAfterSigning(new STSClient(emu.clientConfig), { 'x-amz-security-token': 'stolen' });
    expect((await errorOf(sts.send(new GetCallerIdentityCommand({})))).name).toBe('IncompleteSignature');

    // Untampered clients of every protocol, with the SDK's defaults, still pass.
    await expect(new DynamoDBClient(emu.clientConfig).send(new ListTablesCommand({}))).resolves.toMatchObject({
      TableNames: [],
    });
    await expect(new STSClient(emu.clientConfig).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
      Account: emu.accountId,
    });
  });
});

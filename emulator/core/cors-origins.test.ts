import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DEMO_CLIENT_ID } from '../seed/accounts.js';
import { errorOf, startTestEmulator, type TestEmulator } from '../testing.js';
import { responseOf, withHeaders } from '../testing-middleware.js';

const CONSOLE = 'http://localhost:5173';
const EVIL = 'https://evil.example';

/** A client whose requests carry `Origin`, as a browser page's would. */
const fromOrigin = <T extends { middlewareStack: unknown }>(client: T, origin: string): T =>
  withHeaders(client, { origin }, 'before-signing');

const preflight = (
  url: string,
  origin: string,
  method = 'PUT',
  headers = 'authorization,x-amz-date,x-amz-content-sha256',
) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
  });

describe('CORS: only configured origins may drive the emulator from a browser', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ seed: true });
    const s3 = new S3Client({ ...emu.clientConfig, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'data' }));
    await s3.send(new PutObjectCommand({ Bucket: 'data', Key: 'keep.txt', Body: 'keep me' }));
  });
  afterAll(() => emu.dispose());

  it('answers preflights from the dev and preview origins, in both loopback spellings, and no other', async () => {
    for (const origin of [CONSOLE, 'http://127.0.0.1:5173', 'http://localhost:4173', 'http://127.0.0.1:4173']) {
      const res = await preflight(`${emu.url}/data/x`, origin);
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    }
    for (const origin of [EVIL, 'null', 'http://localhost:5174', 'http://localhost.evil.example:5173']) {
      const res = await preflight(`${emu.url}/data/x`, origin);
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('gives a sign-in from another site no CORS headers and refuses its signed calls, while the console origin works', async () => {
    const signIn = (origin: string) =>
      fetch(emu.url, {
        method: 'POST',
        headers: {
          origin,
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
        },
        body: JSON.stringify({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: DEMO_CLIENT_ID,
          AuthParameters: { USERNAME: 'alice', PASSWORD: 'Alice-demo-1' },
        }),
      });
    const evilSignIn = await signIn(EVIL);
    expect(evilSignIn.headers.get('access-control-allow-origin')).toBeNull();
    expect(await evilSignIn.text()).not.toContain('IdToken');
    const consoleSignIn = await signIn(CONSOLE);
    expect(consoleSignIn.status).toBe(200);
    expect(consoleSignIn.headers.get('access-control-allow-origin')).toBe(CONSOLE);

    const evilS3 = fromOrigin(new S3Client({ ...emu.clientConfig, forcePathStyle: true }), EVIL);
    const denied = await responseOf(evilS3, () =>
      evilS3.send(new DeleteObjectCommand({ Bucket: 'data', Key: 'keep.txt' })),
    );
    expect(denied.status).toBe(403);
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    const err = await errorOf(evilS3.send(new DeleteObjectCommand({ Bucket: 'data', Key: 'keep.txt' })));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toContain('--cors-origin');
    const plain = new S3Client({ ...emu.clientConfig, forcePathStyle: true });
    await expect(plain.send(new HeadObjectCommand({ Bucket: 'data', Key: 'keep.txt' }))).resolves.toBeDefined();
    expect(
      (await errorOf(fromOrigin(new DynamoDBClient(emu.clientConfig), EVIL).send(new ListTablesCommand({})))).name,
    ).toBe('AccessDeniedException');

    const consoleS3 = fromOrigin(new S3Client({ ...emu.clientConfig, forcePathStyle: true }), CONSOLE);
    await consoleS3.send(new PutObjectCommand({ Bucket: 'data', Key: 'scratch.txt', Body: 'x' }));
    const deleted = await responseOf(consoleS3, () =>
      consoleS3.send(new DeleteObjectCommand({ Bucket: 'data', Key: 'scratch.txt' })),
    );
    expect(deleted.status).toBe(204);
    expect(deleted.headers['access-control-allow-origin']).toBe(CONSOLE);
  });

  it("lets an origin a bucket's CORS rule allows use that bucket, with the rule's methods and headers only", async () => {
    const app = 'https://app.example';
    const s3 = new S3Client({ ...emu.clientConfig, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'shared' }));
    await s3.send(new PutObjectCommand({ Bucket: 'shared', Key: 'hello.txt', Body: 'hello' }));
    await s3.send(
      new PutBucketCorsCommand({
        Bucket: 'shared',
        CORSConfiguration: {
          CORSRules: [
            {
              AllowedOrigins: [app],
              AllowedMethods: ['GET', 'PUT'],
              AllowedHeaders: ['authorization', 'x-amz-*'],
              ExposeHeaders: ['ETag'],
              MaxAgeSeconds: 600,
            },
          ],
        },
      }),
    );
    const ok = await preflight(`${emu.url}/shared/hello.txt`, app, 'PUT', 'authorization,x-amz-date');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(app);
    expect(ok.headers.get('access-control-allow-methods')).toBe('GET, PUT');
    expect(ok.headers.get('access-control-max-age')).toBe('600');
    expect((await preflight(`${emu.url}/shared/hello.txt`, app, 'DELETE')).status).toBe(403);
    expect((await preflight(`${emu.url}/shared/hello.txt`, app, 'PUT', 'authorization,content-md5')).status).toBe(403);
    expect((await preflight(`${emu.url}/data/keep.txt`, app, 'GET')).status).toBe(403);

    const fromApp = fromOrigin(new S3Client({ ...emu.clientConfig, forcePathStyle: true }), app);
    const got = await fromApp.send(new GetObjectCommand({ Bucket: 'shared', Key: 'hello.txt' }));
    expect(await got.Body?.transformToString()).toBe('hello');
    const watched = fromOrigin(new S3Client({ ...emu.clientConfig, forcePathStyle: true }), app);
    const seen = await responseOf(watched, () =>
      watched.send(new GetObjectCommand({ Bucket: 'shared', Key: 'hello.txt' })),
    );
    expect(seen.headers['access-control-allow-origin']).toBe(app);
    expect(seen.headers['access-control-expose-headers']).toBe('ETag');
    expect((await errorOf(fromApp.send(new DeleteObjectCommand({ Bucket: 'shared', Key: 'hello.txt' })))).name).toBe(
      'AccessDenied',
    );
    expect((await errorOf(fromApp.send(new GetObjectCommand({ Bucket: 'data', Key: 'keep.txt' })))).name).toBe(
      'AccessDenied',
    );
  });
});

describe('CORS configuration', () => {
  it('adds origins given as corsOrigins, and "*" allows any page', async () => {
    const some = await startTestEmulator({ corsOrigins: ['https://tools.example'] });
    const any = await startTestEmulator({ corsOrigins: ['*'] });
    try {
      expect(
        (await preflight(`${some.url}/b/k`, 'https://tools.example')).headers.get('access-control-allow-origin'),
      ).toBe('https://tools.example');
      expect((await preflight(`${some.url}/b/k`, CONSOLE)).status).toBe(200);
      expect((await preflight(`${some.url}/b/k`, EVIL)).status).toBe(403);
      expect((await preflight(`${any.url}/b/k`, EVIL)).headers.get('access-control-allow-origin')).toBe(EVIL);
    } finally {
      await some.dispose();
      await any.dispose();
    }
  });

  it('uses only the given console origins when there are some (the e2e stack passes its own)', async () => {
    const emu = await startTestEmulator({ consoleOrigins: ['http://127.0.0.1:41234'] });
    try {
      expect((await preflight(`${emu.url}/b/k`, 'http://127.0.0.1:41234')).status).toBe(200);
      expect((await preflight(`${emu.url}/b/k`, CONSOLE)).status).toBe(403);
    } finally {
      await emu.dispose();
    }
  });

  it('refuses an option that is not an origin', async () => {
    await expect(startTestEmulator({ corsOrigins: ['evil.example'] })).rejects.toThrow(/not an origin/);
  });
});

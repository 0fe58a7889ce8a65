import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketCorsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost, type PresignedPost } from '@aws-sdk/s3-presigned-post';
import type { TestEmulator } from '../../testing.js';
import { FormReader } from './form-data.js';
import { errorOf, startS3Test } from './test-helpers.js';

let emu: TestEmulator;
let s3: S3Client;
const Bucket = 'post-uploads';

beforeAll(async () => {
  ({ emu, s3 } = await startS3Test());
  await s3.send(new CreateBucketCommand({ Bucket }));
});
afterAll(async () => emu.dispose());

/** A policy as the console makes it: files under `incoming/`, 1 B – 1 KiB, text only, 10 minutes. */
function uploadLink(overrides: Partial<Parameters<typeof createPresignedPost>[1]> = {}): Promise<PresignedPost> {
  return createPresignedPost(s3, {
    Bucket,
    Key: 'incoming/${filename}',
    Conditions: [
      ['content-length-range', 1, 1024],
      ['starts-with', '$Content-Type', 'text/'],
    ],
    Expires: 600,
    ...overrides,
  });
}

async function post(
  link: PresignedPost,
  body: string | Uint8Array<ArrayBuffer>,
  extra: Record<string, string> = {},
  options: { filename?: string; headers?: Record<string, string>; drop?: string[] } = {},
): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...link.fields, 'Content-Type': 'text/plain', ...extra }))
    if (!options.drop?.includes(k)) form.append(k, v);
  form.append('file', new Blob([body]), options.filename ?? 'hello.txt');
  return fetch(link.url, { method: 'POST', body: form, ...(options.headers ? { headers: options.headers } : {}) });
}

const codeOf = async (res: Response) => /<Code>([^<]+)<\/Code>/.exec(await res.text())?.[1];
/** The error message, XML entities decoded. */
const messageOf = async (res: Response) =>
  (/<Message>([^<]*)<\/Message>/.exec(await res.text())?.[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('POST Object with a presigned policy', () => {
  test('stores the file under the key with ${filename} replaced, with its content type', async () => {
    const res = await post(await uploadLink(), 'hello world');
    expect(res.status).toBe(204);
    expect(res.headers.get('etag')).toBe('"5eb63bbbe01eeed093cb22bb8f5acdc3"');
    const out = await s3.send(new GetObjectCommand({ Bucket, Key: 'incoming/hello.txt' }));
    expect(await out.Body!.transformToString()).toBe('hello world');
    expect(out.ContentType).toBe('text/plain');
  });

  test('answers 201 with a PostResponse document when success_action_status says so', async () => {
    const link = await uploadLink({
      Fields: { success_action_status: '201' },
      Conditions: [['content-length-range', 1, 1024], { success_action_status: '201' }],
    });
    const res = await post(link, 'x', { success_action_status: '201' }, { drop: ['Content-Type'] });
    expect(res.status).toBe(201);
    expect(await res.text()).toContain('<Key>incoming/hello.txt</Key>');
  });

  test('refuses a file over the size range (EntityTooLarge) or under it (EntityTooSmall), storing nothing', async () => {
    const big = await post(await uploadLink(), new Uint8Array(1025), {}, { filename: 'big.txt' });
    expect(big.status).toBe(400);
    const text = await big.text();
    expect(text).toContain('<Code>EntityTooLarge</Code>');
    expect(text).toContain('<MaxSizeAllowed>1024</MaxSizeAllowed>');
    const small = await post(await uploadLink(), '', {}, { filename: 'small.txt' });
    expect(await codeOf(small)).toBe('EntityTooSmall');
    for (const Key of ['incoming/big.txt', 'incoming/small.txt'])
      expect((await errorOf(s3.send(new HeadObjectCommand({ Bucket, Key })))).name).toBe('NotFound');
  });

  test('refuses an expired policy, a key outside the prefix, a wrong content type and unlisted fields (AccessDenied)', async () => {
    const expired = await post(await uploadLink({ Expires: -10 }), 'x');
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Invalid according to Policy: Policy expired.');

    const outside = await post(await uploadLink(), 'x', { key: 'elsewhere/x.txt' });
    expect(await messageOf(outside)).toContain('Policy Condition failed: ["starts-with","$key","incoming/"]');

    const type = await post(await uploadLink(), 'x', { 'Content-Type': 'image/png' });
    expect(await messageOf(type)).toContain('Policy Condition failed: ["starts-with","$Content-Type","text/"]');

    const extra = await post(await uploadLink(), 'x', { 'x-amz-meta-owner': 'mallory' });
    expect(await messageOf(extra)).toContain('Extra input fields: x-amz-meta-owner');

    const bucketEq = await uploadLink({
      Conditions: [
        ['eq', '$bucket', 'another-bucket'],
        ['content-length-range', 1, 1024],
      ],
    });
    const wrongBucket = await post(bucketEq, 'x', {}, { drop: ['Content-Type'] });
    expect(await messageOf(wrongBucket)).toContain('Policy Condition failed: ["eq","$bucket","another-bucket"]');
  });

  test('refuses a policy changed after signing (SignatureDoesNotMatch) and a form without a signature', async () => {
    const link = await uploadLink();
    const policy = JSON.parse(Buffer.from(link.fields.Policy!, 'base64').toString()) as { conditions: unknown[] };
    policy.conditions = policy.conditions.map((c) =>
      Array.isArray(c) && c[0] === 'content-length-range' ? ['content-length-range', 1, 10 ** 9] : c,
    );
    const forged = {
      ...link,
      fields: { ...link.fields, Policy: Buffer.from(JSON.stringify(policy)).toString('base64') },
    };
    const res = await post(forged, 'x');
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe('SignatureDoesNotMatch');
    const unsigned = await post(link, 'x', {}, { drop: ['X-Amz-Signature'] });
    expect(await codeOf(unsigned)).toBe('InvalidArgument');
  });

  test("checks the signer's role for s3:PutObject on the key", async () => {
    const file = join(emu.dataDir, 'auth', 'roles', 'EmulatorAdmin.json');
    writeFileSync(
      file,
      JSON.stringify({
        RoleName: 'EmulatorAdmin',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3:*', Resource: '*' },
            { Effect: 'Deny', Action: 's3:PutObject', Resource: `arn:aws:s3:::${Bucket}/incoming/locked*` },
          ],
        },
      }),
    );
    try {
      const res = await post(await uploadLink(), 'x', {}, { filename: 'locked.txt' });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain(`s3:PutObject on resource: arn:aws:s3:::${Bucket}/incoming/locked.txt`);
    } finally {
      writeFileSync(
        file,
        JSON.stringify({
          RoleName: 'EmulatorAdmin',
          PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
        }),
      );
    }
  });

  test("answers a browser's POST with CORS headers only for origins the bucket's CORS rules allow", async () => {
    await s3.send(
      new PutBucketCorsCommand({
        Bucket,
        CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['https://forms.example.com'], AllowedMethods: ['POST'] }] },
      }),
    );
    const allowed = await post(
      await uploadLink(),
      'a',
      {},
      { filename: 'a.txt', headers: { origin: 'https://forms.example.com' } },
    );
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://forms.example.com');
    const other = await post(
      await uploadLink(),
      'b',
      {},
      { filename: 'b.txt', headers: { origin: 'https://evil.example' } },
    );
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('FormReader', () => {
  test('reads fields and streams the file across any chunk split, ignoring the preamble', async () => {
    const boundary = '----b0undary';
    const body = Buffer.from(
      `preamble\r\n--${boundary}\r\nContent-Disposition: form-data; name="key"\r\n\r\na/b.txt\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="we \\"ird\\".txt"\r\nContent-Type: text/plain\r\n\r\n` +
        `line1\r\n--not-the-boundary\r\nline2\r\n--${boundary}--\r\n`,
    );
    for (const size of [1, 2, 7, 64, body.length]) {
      const chunks = async function* () {
        for (let i = 0; i < body.length; i += size) yield body.subarray(i, i + size);
      };
      const form = new FormReader(chunks(), boundary);
      expect(await form.next()).toEqual({ name: 'key' });
      expect(await form.text()).toBe('a/b.txt');
      expect(await form.next()).toEqual({ name: 'file', filename: 'we "ird".txt', contentType: 'text/plain' });
      const parts: Buffer[] = [];
      for await (const b of form.body()) parts.push(b);
      expect(Buffer.concat(parts).toString()).toBe('line1\r\n--not-the-boundary\r\nline2');
      expect(await form.next()).toBeNull();
    }
  });

  test('a body cut short is MalformedPOSTRequest', async () => {
    const form = new FormReader(
      (async function* () {
        yield Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="x"\r\n\r\nabc');
      })(),
      'b',
    );
    await form.next();
    await expect(
      (async () => {
        for await (const chunk of form.body()) void chunk;
      })(),
    ).rejects.toMatchObject({ code: 'MalformedPOSTRequest' });
  });
});

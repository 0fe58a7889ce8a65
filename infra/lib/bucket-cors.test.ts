import { CreateBucketCommand, GetBucketCorsCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../emulator/testing.js';
import { applyConsoleCors } from './apply-bucket-cors.js';
import { bucketCorsRule } from './bucket-cors.js';

const ORIGIN = 'https://d111abcdef8.cloudfront.net';

describe('the bucket CORS rule', () => {
  let emu: TestEmulator;
  let s3: S3Client;
  beforeAll(async () => {
    emu = await startTestEmulator();
    s3 = new S3Client({ ...emu.clientConfig, forcePathStyle: true });
    for (const Bucket of ['cors-new', 'cors-kept']) await s3.send(new CreateBucketCommand({ Bucket }));
    await s3.send(
      new PutBucketCorsCommand({
        Bucket: 'cors-kept',
        CORSConfiguration: {
          CORSRules: [{ ID: 'other-app', AllowedOrigins: ['https://other.example'], AllowedMethods: ['GET'] }],
        },
      }),
    );
  });
  afterAll(() => emu.dispose());

  it('names the bad origin or metadata name', () => {
    expect(() => bucketCorsRule([])).toThrow('origins: the console origin is required');
    expect(() => bucketCorsRule(['https://x.example/path'])).toThrow(
      'origins: "https://x.example/path" is not an origin',
    );
    expect(() => bucketCorsRule([ORIGIN], ['Owner Name'])).toThrow('metadata: "Owner Name" is not a metadata name');
  });

  it("is applied beside a bucket's other rules, showing before and after", async () => {
    const lines: string[] = [];
    const rule = bucketCorsRule([ORIGIN], ['owner']);
    await applyConsoleCors(s3, ['cors-new', 'cors-kept'], rule, { log: (l) => lines.push(l) });
    await applyConsoleCors(s3, ['cors-kept'], rule, { log: () => undefined }); // again: replaced, not doubled
    const kept = (await s3.send(new GetBucketCorsCommand({ Bucket: 'cors-kept' }))).CORSRules ?? [];
    expect(kept.map((r) => r.ID)).toEqual(['other-app', 'aws-console']);
    expect(kept[1]?.ExposeHeaders).toEqual(expect.arrayContaining(['ETag', 'x-amz-version-id', 'x-amz-meta-owner']));
    expect(lines[0]).toContain('cors-new\n  before: []\n  after:  [{"ID":"aws-console"');
    expect(lines.join('\n')).toContain('applied');
  });

  it("lets the console's origin preflight a signed multipart upload part and read the ETag", async () => {
    await applyConsoleCors(s3, ['cors-new'], bucketCorsRule([ORIGIN]), { log: () => undefined });
    const preflight = await fetch(`${emu.url}/cors-new/big.bin?partNumber=1&uploadId=x`, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'PUT',
        'access-control-request-headers':
          'authorization,content-type,x-amz-content-sha256,x-amz-date,amz-sdk-invocation-id',
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-expose-headers') ?? '').toContain('ETag');
    const stranger = await fetch(`${emu.url}/cors-new/big.bin`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'PUT' },
    });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });
});

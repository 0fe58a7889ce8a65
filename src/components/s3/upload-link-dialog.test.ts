import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { startTestEmulator, type TestEmulator } from '../../../emulator/testing';
import { curlCommand } from './upload-link-dialog';

describe('the upload link curl command', () => {
  let emu: TestEmulator;
  let s3: S3Client;
  let dir: string;
  beforeAll(async () => {
    emu = await startTestEmulator();
    s3 = new S3Client({ ...emu.clientConfig, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'curl-fields' }));
    dir = mkdtempSync(join(tmpdir(), 'curl-fields-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await emu.dispose();
  });

  it.each(['@', '<'])('sends a key prefix starting with %s as text, never a local file', async (mark) => {
    const secret = join(dir, 'credentials');
    writeFileSync(secret, 'aws_secret_access_key = do-not-send');
    const prefix = `${mark}${secret};filename=x/`;
    const { url, fields } = await createPresignedPost(s3, {
      Bucket: 'curl-fields',
      Key: `${prefix}\${filename}`,
      Conditions: [['content-length-range', 1, 1000]],
      Expires: 600,
    });
    const command = curlCommand({ url, fields, expiresAt: new Date(), isCutShort: false }, '');
    const upload = join(dir, 'upload.txt');
    writeFileSync(upload, 'the file the user meant');
    // Not execFileSync: the emulator answering curl runs in this process.
    const { stdout } = await promisify(execFile)('bash', ['-c', command.replace('./your-file', upload)]);
    expect(stdout.trim()).toMatch(/204$/);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'curl-fields', Prefix: mark }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual([`${prefix}upload.txt`]);
    const body = await s3.send(new GetObjectCommand({ Bucket: 'curl-fields', Key: `${prefix}upload.txt` }));
    expect(await body.Body?.transformToString()).toBe('the file the user meant');
  });
});

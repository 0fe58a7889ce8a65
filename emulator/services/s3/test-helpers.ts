import { S3Client } from '@aws-sdk/client-s3';
import { signedRequest, startTestEmulator, type TestEmulator } from '../../testing.js';

/** An emulator plus an S3 client with SDK defaults (checksums on) and path-style addressing. */
export async function startS3Test(
  options: Parameters<typeof startTestEmulator>[0] = {},
): Promise<{ emu: TestEmulator; s3: S3Client }> {
  const emu = await startTestEmulator(options);
  const s3 = new S3Client({ ...emu.clientConfig, forcePathStyle: true });
  return { emu, s3 };
}

/** The error a promise rejects with (fails the test when it resolves). */
export { errorOf } from '../../testing.js';

/** A raw S3 request signed with the emulator's admin keys (UNSIGNED-PAYLOAD unless `payloadHash`), for inputs the SDK never sends. */
export function signedFetch(
  emu: TestEmulator,
  method: string,
  pathAndQuery: string,
  options: { body?: Buffer | string; headers?: Record<string, string>; payloadHash?: string } = {},
): Promise<Response> {
  return signedRequest(emu, { service: 's3', method, path: pathAndQuery, ...options });
}

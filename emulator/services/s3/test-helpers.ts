import { S3Client } from '@aws-sdk/client-s3';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { startTestEmulator, type TestEmulator } from '../../testing.js';

/** An emulator plus an S3 client with SDK defaults (checksums on) and path-style addressing. */
export async function startS3Test(options: Parameters<typeof startTestEmulator>[0] = {}): Promise<{ emu: TestEmulator; s3: S3Client }> {
  const emu = await startTestEmulator(options);
  const s3 = new S3Client({ ...emu.clientConfig, forcePathStyle: true });
  return { emu, s3 };
}

/** The error a promise rejects with (fails the test when it resolves). */
export { errorOf } from '../../testing.js';

/**
 * A raw S3 request signed with the emulator's admin keys (SigV4 header auth), for inputs the SDK
 * never sends (bad XML, wrong digests). `payloadHash` defaults to UNSIGNED-PAYLOAD.
 */
export async function signedFetch(
  emu: TestEmulator,
  method: string,
  pathAndQuery: string,
  options: { body?: Buffer | string; headers?: Record<string, string>; payloadHash?: string } = {},
): Promise<Response> {
  const url = new URL(pathAndQuery, emu.url);
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const signer = new SignatureV4({ service: 's3', region: emu.region, credentials: emu.credentials, sha256: Sha256, uriEscapePath: false, applyChecksum: false });
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const request = new HttpRequest({
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query,
    headers: {
      host: url.host,
      'x-amz-content-sha256': options.payloadHash ?? 'UNSIGNED-PAYLOAD',
      ...(body ? { 'content-length': String(body.length) } : {}),
      ...options.headers,
    },
    body,
  });
  const signed = await signer.sign(request);
  return fetch(url, { method, headers: signed.headers, body });
}

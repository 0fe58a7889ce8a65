import { createHmac, timingSafeEqual } from 'node:crypto';
import { createScope, getSigningKey } from '@smithy/signature-v4';
import type { CredentialScope } from '../core/route.js';
import type { ChunkSigner } from '../core/types.js';
import type { StoredCredentials } from './credentials.js';
import { NodeSha256, sha256Hex } from './hash.js';

const EMPTY_SHA = sha256Hex('');

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The chained chunk and trailer signatures of an S3 streaming-signed upload, from the same signing key
 * as the request's seed signature (AWS's STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]).
 */
export async function createChunkSigner(
  creds: StoredCredentials,
  scope: CredentialScope,
  amzDate: string,
  seedSignature: string,
): Promise<ChunkSigner> {
  const key = await getSigningKey(
    NodeSha256,
    { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, sessionToken: creds.sessionToken },
    scope.date,
    scope.region,
    scope.service,
  );
  const credentialScope = createScope(scope.date, scope.region, scope.service);
  const sign = (lines: string[]) => createHmac('sha256', key).update(lines.join('\n')).digest('hex');
  return {
    seedSignature,
    verifyChunk: (previous, signature, dataSha256) =>
      sameHex(sign(['AWS4-HMAC-SHA256-PAYLOAD', amzDate, credentialScope, previous, EMPTY_SHA, dataSha256]), signature),
    verifyTrailer: (previous, signature, trailerSha256) =>
      sameHex(sign(['AWS4-HMAC-SHA256-TRAILER', amzDate, credentialScope, previous, trailerSha256]), signature),
  };
}

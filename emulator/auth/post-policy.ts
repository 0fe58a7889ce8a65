import { createHmac, timingSafeEqual } from 'node:crypto';
import { getSigningKey } from '@smithy/signature-v4';
import type { Caller, PostPolicySignature } from '../core/types.js';
import { parseCredential } from '../core/route.js';
import { authError } from './auth-errors.js';
import { callerOf } from './caller.js';
import type { CredentialStore } from './credentials.js';
import { NodeSha256 } from './hash.js';

/**
 * SigV4 for browser-based POST uploads: x-amz-signature is HMAC-SHA256 of the base64 policy with the
 * signing key of x-amz-credential's scope. Returns the signer as the caller (their role is then checked
 * for s3:PutObject like any request); throws S3's authentication errors.
 */
export async function verifyPostPolicy(
  input: PostPolicySignature,
  store: CredentialStore,
  accountId: string,
  now = Date.now(),
): Promise<Caller> {
  const scope = parseCredential(input.credential);
  if (!scope || scope.service !== 's3')
    throw authError('s3', 'malformed-query', `Invalid credential: ${input.credential}`);
  if (!/^\d{8}T\d{6}Z$/.test(input.amzDate) || input.amzDate.slice(0, 8) !== scope.date) {
    throw authError('s3', 'bad-signature', 'The x-amz-date does not match the credential scope date.');
  }
  const creds = store.find(scope.accessKeyId);
  if (!creds) throw authError('s3', 'unknown-key');
  if ((creds.sessionToken ?? '') !== (input.securityToken ?? '')) throw authError('s3', 'invalid-token');
  const key = await getSigningKey(
    NodeSha256,
    { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, sessionToken: creds.sessionToken },
    scope.date,
    scope.region,
    's3',
  );
  const expected = createHmac('sha256', key).update(input.policy).digest('hex');
  const given = Buffer.from(input.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected)))
    throw authError('s3', 'bad-signature');
  if (creds.expiresAt !== undefined && now >= creds.expiresAt) throw authError('s3', 'expired-token');
  return callerOf(accountId, creds);
}

import type { Caller } from '../core/types.js';
import { authError } from './auth-errors.js';
import { anonymousCaller, callerOf } from './caller.js';
import { createChunkSigner } from './chunk-signer.js';
import type { CredentialStore } from './credentials.js';
import { precheckSigV4, verifySigV4, type SignedInput } from './sigv4.js';

/** Cognito operations AWS serves without a signature (sign-in and identity-pool credential exchange). */
const UNSIGNED_OPERATIONS: Record<string, Set<string>> = {
  'cognito-identity': new Set(['GetId', 'GetCredentialsForIdentity', 'GetOpenIdToken', 'UnlinkIdentity']),
  'cognito-idp': new Set([
    'InitiateAuth',
    'RespondToAuthChallenge',
    'SignUp',
    'ConfirmSignUp',
    'ForgotPassword',
    'ConfirmForgotPassword',
    'GetUser',
    'GlobalSignOut',
    'ChangePassword',
    'RevokeToken',
    'ResendConfirmationCode',
  ]),
};

function targetOperation(input: Pick<SignedInput, 'req'>): string {
  const target = input.req.headers['x-amz-target'];
  return typeof target === 'string' ? (target.split('.').pop() ?? '') : '';
}

function isPublicOperation(input: Pick<SignedInput, 'req' | 'service'>): boolean {
  return (
    Object.hasOwn(UNSIGNED_OPERATIONS, input.service) &&
    UNSIGNED_OPERATIONS[input.service]?.has(targetOperation(input)) === true
  );
}

/** S3 uploads whose aws-chunked chunks (and trailer) carry chained signatures. */
function isSignedStreaming(input: SignedInput): boolean {
  const sha = input.req.headers['x-amz-content-sha256'];
  return sha === 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' || sha === 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
}

/**
 * SigV4 in, Caller out. Unsigned S3 requests become the anonymous caller (policies then deny them);
 * unsigned Cognito sign-in calls pass as anonymous; any other unsigned request is refused.
 */
export async function authenticateRequest(
  input: SignedInput,
  store: CredentialStore,
  accountId: string,
): Promise<Caller> {
  const result = await verifySigV4(input, (id) => store.find(id));
  if (result.kind === 'signed') {
    if (result.scope.service !== input.service)
      throw authError(
        input.service,
        'bad-signature',
        `Credential should be scoped to correct service: '${input.service}'.`,
      );
    const caller = callerOf(accountId, result.creds);
    if (result.seed && input.service === 's3' && isSignedStreaming(input)) {
      caller.chunkSigner = await createChunkSigner(
        result.creds,
        result.scope,
        result.seed.amzDate,
        result.seed.signature,
      );
    }
    return caller;
  }
  if (input.service === 's3') return anonymousCaller(accountId);
  if (isPublicOperation(input)) return anonymousCaller(accountId);
  throw authError(input.service, 'missing');
}

/**
 * Before a non-S3 body is read: true when the request claims a signature from a known key. An unsigned
 * request is refused at once unless it is one of Cognito's public operations (whose bodies are small).
 */
export function precheckRequest(input: Pick<SignedInput, 'req' | 'service'>, store: CredentialStore): boolean {
  if (precheckSigV4(input, (id) => store.find(id))) return true;
  if (input.service === 's3' || isPublicOperation(input)) return false;
  throw authError(input.service, 'missing');
}

import type { Caller } from '../core/types.js';
import { authError } from './auth-errors.js';
import { anonymousCaller, callerOf } from './caller.js';
import type { CredentialStore } from './credentials.js';
import { verifySigV4, type SignedInput } from './sigv4.js';

/** Cognito operations AWS serves without a signature (sign-in and identity-pool credential exchange). */
const UNSIGNED_OPERATIONS: Record<string, Set<string>> = {
  'cognito-identity': new Set(['GetId', 'GetCredentialsForIdentity', 'GetOpenIdToken', 'UnlinkIdentity']),
  'cognito-idp': new Set([
    'InitiateAuth', 'RespondToAuthChallenge', 'SignUp', 'ConfirmSignUp', 'ForgotPassword', 'ConfirmForgotPassword',
    'GetUser', 'GlobalSignOut', 'ChangePassword', 'RevokeToken', 'ResendConfirmationCode',
  ]),
};

function targetOperation(input: SignedInput): string {
  const target = input.req.headers['x-amz-target'];
  return typeof target === 'string' ? (target.split('.').pop() ?? '') : '';
}

/**
 * SigV4 in, Caller out. Unsigned S3 requests become the anonymous caller (policies then deny them);
 * unsigned Cognito sign-in calls pass as anonymous; any other unsigned request is refused.
 */
export async function authenticateRequest(input: SignedInput, store: CredentialStore, accountId: string): Promise<Caller> {
  const result = await verifySigV4(input, (id) => store.find(id));
  if (result.kind === 'signed') {
    if (result.scope.service !== input.service) throw authError(input.service, 'bad-signature', `Credential should be scoped to correct service: '${input.service}'.`);
    return callerOf(accountId, result.creds);
  }
  if (input.service === 's3') return anonymousCaller(accountId);
  if (UNSIGNED_OPERATIONS[input.service]?.has(targetOperation(input))) return anonymousCaller(accountId);
  throw authError(input.service, 'missing');
}

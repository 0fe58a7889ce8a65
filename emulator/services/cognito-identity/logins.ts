import type { JWTPayload } from 'jose';
import { AwsError } from '../../core/errors.js';
import type { IdentityPoolDoc } from './pools-store.js';

/** Verifies an ID token issued by the user pool a logins key names; throws on any defect. */
export type LoginVerifier = (providerKey: string, token: string, audiences: string[]) => Promise<JWTPayload>;

export interface VerifiedLogin {
  providerKey: string;
  /** provider key + subject: one identity per signed-in user. */
  loginKey: string;
  payload: JWTPayload;
}

/**
 * Check GetId / GetCredentialsForIdentity `Logins`: the provider must be one of the pool's
 * CognitoIdentityProviders and the token valid for one of its app clients. null when there are none.
 */
export async function verifyLogins(
  verify: LoginVerifier,
  doc: IdentityPoolDoc,
  logins: Record<string, string>,
): Promise<VerifiedLogin | null> {
  const entries = Object.entries(logins);
  if (entries.length === 0) return null;
  if (entries.length > 1)
    throw new AwsError('InvalidParameterException', 'The emulator accepts one login per request.');
  const [providerKey, token] = entries[0] as [string, string];
  const providers = (doc.CognitoIdentityProviders ?? []).filter((p) => p.ProviderName === providerKey);
  if (providers.length === 0)
    throw new AwsError('NotAuthorizedException', `Invalid login token. Issuer doesn't match providerName`);
  const audiences = providers.map((p) => p.ClientId).filter((c): c is string => typeof c === 'string');
  let payload: JWTPayload;
  try {
    payload = await verify(providerKey, token, audiences);
  } catch (e) {
    const reason = (e as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'Token expired' : (e as Error).message;
    throw new AwsError('NotAuthorizedException', `Invalid login token. ${reason}`);
  }
  if (!payload.sub) throw new AwsError('NotAuthorizedException', 'Invalid login token. No subject.');
  return { providerKey, loginKey: `${providerKey}|${payload.sub}`, payload };
}

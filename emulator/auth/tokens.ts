import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, importJWK, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { PoolKeys } from './pool-keys.js';
import type { PoolUser } from './user-pools.js';

const HOUR = 3600;

/** The claims Cognito puts in an ID token, shared by the OIDC provider and InitiateAuth. */
export function idTokenClaims(user: PoolUser): Record<string, unknown> {
  return {
    sub: user.sub,
    'cognito:username': user.username,
    'cognito:groups': user.groups,
    'cognito:roles': user.roleArns.length ? user.roleArns : undefined,
    'cognito:preferred_role': user.roleArns[0],
    email: user.email ?? undefined,
    email_verified: user.email ? true : undefined,
    token_use: 'id',
  };
}

/** ID and access tokens for InitiateAuth, signed with the pool's key like the OIDC provider's. */
export async function signPoolTokens(keys: PoolKeys, issuer: string, user: PoolUser, clientId: string) {
  const key = await importJWK(keys.privateJwk, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', kid: keys.privateJwk.kid ?? '' };
  const originJti = randomUUID();
  const idToken = await new SignJWT({ ...idTokenClaims(user), auth_time: now, origin_jti: originJti })
    .setProtectedHeader(header)
    .setIssuer(issuer)
    .setAudience(clientId)
    .setIssuedAt(now)
    .setExpirationTime(now + HOUR)
    .setJti(randomUUID())
    .sign(key);
  const accessToken = await new SignJWT({
    token_use: 'access',
    client_id: clientId,
    username: user.username,
    scope: 'aws.cognito.signin.user.admin',
    'cognito:groups': user.groups,
    auth_time: now,
    origin_jti: originJti,
  })
    .setProtectedHeader(header)
    .setSubject(user.sub)
    .setIssuer(issuer)
    .setIssuedAt(now)
    .setExpirationTime(now + HOUR)
    .setJti(randomUUID())
    .sign(key);
  return { idToken, accessToken, expiresIn: HOUR };
}

/** Verify an ID token: signature against the pool's key, issuer, audience, expiry; throws otherwise. */
export async function verifyIdToken(
  token: string,
  keys: PoolKeys,
  issuer: string,
  audiences: string[],
): Promise<JWTPayload> {
  const jwks = createLocalJWKSet({ keys: [keys.publicJwk] });
  const { payload } = await jwtVerify(token, jwks, { issuer, audience: audiences, algorithms: ['RS256'] });
  if (payload.token_use !== undefined && payload.token_use !== 'id') throw new Error('not an ID token');
  return payload;
}

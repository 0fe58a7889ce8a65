import Provider, { type Account, type KoaContextWithOIDC, type TokenInfo } from 'oidc-provider';
import type { Db } from '../db.js';
import type { PoolKeys } from '../pool-keys.js';
import { idTokenClaims } from '../tokens.js';
import type { UserPools } from '../user-pools.js';
import { sqliteAdapter } from './adapter.js';
import { escapeHtml, page } from './html.js';
import { messagePage } from './login-page.js';

const SCOPES = ['openid', 'email', 'profile', 'offline_access', 'aws.cognito.signin.user.admin'];
const HOUR = 3600;
const DAY = 86_400;

export interface PoolProviderInput {
  db: Db;
  pools: UserPools;
  poolId: string;
  issuer: string;
  keys: PoolKeys;
}

/**
 * A user pool as an OpenID Connect provider (oidc-provider 9): code + PKCE for public clients,
 * refresh tokens, RP-initiated logout, ID tokens with Cognito's claims, JWT access tokens.
 */
export function createPoolProvider({ db, pools, poolId, issuer, keys }: PoolProviderInput): Provider {
  const issuerPath = new URL(issuer).pathname;
  // Access tokens are JWTs for this "resource", which stands for the AWS APIs, as Cognito's are.
  const resource = issuer;

  const findAccount = async (_ctx: unknown, sub: string): Promise<Account | undefined> => {
    const user = pools.userBySub(poolId, sub);
    if (!user || !user.enabled) return undefined;
    return {
      accountId: sub,
      async claims(use: string) {
        const fresh = pools.userBySub(poolId, sub) ?? user;
        const claims = idTokenClaims(fresh);
        if (use !== 'id_token') delete claims.token_use;
        return claims;
      },
    };
  };

  const provider = new Provider(issuer, {
    adapter: sqliteAdapter(db, pools, poolId),
    clients: [],
    jwks: { keys: [keys.privateJwk] },
    // Cookie names per pool, so two pools' sessions on one host never overwrite each other.
    cookies: {
      keys: keys.cookieKeys,
      names: {
        session: `_session_${poolId}`,
        interaction: `_interaction_${poolId}`,
        resume: `_interaction_resume_${poolId}`,
      },
    },
    findAccount,
    claims: {
      openid: ['sub', 'cognito:username', 'cognito:groups', 'cognito:roles', 'cognito:preferred_role', 'token_use'],
      email: ['email', 'email_verified'],
      profile: ['cognito:username'],
    },
    scopes: SCOPES,
    // Cognito puts the profile and email claims in the ID token even in the code flow.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // A demo needs no "are you sure": the form submits itself, with a button if scripts are off.
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = 'html';
          ctx.body = page(
            'Sign out',
            `<h1>Signing out</h1>${form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>')}
<button type="submit" form="op.logoutForm">Sign out</button>
<script>document.getElementById('op.logoutForm').submit()</script>`,
          );
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.type = 'html';
          ctx.body = messagePage('Signed out', 'You are signed out.');
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => resource,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({
          scope: SCOPES.join(' '),
          accessTokenFormat: 'jwt',
          accessTokenTTL: HOUR,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    extraTokenClaims: async (_ctx: unknown, token: TokenInfo) => {
      const user = token.accountId ? pools.userBySub(poolId, token.accountId) : null;
      if (!user || token.kind !== 'AccessToken') return undefined;
      return { token_use: 'access', username: user.username, 'cognito:groups': user.groups };
    },
    // Cognito always issues a refresh token with the code flow.
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(t: string): boolean }) =>
      client.grantTypeAllowed('refresh_token'),
    // First-party console: grant every scope at sign-in, no consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { oidc } = ctx;
      const clientId = oidc.client?.clientId;
      const accountId = oidc.session?.accountId;
      if (!clientId || !accountId) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
      const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope(SCOPES.join(' '));
      grant.addResourceScope(resource, SCOPES.join(' '));
      await grant.save();
      return grant;
    },
    interactions: {
      url: async (_ctx: unknown, interaction: { uid: string }) => `${issuerPath}/interaction/${interaction.uid}`,
    },
    // The emulator serves any console origin; the server already answers preflights.
    clientBasedCORS: () => true,
    ttl: {
      AccessToken: HOUR,
      IdToken: HOUR,
      AuthorizationCode: 300,
      RefreshToken: 30 * DAY,
      Interaction: HOUR,
      Session: 14 * DAY,
      Grant: 30 * DAY,
    },
    renderError: async (ctx: KoaContextWithOIDC, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = page(
        'Sign-in error',
        `<h1>Sign-in error</h1><p role="alert">${escapeHtml(out.error_description ?? out.error ?? 'Something went wrong.')}</p>`,
      );
    },
  });
  return provider;
}

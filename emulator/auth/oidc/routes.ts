import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { Db } from '../db.js';
import { poolKeys } from '../pool-keys.js';
import type { HttpRoute } from '../security.js';
import type { UserPools } from '../user-pools.js';
import { ChallengeSessions } from '../challenge-sessions.js';
import { policyRules, policyViolation } from '../password-policy.js';
import { loginPage, messagePage, newPasswordPage, type DemoAccount } from './login-page.js';
import { createPoolProvider } from './provider.js';

export const OIDC_PREFIX = '/cognito-idp/';
const SCOPES = 'openid email profile offline_access aws.cognito.signin.user.admin';

export interface OidcRouteDeps {
  db: Db;
  pools: UserPools;
  baseUrl(): string;
  log(message: string): void;
  demoPoolId: string;
  demoAccounts: readonly DemoAccount[];
}

export interface OidcRoute extends HttpRoute {
  issuerOf(poolId: string): string;
  /** Forget the providers (after a reset the pools' keys are new). */
  reset(): void;
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  // The sign-in pages may not be framed: another site could overlay them to harvest a password.
  const framing = contentType.startsWith('text/html')
    ? { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' }
    : {};
  res.writeHead(status, {
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
    ...framing,
  });
  res.end(body);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** The user pools' OIDC providers under /cognito-idp/POOL_ID, with the login page and a Cognito-like userinfo. */
export function createOidcRoute(deps: OidcRouteDeps): OidcRoute {
  const providers = new Map<string, Promise<Provider>>();
  const sessions = new ChallengeSessions(deps.db);
  const callbacks = new WeakMap<Provider, ReturnType<Provider['callback']>>();
  const issuerOf = (poolId: string) => `${deps.baseUrl()}${OIDC_PREFIX}${poolId}`;

  const providerFor = (poolId: string): Promise<Provider> => {
    let p = providers.get(poolId);
    if (!p) {
      p = poolKeys(deps.db, poolId).then((keys) => {
        const provider = createPoolProvider({ db: deps.db, pools: deps.pools, poolId, issuer: issuerOf(poolId), keys });
        provider.on('server_error', (_ctx, err) => deps.log(`oidc ${poolId}: ${(err as Error).stack ?? String(err)}`));
        return provider;
      });
      providers.set(poolId, p);
    }
    return p;
  };

  const finishConsent = async (provider: Provider, req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    const accountId = details.session?.accountId;
    const clientId = details.params.client_id;
    if (!accountId || typeof clientId !== 'string') throw new Error('interaction has no signed-in account');
    const grant =
      (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
      new provider.Grant({ accountId, clientId });
    grant.addOIDCScope(SCOPES);
    const resource = issuerOf(deps.pools.client(clientId)?.poolId ?? '');
    grant.addResourceScope(resource, SCOPES);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  };

  const interaction = async (
    poolId: string,
    provider: Provider,
    req: IncomingMessage,
    res: ServerResponse,
    action: string,
  ) => {
    const demoAccounts = poolId === deps.demoPoolId ? deps.demoAccounts : undefined;
    const poolName = `User pool ${poolId}`;
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      send(
        res,
        400,
        'text/html; charset=utf-8',
        messagePage(
          'Sign-in expired',
          'This sign-in attempt has expired. Go back to the console and sign in again.',
          true,
        ),
      );
      return;
    }
    if (details.prompt.name !== 'login') {
      await finishConsent(provider, req, res);
      return;
    }
    if (req.method !== 'POST') {
      send(res, 200, 'text/html; charset=utf-8', loginPage({ poolName, action, demoAccounts }));
      return;
    }
    const form = await readForm(req);
    const html = (status: number, body: string) => send(res, status, 'text/html; charset=utf-8', body);
    const sessionId = form.get('session');
    if (sessionId !== null) {
      // The NEW_PASSWORD_REQUIRED step: the session, bound to this sign-in, says who the user is.
      const session = sessions.find(sessionId, details.uid);
      if (!session || session.poolId !== poolId) {
        html(
          400,
          loginPage({ poolName, action, error: 'This password change has expired. Sign in again.', demoAccounts }),
        );
        return;
      }
      const newPassword = form.get('new_password') ?? '';
      const again = (error: string) =>
        html(
          400,
          newPasswordPage({
            poolName,
            action,
            session: sessionId,
            username: session.username,
            rules: policyRules(),
            error,
          }),
        );
      if (newPassword !== (form.get('confirm_password') ?? '')) return again('The passwords do not match.');
      const violation = policyViolation(newPassword);
      if (violation) return again(violation);
      await deps.pools.setPassword(poolId, session.username, newPassword, true);
      sessions.end(sessionId);
      const changed = deps.pools.user(poolId, session.username);
      if (!changed?.enabled) {
        html(401, loginPage({ poolName, action, error: 'Incorrect username or password.', demoAccounts }));
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: changed.sub } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const username = form.get('username') ?? '';
    const user = await deps.pools.checkPassword(poolId, username, form.get('password') ?? '');
    if (!user) {
      html(401, loginPage({ poolName, action, username, error: 'Incorrect username or password.', demoAccounts }));
      return;
    }
    if (user.status === 'FORCE_CHANGE_PASSWORD') {
      const session = sessions.create({ poolId, username: user.username, boundTo: details.uid });
      html(200, newPasswordPage({ poolName, action, session, username: user.username, rules: policyRules() }));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.sub } },
      { mergeWithLastSubmission: false },
    );
  };

  // Cognito's userinfo takes its own JWT access tokens; oidc-provider's refuses resource-bound ones.
  const userinfo = async (poolId: string, req: IncomingMessage, res: ServerResponse) => {
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    try {
      const keys = await poolKeys(deps.db, poolId);
      const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: [keys.publicJwk] }), {
        issuer: issuerOf(poolId),
        algorithms: ['RS256'],
      });
      if (payload.token_use !== 'access' || !payload.sub) throw new Error('not an access token');
      const user = deps.pools.userBySub(poolId, payload.sub);
      if (!user) throw new Error('no such user');
      send(
        res,
        200,
        'application/json',
        JSON.stringify({
          sub: user.sub,
          username: user.username,
          email: user.email ?? undefined,
          email_verified: user.email ? 'true' : undefined,
        }),
      );
    } catch {
      res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      send(
        res,
        401,
        'application/json',
        JSON.stringify({ error: 'invalid_token', error_description: 'Access token is missing, invalid or expired' }),
      );
    }
  };

  return {
    prefix: OIDC_PREFIX,
    issuerOf,
    reset: () => providers.clear(),
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://emulator');
      const [poolId = '', ...rest] = url.pathname.slice(OIDC_PREFIX.length).split('/');
      if (!deps.pools.poolExists(poolId)) {
        send(
          res,
          404,
          'application/json',
          JSON.stringify({ error: 'not_found', error_description: `No user pool ${poolId}` }),
        );
        return;
      }
      const mount = `${OIDC_PREFIX}${poolId}`;
      const sub = `/${rest.join('/')}`;
      const provider = await providerFor(poolId);
      if (rest[0] === 'interaction' && rest[1]) {
        try {
          await interaction(poolId, provider, req, res, `${mount}/interaction/${encodeURIComponent(rest[1])}`);
        } catch (e) {
          // An interaction that expired or was already finished: say so instead of a bare 500.
          deps.log(`oidc ${poolId}: interaction failed: ${(e as Error).message}`);
          if (!res.headersSent)
            send(
              res,
              400,
              'text/html; charset=utf-8',
              messagePage(
                'Sign-in expired',
                'This sign-in attempt has expired. Go back to the console and sign in again.',
                true,
              ),
            );
        }
        return;
      }
      if (sub === '/me' || sub === '/oauth2/userInfo') {
        await userinfo(poolId, req, res);
        return;
      }
      // Mount the provider under the pool's path the way koa-mount does (originalUrl keeps the prefix).
      const original = req.url ?? '/';
      const inner = sub === '/.well-known/jwks.json' ? `/jwks${url.search}` : original.slice(mount.length) || '/';
      Object.assign(req, { originalUrl: original, url: inner });
      let callback = callbacks.get(provider);
      if (!callback) callbacks.set(provider, (callback = provider.callback()));
      await callback(req, res);
    },
  };
}

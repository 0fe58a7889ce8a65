import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { startTestEmulator, type TestEmulator } from '../../testing.js';
import { DEMO_CLIENT_ID, DEMO_ISSUER_PATH, DEMO_USER_POOL_ID } from '../../seed/accounts.js';
import { exchangeCode, signIn, startSignIn } from '../sign-in-flow.js';

const ORIGIN = 'http://localhost:5173';
const REDIRECT = `${ORIGIN}/auth/callback`;

describe('user pool sign-in (OIDC)', () => {
  let emu: TestEmulator;
  let issuer: string;
  beforeAll(async () => {
    emu = await startTestEmulator();
    await emu.admin('reset', { seed: true });
    issuer = `${emu.url}${DEMO_ISSUER_PATH}`;
  });
  afterAll(() => emu.dispose());

  it('publishes discovery under the pool path and a JWKS', async () => {
    const res = await fetch(`${issuer}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(issuer);
    expect(doc.authorization_endpoint).toBe(`${issuer}/auth`);
    expect(doc.token_endpoint).toBe(`${issuer}/token`);
    expect(doc.end_session_endpoint).toBe(`${issuer}/session/end`);
    const jwks = (await (await fetch(String(doc.jwks_uri))).json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('shows an accessible login page listing the demo accounts', async () => {
    const { landing } = await startSignIn(issuer, DEMO_CLIENT_ID, REDIRECT);
    expect(landing).not.toBeInstanceOf(URL);
    const html = (landing as { html: string }).html;
    expect(html).toContain('<h1>Sign in</h1>');
    expect(html).toContain('<label for="username">Username</label>');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toContain('Alice-demo-1');
    expect(html).toContain('bob');
    // It follows the system's dark mode from the first paint, so it never flashes white between dark pages.
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toMatch(/@media \(prefers-color-scheme:dark\)\{:root\{--page:#0b0f17;/);
  });

  it('says "Incorrect username or password." on a wrong password', async () => {
    const flow = await signIn(issuer, DEMO_CLIENT_ID, REDIRECT, 'alice', 'wrong-password');
    expect(flow.callback).toBeNull();
    expect(flow.page?.html).toMatch(/role="alert"[^>]*>Incorrect username or password\./);
  });

  it('signs in with code + PKCE and issues Cognito-shaped tokens, with one CORS origin on the token endpoint', async () => {
    const flow = await signIn(issuer, DEMO_CLIENT_ID, REDIRECT, 'alice', 'Alice-demo-1');
    expect(flow.callback?.searchParams.get('code')).toBeTruthy();
    const token = await exchangeCode(`${issuer}/token`, DEMO_CLIENT_ID, flow, ORIGIN);
    expect(token.status).toBe(200);
    expect(token.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const body = token.body as { id_token: string; access_token: string; refresh_token?: string };
    const id = decodeJwt(body.id_token);
    expect(id).toMatchObject({
      iss: issuer,
      aud: DEMO_CLIENT_ID,
      token_use: 'id',
      'cognito:username': 'alice',
      'cognito:groups': ['admins'],
      email: 'alice@example.com',
      email_verified: true,
    });
    expect(typeof id.auth_time).toBe('number');
    expect((id.exp ?? 0) - (id.iat ?? 0)).toBe(3600);
    const access = decodeJwt(body.access_token);
    expect(access).toMatchObject({ token_use: 'access', client_id: DEMO_CLIENT_ID, username: 'alice', iss: issuer });
    expect(String(access.scope)).toContain('openid');
    expect(body.refresh_token).toBeTruthy();

    const info = await fetch(`${issuer}/me`, { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(await info.json()).toMatchObject({ username: 'alice', email: 'alice@example.com' });

    const refreshed = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: body.refresh_token ?? '',
        client_id: DEMO_CLIENT_ID,
      }).toString(),
    });
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(((await refreshed.json()) as { id_token: string }).id_token)['cognito:username']).toBe('alice');
  });

  it('refuses a code exchange without the right PKCE verifier', async () => {
    const flow = await signIn(issuer, DEMO_CLIENT_ID, REDIRECT, 'bob', 'Bob-demo-1');
    const token = await exchangeCode(`${issuer}/token`, DEMO_CLIENT_ID, { ...flow, verifier: 'x'.repeat(43) });
    expect(token.status).toBe(400);
    expect(token.body.error).toBe('invalid_grant');
  });

  it('refuses a redirect URI the client does not list', async () => {
    const flow = await startSignIn(issuer, DEMO_CLIENT_ID, 'http://evil.example/auth/callback');
    expect(flow.landing).not.toBeInstanceOf(URL);
    expect((flow.landing as { html: string }).html).toContain('redirect_uri');
  });

  it('signs out through end-session back to the console', async () => {
    const flow = await signIn(issuer, DEMO_CLIENT_ID, REDIRECT, 'alice', 'Alice-demo-1');
    const token = await exchangeCode(`${issuer}/token`, DEMO_CLIENT_ID, flow);
    const idToken = String(token.body.id_token);
    const end = new URL(`${issuer}/session/end`);
    end.search = new URLSearchParams({
      id_token_hint: idToken,
      post_logout_redirect_uri: `${ORIGIN}/`,
      client_id: DEMO_CLIENT_ID,
    }).toString();
    const confirm = await fetch(end, { headers: { cookie: flow.jar.header() }, redirect: 'manual' });
    flow.jar.store(confirm);
    const html = await confirm.text();
    const action = /action="([^"]+)"/.exec(html)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const done = await fetch(new URL(action, issuer), {
      method: 'POST',
      headers: { cookie: flow.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
      redirect: 'manual',
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${ORIGIN}/`);
  });

  it('answers 404 for an unknown pool', async () => {
    const res = await fetch(`${emu.url}/cognito-idp/us-east-1_Nope/.well-known/openid-configuration`);
    expect(res.status).toBe(404);
    expect(DEMO_USER_POOL_ID).toBe('us-east-1_LocalDemo');
  });
});

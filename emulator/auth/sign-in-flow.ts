import { createHash, randomBytes } from 'node:crypto';

/** Test support: the console's sign-in done with fetch (code + PKCE, cookies kept, redirects followed by hand). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export interface SignInResult {
  /** Where the provider finally redirected (the app's callback URL with code/state or error). */
  callback: URL | null;
  /** The last HTML page when the flow stopped on a page (e.g. the login page with an error). */
  page: { status: number; html: string } | null;
  jar: CookieJar;
  verifier: string;
  redirectUri: string;
}

async function follow(
  url: string,
  jar: CookieJar,
  redirectUri: string,
  init: RequestInit = {},
): Promise<URL | { status: number; html: string }> {
  let next: string | null = url;
  let request: RequestInit = init;
  for (let hops = 0; next && hops < 20; hops++) {
    if (next.startsWith(redirectUri)) return new URL(next);
    const res: Response = await fetch(next, {
      ...request,
      redirect: 'manual',
      headers: { ...(request.headers as Record<string, string>), cookie: jar.header() },
    });
    jar.store(res);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      next = new URL(location, next).href;
      request = {};
      continue;
    }
    return { status: res.status, html: await res.text() };
  }
  throw new Error('too many redirects');
}

export async function startSignIn(issuer: string, clientId: string, redirectUri: string) {
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<
    string,
    string
  >;
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const auth = new URL(discovery.authorization_endpoint ?? '');
  auth.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
  }).toString();
  const jar = new CookieJar();
  const landing = await follow(auth.href, jar, redirectUri);
  return { discovery, verifier, jar, landing };
}

/** Sign in on the login page; returns the callback URL (with `code`) or the page the flow stopped on. */
export async function signIn(
  issuer: string,
  clientId: string,
  redirectUri: string,
  username: string,
  password: string,
): Promise<SignInResult> {
  const { verifier, jar, landing } = await startSignIn(issuer, clientId, redirectUri);
  if (landing instanceof URL) return { callback: landing, page: null, jar, verifier, redirectUri };
  const action = /<form method="post" action="([^"]+)"/.exec(landing.html)?.[1];
  if (!action) return { callback: null, page: landing, jar, verifier, redirectUri };
  const result = await follow(new URL(action.replace(/&#38;/g, '&'), issuer).href, jar, redirectUri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }).toString(),
  });
  return result instanceof URL
    ? { callback: result, page: null, jar, verifier, redirectUri }
    : { callback: null, page: result, jar, verifier, redirectUri };
}

/** Post the form on a page the flow stopped on (e.g. the new-password step) and follow to the callback. */
export async function submitPageForm(
  issuer: string,
  flow: SignInResult,
  fields: Record<string, string>,
): Promise<SignInResult> {
  const html = flow.page?.html ?? '';
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('the page has no form');
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
  const result = await follow(new URL(action.replace(/&#38;/g, '&'), issuer).href, flow.jar, flow.redirectUri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...hidden, ...fields }).toString(),
  });
  return result instanceof URL ? { ...flow, callback: result, page: null } : { ...flow, callback: null, page: result };
}

export interface TokenSet {
  id_token: string;
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
}

export async function exchangeCode(
  tokenEndpoint: string,
  clientId: string,
  flow: SignInResult,
  origin?: string,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const code = flow.callback?.searchParams.get('code') ?? '';
  const res = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: flow.redirectUri,
      client_id: clientId,
      code_verifier: flow.verifier,
    }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

/** Sign in and exchange the code: the tokens the console would hold. */
export async function signInForTokens(
  issuer: string,
  clientId: string,
  redirectUri: string,
  username: string,
  password: string,
): Promise<TokenSet> {
  const flow = await signIn(issuer, clientId, redirectUri, username, password);
  if (!flow.callback?.searchParams.get('code'))
    throw new Error(`sign-in failed: ${flow.page?.status} ${flow.callback?.href ?? ''}`);
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<
    string,
    string
  >;
  const out = await exchangeCode(discovery.token_endpoint ?? '', clientId, flow);
  if (out.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(out.body)}`);
  return out.body as unknown as TokenSet;
}

import { UserManager, type UserManagerSettings } from 'oidc-client-ts';
import { endpointFor, loginsKeyOf, type ConsoleConfig } from './config';
import { CredentialsUnavailable, type CredentialSource, type Credentials } from './credentials';

/** oidc-client-ts settings: authorization code + PKCE against the user pool's managed login. */
export function oidcSettings(config: ConsoleConfig, origin: string): UserManagerSettings | undefined {
  if (config.auth.mode !== 'cognito' || !config.auth.signIn) return undefined;
  const { authority, clientId, scope } = config.auth.signIn;
  return {
    authority,
    client_id: clientId,
    redirect_uri: `${origin}/auth/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope,
    // The ID token is renewed with the refresh token when the pool issues one.
    automaticSilentRenew: true,
    loadUserInfo: false,
  };
}

let userManager: UserManager | undefined;

/** The app's one UserManager (shared with react-oidc-context's AuthProvider). */
export function createUserManager(settings: UserManagerSettings): UserManager {
  userManager = new UserManager(settings);
  return userManager;
}

/** The signed-in user's ID token, renewed silently first when it has expired. */
export async function currentIdToken(): Promise<string> {
  if (!userManager) throw new Error('Sign-in is not configured');
  let user = await userManager.getUser();
  if (!user || user.expired) user = await userManager.signinSilent();
  if (!user?.id_token) throw new Error('Signed out: no ID token');
  return user.id_token;
}

/** Whether the user must sign in through OIDC before the app can get credentials. */
export function needsSignIn(config: ConsoleConfig): boolean {
  return config.auth.mode === 'cognito' && config.auth.signIn !== undefined;
}

/** Groups from a Cognito ID token's claims (cognito:groups), for the header. */
export function groupsOf(claims: Record<string, unknown> | undefined): string[] {
  const groups = claims?.['cognito:groups'];
  return Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
}

/** Region of an identity pool id ("us-east-1:guid"). */
export function identityPoolRegion(identityPoolId: string): string {
  return identityPoolId.split(':')[0] ?? 'us-east-1';
}

/**
 * Start fetching the identity pool's credential provider while the signed-in layout's chunk loads, rather
 * than once it has rendered and asks for credentials: one chunk less on the way to a page's first data.
 */
export function preloadCredentialProvider(): void {
  import('@aws-sdk/credential-provider-cognito-identity').catch(() => undefined);
}

/**
 * Where credentials come from: static keys, or the identity pool (with the ID token in Logins when
 * signed in, as a guest otherwise). The Cognito SDK is loaded only here, never by the sign-in page.
 */
export function credentialSource(config: ConsoleConfig, getIdToken?: () => Promise<string>): CredentialSource {
  const auth = config.auth;
  if (auth.mode === 'static') {
    const creds: Credentials = {
      accessKeyId: auth.accessKeyId,
      secretAccessKey: auth.secretAccessKey,
      ...(auth.sessionToken ? { sessionToken: auth.sessionToken } : {}),
    };
    return async () => creds;
  }
  const signIn = auth.signIn;
  const region = identityPoolRegion(auth.identityPoolId);
  const endpoint = endpointFor(config, 'cognitoIdentity');
  const memory = new Map<string, string>();
  return async () => {
    const { fromCognitoIdentityPool } = await import('@aws-sdk/credential-provider-cognito-identity');
    const provider = fromCognitoIdentityPool({
      identityPoolId: auth.identityPoolId,
      clientConfig: { region, ...(endpoint ? { endpoint } : {}), maxAttempts: 2 },
      // Identity ids stay in memory too: nothing about the session goes to localStorage.
      cache: {
        getItem: (k) => memory.get(k) ?? null,
        setItem: (k, v) => void memory.set(k, v),
        removeItem: (k) => void memory.delete(k),
      },
      ...(signIn && getIdToken ? { logins: { [loginsKeyOf(signIn)]: getIdToken } } : {}),
    });
    const c = await provider().catch((e: unknown) => {
      throw new CredentialsUnavailable(e);
    });
    return {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
      ...(c.expiration ? { expiration: c.expiration } : {}),
      ...(c.identityId ? { identityId: c.identityId } : {}),
    };
  };
}

import { useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from 'react-oidc-context';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { createQueryClient } from '../aws/query-client';
import { failureMessage } from '../aws/mutation';
import { deniedActions } from '../aws/permissions';
import { tasks } from './tasks';
import { useToast } from './toasts';
import { credentialSource, currentIdToken, groupsOf, needsSignIn } from '../aws/auth';
import { ensureSession, setSession } from '../aws/clients';
import { CredentialStore } from '../aws/credentials';
import { FullPageMessage } from '../components/full-page-message';
import { useConfig } from './config-context';
import { SessionContext, type SessionInfo } from './session-context';
import { Shell } from './shell';

/** Every signed-in route: establishes credentials for the session, then renders the shell. */
export default function ProtectedLayout() {
  const config = useConfig();
  const notify = useToast();
  // The query client lives here, not in the app root: the sign-in page never loads TanStack Query.
  const [client] = useState(() =>
    createQueryClient(({ label, error }) => notify(failureMessage(`refresh ${label}`, error), 'error')),
  );
  return (
    <QueryClientProvider client={client}>
      {needsSignIn(config) ? <OidcSession /> : <LocalSession />}
    </QueryClientProvider>
  );
}

/** Static keys (loopback endpoints only) or guest identities: no sign-in page. */
function LocalSession() {
  const config = useConfig();
  const store = useMemo(
    () =>
      ensureSession(
        config.auth.mode,
        config,
        () => new CredentialStore(credentialSource(config), config.credentialsRefreshSeconds),
      ),
    [config],
  );
  usePrefetchCredentials(store);
  const info = useMemo<SessionInfo>(
    () => ({
      userName: config.auth.mode === 'static' ? 'Static keys' : 'Guest',
      groups: [],
      credentials: store,
      canSignOut: false,
      signOut: async () => undefined,
    }),
    [config.auth.mode, store],
  );
  return (
    <SessionContext.Provider value={info}>
      <Shell />
    </SessionContext.Provider>
  );
}

function OidcSession() {
  const auth = useAuth();
  const location = useLocation();
  if (auth.isLoading && !auth.user) return <FullPageMessage title="Loading…" />;
  if (!auth.isAuthenticated || !auth.user) {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  const profile = auth.user.profile;
  const userName = String(profile['cognito:username'] ?? profile.preferred_username ?? profile.email ?? profile.sub);
  return <SignedIn sub={profile.sub} userName={userName} groupsKey={groupsOf(profile).join(',')} />;
}

function SignedIn({ sub, userName, groupsKey }: { sub: string; userName: string; groupsKey: string }) {
  const config = useConfig();
  const auth = useAuth();
  const queryClient = useQueryClient();
  const [isSigningOut, setSigningOut] = useState(false);

  // One credential store per signed-in user; the ID token is read fresh on every renewal.
  const store = useMemo(
    () =>
      ensureSession(
        `oidc:${sub}`,
        config,
        () => new CredentialStore(credentialSource(config, currentIdToken), config.credentialsRefreshSeconds),
      ),
    [config, sub],
  );

  const { signoutRedirect, removeUser } = auth;
  usePrefetchCredentials(store);
  const info = useMemo<SessionInfo>(
    () => ({
      userName,
      groups: groupsKey ? groupsKey.split(',') : [],
      credentials: store,
      canSignOut: true,
      signOut: async () => {
        setSigningOut(true);
        // Long work (uploads, deletes) belongs to this session's credentials: stop it before they go.
        tasks.reset();
        deniedActions.clear();
        queryClient.clear();
        setSession(undefined);
        try {
          await signoutRedirect();
        } catch {
          // No end-session endpoint: forget the local session at least.
          await removeUser();
          window.location.assign('/signin');
        }
      },
    }),
    [userName, groupsKey, store, queryClient, signoutRedirect, removeUser],
  );

  if (isSigningOut) return <FullPageMessage title="Signing out…" />;
  return (
    <SessionContext.Provider value={info}>
      <Shell />
    </SessionContext.Provider>
  );
}

/** Start fetching credentials while the page's chunks load, instead of after its first SDK call. */
function usePrefetchCredentials(store: CredentialStore): void {
  useEffect(() => {
    // A failure here resurfaces, in place, from the page's own queries.
    store.get().catch(() => undefined);
  }, [store]);
}

import { useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from 'react-oidc-context';
import { QueryClientProvider } from '@tanstack/react-query';
import { failureMessage } from '../aws/mutation';
import { activateSession, activeSession, deactivateSession, subscribeActiveSession } from '../aws/session';
import { credentialSource, currentIdToken, groupsOf, needsSignIn } from '../aws/auth';
import { CredentialStore } from '../aws/credentials';
import { FullPageMessage } from '../components/full-page-message';
import { useConfig } from './config-context';
import { ConsoleSession } from './console-session';
import { SessionContext, type SessionInfo } from './session-context';
import { Shell } from './shell';
import { useToast } from './toasts';

/** Every signed-in route: establishes the session (credentials, query cache, tasks), then renders the shell. */
export default function ProtectedLayout() {
  const config = useConfig();
  return needsSignIn(config) ? <OidcSession /> : <LocalSession />;
}

/** A new session for this component's lifetime; its query client is the session's own. */
function useNewSession(create: () => CredentialStore): ConsoleSession {
  const config = useConfig();
  const notify = useToast();
  // The sign-in page never loads TanStack Query: the client is made here, with the session.
  const [session] = useState(
    () =>
      new ConsoleSession(config, create(), ({ label, error }) =>
        notify(failureMessage(`refresh ${label}`, error), 'error'),
      ),
  );
  return session;
}

/**
 * Makes `session` the one api calls use once mounted (not during render), and only then renders the
 * pages, whose first queries run after this.
 */
function SessionProvider({ info, children }: { info: SessionInfo; children: ReactNode }) {
  const { session } = info;
  const isActive = useSyncExternalStore(subscribeActiveSession, () => activeSession() === session.aws);
  useLayoutEffect(() => {
    activateSession(session.aws);
    return () => deactivateSession(session.aws);
  }, [session]);
  useEffect(() => {
    // Fetch credentials while the page's chunks load; a failure resurfaces in place from the page's queries.
    session.aws.credentials.get().catch(() => undefined);
  }, [session]);
  if (!isActive) return null;
  return (
    <QueryClientProvider client={session.queryClient}>
      <SessionContext.Provider value={info}>{children}</SessionContext.Provider>
    </QueryClientProvider>
  );
}

/** Static keys (loopback endpoints only) or guest identities: no sign-in page. */
function LocalSession() {
  const config = useConfig();
  const session = useNewSession(() => new CredentialStore(credentialSource(config), config.credentialsRefreshSeconds));
  const info = useMemo<SessionInfo>(
    () => ({
      userName: config.auth.mode === 'static' ? 'Static keys' : 'Guest',
      groups: [],
      session,
      canSignOut: false,
      signOut: async () => undefined,
    }),
    [config.auth.mode, session],
  );
  return (
    <SessionProvider info={info}>
      <Shell />
    </SessionProvider>
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
  // One session per signed-in user: another user is another component, with nothing of the first.
  return <SignedIn key={profile.sub} userName={userName} groupsKey={groupsOf(profile).join(',')} />;
}

function SignedIn({ userName, groupsKey }: { userName: string; groupsKey: string }) {
  const config = useConfig();
  const auth = useAuth();
  const [isSigningOut, setSigningOut] = useState(false);
  // The ID token is read fresh on every renewal.
  const session = useNewSession(
    () => new CredentialStore(credentialSource(config, currentIdToken), config.credentialsRefreshSeconds),
  );

  const { signoutRedirect, removeUser } = auth;
  const info = useMemo<SessionInfo>(
    () => ({
      userName,
      groups: groupsKey ? groupsKey.split(',') : [],
      session,
      canSignOut: true,
      signOut: async () => {
        setSigningOut(true);
        // Long work (uploads, deletes) belongs to this session's credentials: it stops with them.
        session.dispose();
        try {
          await signoutRedirect();
        } catch {
          // No end-session endpoint: forget the local session at least.
          await removeUser();
          window.location.assign('/signin');
        }
      },
    }),
    [userName, groupsKey, session, signoutRedirect, removeUser],
  );

  if (isSigningOut) return <FullPageMessage title="Signing out…" />;
  return (
    <SessionProvider info={info}>
      <Shell />
    </SessionProvider>
  );
}

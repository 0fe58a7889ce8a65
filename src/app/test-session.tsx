import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ConsoleConfig } from '../aws/config';
import type { CredentialStore } from '../aws/credentials';
import { activateSession } from '../aws/session';
import { ConfigContext } from './config-context';
import { ConsoleSession } from './console-session';
import { SessionContext } from './session-context';

/**
 * For component tests of a page: a real session (credentials, query client, tasks) made active, and the
 * contexts a page reads, as the signed-in layout provides them.
 */
export function createTestSession(config: ConsoleConfig, credentials: CredentialStore): ConsoleSession {
  const session = new ConsoleSession(config, credentials);
  activateSession(session.aws);
  return session;
}

export function TestSessionProvider({
  config,
  session,
  children,
}: {
  config: ConsoleConfig;
  session: ConsoleSession;
  children: ReactNode;
}) {
  return (
    <ConfigContext.Provider value={config}>
      <QueryClientProvider client={session.queryClient}>
        <SessionContext.Provider
          value={{ userName: 'test', groups: [], session, canSignOut: false, signOut: async () => undefined }}
        >
          {children}
        </SessionContext.Provider>
      </QueryClientProvider>
    </ConfigContext.Provider>
  );
}

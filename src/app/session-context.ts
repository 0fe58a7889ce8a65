import { createContext, useContext } from 'react';
import type { ConsoleSession } from './console-session';

export interface SessionInfo {
  /** Who is signed in: user name, "Guest" or "Static keys". */
  userName: string;
  groups: string[];
  /** The signed-in identity's state: credentials, clients, query cache, tasks, received messages. */
  session: ConsoleSession;
  canSignOut: boolean;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionContext');
  return s;
}

/** The session object of the signed-in identity (tasks, received messages, denials...). */
export function useConsoleSession(): ConsoleSession {
  return useSession().session;
}

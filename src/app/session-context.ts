import { createContext, useContext } from 'react';
import type { CredentialStore } from '../aws/credentials';

export interface SessionInfo {
  /** Who is signed in: user name, "Guest" or "Static keys". */
  userName: string;
  groups: string[];
  credentials: CredentialStore;
  canSignOut: boolean;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionContext');
  return s;
}

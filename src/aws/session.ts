import { CallHistory } from './call-history';
import type { ConsoleConfig } from './config';
import type { CredentialStore } from './credentials';
import { InstanceActivity } from './ec2/activity';
import { DeniedActions } from './permissions';
import { VersionedStore } from './versioned-store';

/** Names this session has seen for ids ("instance", "i-0abc" -> "web-1"), so a crumb can read a name. */
export class NameBook extends VersionedStore {
  private readonly names = new Map<string, string>();

  remember(kind: string, entries: ReadonlyArray<{ id: string; name?: string | undefined }>): void {
    let isChanged = false;
    for (const e of entries) {
      const key = `${kind}|${e.id}`;
      if (e.name && this.names.get(key) !== e.name) {
        this.names.set(key, e.name);
        isChanged = true;
      }
    }
    if (isChanged) this.changed();
  }

  nameOf = (kind: string, id: string): string | undefined => this.names.get(`${kind}|${id}`);
}

/**
 * Everything that belongs to one signed-in identity (one role in one account): its credentials, the SDK
 * clients made with them, what it was refused, what it is doing to instances, names it has seen. Made at
 * sign-in (or on a role switch) and disposed at sign-out, so nothing of one identity survives into the
 * next and nothing needs resetting by hand.
 */
export class AwsSession {
  readonly denied = new DeniedActions();
  readonly instanceActivity = new InstanceActivity();
  readonly names = new NameBook();
  /** The calls this identity made (the history panel and "Show as code"). */
  readonly history = new CallHistory();
  /** One client per (service, region, credentials generation); see clients.ts. */
  readonly clients = new Map<string, Promise<unknown>>();
  isDisposed = false;

  constructor(
    readonly config: ConsoleConfig,
    readonly credentials: CredentialStore,
  ) {}

  dispose(): void {
    this.isDisposed = true;
    this.credentials.clear();
    this.clients.clear();
    this.history.dispose();
  }
}

let active: AwsSession | undefined;
const activeListeners = new Set<() => void>();

/**
 * The session every api call uses. Set by the app once the session's provider has mounted (never during
 * render), and by tests; `undefined` signs out.
 */
export function activateSession(session: AwsSession | undefined): void {
  if (active === session) return;
  active = session;
  for (const fn of activeListeners) fn();
}

/** Forget `session` if it is the active one (a provider unmounting must not clear a newer session). */
export function deactivateSession(session: AwsSession): void {
  if (active === session) activateSession(undefined);
}

/** The active session or undefined, and a subscription to its changes (for useSyncExternalStore). */
export function activeSession(): AwsSession | undefined {
  return active;
}

export function subscribeActiveSession(fn: () => void): () => void {
  activeListeners.add(fn);
  return () => activeListeners.delete(fn);
}

export function currentSession(): AwsSession {
  if (!active) throw new Error('Not signed in');
  return active;
}

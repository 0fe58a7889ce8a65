/** AWS credentials held in memory only, renewed before they expire and on demand after ExpiredToken. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
  /** Cognito identity id, when the credentials came from an identity pool. */
  identityId?: string;
}

export type CredentialSource = () => Promise<Credentials>;

/** The identity pool gave no credentials (GetId or GetCredentialsForIdentity failed): not the call's fault. */
export class CredentialsUnavailable extends Error {
  override readonly name = 'CredentialsUnavailable';
  constructor(cause: unknown) {
    super(
      `Could not get AWS credentials from the identity pool: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}
type Listener = (creds: Credentials | undefined) => void;

export class CredentialStore {
  private current: Credentials | undefined;
  private fetchedAt = 0;
  private pending: Promise<Credentials> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<Listener>();
  private closed = false;
  /** Bumped on every refresh, so SDK clients built with older credentials are replaced. */
  generation = 0;

  constructor(
    private readonly source: CredentialSource,
    private readonly refreshBeforeSeconds = 300,
    private readonly now: () => number = Date.now,
  ) {}

  snapshot(): Credentials | undefined {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Current credentials, fetching them first if missing or due for renewal. */
  async get(): Promise<Credentials> {
    if (this.current && !this.isDue(this.current)) return this.current;
    return this.refresh();
  }

  /** Fetch fresh credentials now; concurrent callers share one fetch. */
  refresh(): Promise<Credentials> {
    this.pending ??= this.source()
      .then((creds) => {
        if (this.closed) throw new Error('signed out');
        this.current = creds;
        this.fetchedAt = this.now();
        this.generation += 1;
        this.schedule(creds);
        for (const l of this.listeners) l(creds);
        return creds;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /** Forget everything (sign-out). */
  clear(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.current = undefined;
    for (const l of this.listeners) l(undefined);
    this.listeners.clear();
  }

  /** Seconds before expiry at which to renew: the configured margin, but at most half the lifetime. */
  private marginMs(creds: Credentials): number {
    if (!creds.expiration) return 0;
    const lifetime = creds.expiration.getTime() - this.fetchedAt;
    return Math.min(this.refreshBeforeSeconds * 1000, Math.max(0, lifetime / 2));
  }

  private isDue(creds: Credentials): boolean {
    if (!creds.expiration) return false;
    return this.now() >= creds.expiration.getTime() - this.marginMs(creds);
  }

  private schedule(creds: Credentials): void {
    if (this.timer) clearTimeout(this.timer);
    if (!creds.expiration) return;
    const delay = Math.max(1000, creds.expiration.getTime() - this.marginMs(creds) - this.now());
    // Renew in the background: a failure here is retried by the next get().
    this.timer = setTimeout(() => void this.refresh().catch(() => undefined), delay);
  }
}

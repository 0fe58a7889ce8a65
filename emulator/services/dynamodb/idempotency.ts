import { AwsError } from '../../core/errors.js';

const WINDOW_MS = 10 * 60 * 1000;

/**
 * TransactWriteItems' ClientRequestToken (the SDK fills one in and reuses it on retries): a repeat of a
 * committed request within ten minutes succeeds without writing again; the same token on different
 * items is refused, as on AWS.
 */
export class IdempotencyTokens {
  private readonly seen = new Map<string, { fingerprint: string; at: number }>();

  /** True when this token already committed these items. */
  alreadyCommitted(token: unknown, fingerprint: string): boolean {
    if (typeof token !== 'string') return false;
    const hit = this.seen.get(token);
    if (!hit || Date.now() - hit.at > WINDOW_MS) return false;
    if (hit.fingerprint !== fingerprint) {
      throw new AwsError(
        'IdempotentParameterMismatchException',
        'Request parameters do not match the original request made with this ClientRequestToken',
      );
    }
    return true;
  }

  remember(token: unknown, fingerprint: string): void {
    if (typeof token !== 'string') return;
    const now = Date.now();
    for (const [key, value] of this.seen) {
      if (now - value.at <= WINDOW_MS) break; // insertion order: the rest are newer
      this.seen.delete(key);
    }
    this.seen.set(token, { fingerprint, at: now });
  }

  clear(): void {
    this.seen.clear();
  }
}

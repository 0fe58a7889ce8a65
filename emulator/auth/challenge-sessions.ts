import { randomBytes } from 'node:crypto';
import type { Db } from './db.js';

const MODEL = 'cognito-idp:ChallengeSession';
/** Cognito's sessions for answering a challenge last 3 minutes. */
const SESSION_TTL_MS = 3 * 60_000;

/** Who a NEW_PASSWORD_REQUIRED challenge was issued to, and for which client or sign-in. */
export interface ChallengeSession {
  poolId: string;
  username: string;
  /** App client (InitiateAuth) or OIDC interaction id (login page) the session is bound to. */
  boundTo: string;
}

/** Sessions of pending sign-in challenges, in the security database (they survive a restart, as on AWS). */
export class ChallengeSessions {
  constructor(private readonly db: Db) {}

  create(session: ChallengeSession): string {
    const id = randomBytes(48).toString('base64url');
    this.db.prepare('DELETE FROM oidc WHERE model = ? AND expires_at < ?').run(MODEL, Date.now());
    this.db
      .prepare('INSERT INTO oidc (model, id, payload, expires_at) VALUES (?, ?, ?, ?)')
      .run(MODEL, id, JSON.stringify(session), Date.now() + SESSION_TTL_MS);
    return id;
  }

  /** The live session with this id, if it is bound to `boundTo`. */
  find(id: string, boundTo: string): ChallengeSession | null {
    const row = this.db.prepare('SELECT payload, expires_at FROM oidc WHERE model = ? AND id = ?').get(MODEL, id) as
      { payload: string; expires_at: number } | undefined;
    if (!row || row.expires_at <= Date.now()) return null;
    const session = JSON.parse(row.payload) as ChallengeSession;
    return session.boundTo === boundTo ? session : null;
  }

  end(id: string): void {
    this.db.prepare('DELETE FROM oidc WHERE model = ? AND id = ?').run(MODEL, id);
  }
}

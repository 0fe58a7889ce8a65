import { randomBytes } from 'node:crypto';
import type { Db } from './db.js';

export interface StoredCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Absent for static keys. */
  sessionToken?: string;
  roleName: string;
  sessionName: string;
  /** Epoch ms; absent for static keys. */
  expiresAt?: number;
}

export interface IssuedCredentials {
  AccessKeyId: string;
  SecretKey: string;
  SessionToken: string;
  /** Epoch ms. */
  expiresAt: number;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function accessKeyId(prefix: string): string {
  const bytes = randomBytes(16);
  let id = prefix;
  for (const b of bytes) id += KEY_ALPHABET[b % 32];
  return id;
}

interface Row {
  access_key_id: string;
  secret: string;
  session_token: string;
  role_name: string;
  session_name: string;
  expires_at: number;
}

/** Static admin keys (from options) and identity-pool session credentials (persisted). */
export class CredentialStore {
  private readonly statics = new Map<string, StoredCredentials>();

  constructor(
    private readonly db: Db,
    statics: Array<{ accessKeyId: string; secretAccessKey: string; roleName?: string }>,
    adminRole: string,
  ) {
    // Static keys act as a session of their role (the admin role unless named) called after the key, so ARNs keep one form.
    for (const s of statics) {
      this.statics.set(s.accessKeyId, {
        accessKeyId: s.accessKeyId,
        secretAccessKey: s.secretAccessKey,
        roleName: s.roleName ?? adminRole,
        sessionName: s.accessKeyId,
      });
    }
  }

  find(accessKeyId: string): StoredCredentials | null {
    const fixed = this.statics.get(accessKeyId);
    if (fixed) return fixed;
    const row = this.db.prepare('SELECT * FROM credentials WHERE access_key_id = ?').get(accessKeyId) as
      Row | undefined;
    if (!row) return null;
    return {
      accessKeyId: row.access_key_id,
      secretAccessKey: row.secret,
      sessionToken: row.session_token,
      roleName: row.role_name,
      sessionName: row.session_name,
      expiresAt: row.expires_at,
    };
  }

  issue(roleName: string, sessionName: string, identityId: string | null, ttlSeconds: number): IssuedCredentials {
    const now = Date.now();
    const creds: IssuedCredentials = {
      AccessKeyId: accessKeyId('ASIA'),
      SecretKey: randomBytes(30)
        .toString('base64')
        .replace(/[^A-Za-z0-9]/g, 'x')
        .slice(0, 40),
      SessionToken: `IQoJ${randomBytes(96).toString('base64')}`,
      expiresAt: now + ttlSeconds * 1000,
    };
    this.db
      .prepare(
        'INSERT INTO credentials (access_key_id, secret, session_token, role_name, session_name, identity_id, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(creds.AccessKeyId, creds.SecretKey, creds.SessionToken, roleName, sessionName, identityId, creds.expiresAt);
    // Forget credentials that died more than a day ago, so the table stays small.
    this.db.prepare('DELETE FROM credentials WHERE expires_at < ?').run(now - 86_400_000);
    return creds;
  }
}

import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Db } from '../db.js';
import type { UserPools } from '../user-pools.js';

/**
 * oidc-provider's storage in the security database, one adapter class per user pool. Clients come
 * from the pool's app clients (so CreateUserPoolClient and the seeded client work the same way).
 */
export function sqliteAdapter(db: Db, pools: UserPools, poolId: string): new (model: string) => Adapter {
  const scope = (model: string) => `${poolId}:${model}`;
  return class SqliteAdapter implements Adapter {
    private readonly model: string;
    constructor(private readonly name: string) {
      this.model = scope(name);
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void> {
      const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : null;
      db.prepare(
        'INSERT OR REPLACE INTO oidc (model, id, payload, expires_at, uid, grant_id, user_code, consumed) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)',
      ).run(
        this.model,
        id,
        JSON.stringify(payload),
        expiresAt,
        payload.uid ?? null,
        payload.grantId ?? null,
        payload.userCode ?? null,
      );
    }

    private load(where: string, value: string): AdapterPayload | undefined {
      const row = db
        .prepare(`SELECT payload, expires_at, consumed FROM oidc WHERE model = ? AND ${where} = ?`)
        .get(this.model, value) as { payload: string; expires_at: number | null; consumed: number | null } | undefined;
      if (!row || (row.expires_at !== null && row.expires_at < Date.now())) return undefined;
      const payload = JSON.parse(row.payload) as AdapterPayload;
      return row.consumed ? { ...payload, consumed: row.consumed } : payload;
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.name === 'Client') return clientMetadata(pools, poolId, id);
      return this.load('id', id);
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return this.load('user_code', userCode);
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return this.load('uid', uid);
    }

    async consume(id: string): Promise<void> {
      db.prepare('UPDATE oidc SET consumed = ? WHERE model = ? AND id = ?').run(
        Math.floor(Date.now() / 1000),
        this.model,
        id,
      );
    }

    async destroy(id: string): Promise<void> {
      db.prepare('DELETE FROM oidc WHERE model = ? AND id = ?').run(this.model, id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      db.prepare('DELETE FROM oidc WHERE model LIKE ? AND grant_id = ?').run(`${poolId}:%`, grantId);
    }
  };
}

/** An app client as oidc-provider client metadata: public, code + PKCE, refresh tokens. */
function clientMetadata(pools: UserPools, poolId: string, clientId: string): AdapterPayload | undefined {
  const client = pools.client(clientId);
  if (!client || client.poolId !== poolId) return undefined;
  return {
    client_id: client.clientId,
    client_name: client.name,
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.logoutUris,
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    require_auth_time: true,
  };
}

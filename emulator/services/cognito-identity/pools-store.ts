import type { Db } from '../../auth/db.js';

export interface CognitoProvider {
  ProviderName: string;
  ClientId?: string;
  ServerSideTokenCheck?: boolean;
}

export interface IdentityPoolDoc {
  IdentityPoolId: string;
  IdentityPoolName: string;
  AllowUnauthenticatedIdentities: boolean;
  AllowClassicFlow?: boolean;
  CognitoIdentityProviders?: CognitoProvider[];
  SupportedLoginProviders?: Record<string, string>;
  OpenIdConnectProviderARNs?: string[];
  IdentityPoolTags?: Record<string, string>;
}

export interface MappingRule {
  Claim: string;
  MatchType: 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual';
  Value: string;
  RoleARN: string;
}

export interface RoleMapping {
  Type: 'Token' | 'Rules';
  AmbiguousRoleResolution?: 'AuthenticatedRole' | 'Deny';
  RulesConfiguration?: { Rules: MappingRule[] };
}

export interface PoolRoles {
  Roles?: Record<string, string>;
  RoleMappings?: Record<string, RoleMapping>;
}

/** Identity pools, their roles and the identities they handed out. */
export class IdentityPoolStore {
  constructor(private readonly db: Db) {}

  get(id: string): IdentityPoolDoc | null {
    const row = this.db.prepare('SELECT doc FROM identity_pools WHERE id = ?').get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as IdentityPoolDoc) : null;
  }

  put(doc: IdentityPoolDoc): void {
    this.db
      .prepare(
        "INSERT INTO identity_pools (id, doc, roles) VALUES (?, ?, '{}') ON CONFLICT(id) DO UPDATE SET doc = excluded.doc",
      )
      .run(doc.IdentityPoolId, JSON.stringify(doc));
  }

  list(): IdentityPoolDoc[] {
    const rows = this.db.prepare('SELECT doc FROM identity_pools ORDER BY id').all() as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc) as IdentityPoolDoc);
  }

  delete(id: string): boolean {
    this.db.prepare('DELETE FROM identities WHERE pool_id = ?').run(id);
    return this.db.prepare('DELETE FROM identity_pools WHERE id = ?').run(id).changes === 1;
  }

  roles(id: string): PoolRoles {
    const row = this.db.prepare('SELECT roles FROM identity_pools WHERE id = ?').get(id) as
      { roles: string } | undefined;
    return row ? (JSON.parse(row.roles) as PoolRoles) : {};
  }

  setRoles(id: string, roles: PoolRoles): void {
    this.db.prepare('UPDATE identity_pools SET roles = ? WHERE id = ?').run(JSON.stringify(roles), id);
  }

  /** The identity for a login key (provider + subject), or for `null` a new unauthenticated one. */
  identityFor(poolId: string, loginKey: string | null, newId: () => string): string {
    if (loginKey) {
      const row = this.db
        .prepare('SELECT identity_id FROM identities WHERE pool_id = ? AND login_key = ?')
        .get(poolId, loginKey) as { identity_id: string } | undefined;
      if (row) return row.identity_id;
    }
    const id = newId();
    this.db
      .prepare('INSERT INTO identities (identity_id, pool_id, login_key, created_at) VALUES (?, ?, ?, ?)')
      .run(id, poolId, loginKey ?? '', Date.now());
    return id;
  }

  identity(identityId: string): { poolId: string; loginKey: string } | null {
    const row = this.db.prepare('SELECT pool_id, login_key FROM identities WHERE identity_id = ?').get(identityId) as
      { pool_id: string; login_key: string } | undefined;
    return row ? { poolId: row.pool_id, loginKey: row.login_key } : null;
  }
}

import { randomUUID } from 'node:crypto';
import type { Db } from './db.js';
import { hashPassword, verifyPassword } from './passwords.js';

export interface PoolUser {
  poolId: string;
  username: string;
  sub: string;
  email: string | null;
  status: string;
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
  groups: string[];
  /** Role ARNs of the user's groups, best (lowest precedence) first: Cognito's cognito:roles. */
  roleArns: string[];
}

export interface PoolClient {
  clientId: string;
  poolId: string;
  name: string;
  redirectUris: string[];
  logoutUris: string[];
}

export interface PoolGroup {
  poolId: string;
  name: string;
  description: string | null;
  precedence: number | null;
  roleArn: string | null;
  createdAt: number;
}

interface UserRow {
  pool_id: string;
  username: string;
  sub: string;
  email: string | null;
  password_hash: string | null;
  status: string;
  enabled: number;
  created_at: number;
  updated_at: number;
}

/** User pools, their users, groups and app clients, in the security database. */
export class UserPools {
  constructor(private readonly db: Db) {}

  poolExists(poolId: string): boolean {
    return this.db.prepare('SELECT 1 FROM user_pools WHERE id = ?').get(poolId) !== undefined;
  }

  pools(): Array<{ id: string; name: string; createdAt: number }> {
    const rows = this.db.prepare('SELECT id, name, created_at FROM user_pools ORDER BY id').all() as Array<{
      id: string;
      name: string;
      created_at: number;
    }>;
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
  }

  createPool(id: string, name: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO user_pools (id, name, created_at) VALUES (?, ?, ?)')
      .run(id, name, Date.now());
  }

  putClient(c: PoolClient): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO pool_clients (client_id, pool_id, name, redirect_uris, logout_uris) VALUES (?, ?, ?, ?, ?)',
      )
      .run(c.clientId, c.poolId, c.name, JSON.stringify(c.redirectUris), JSON.stringify(c.logoutUris));
  }

  client(clientId: string): PoolClient | null {
    const r = this.db.prepare('SELECT * FROM pool_clients WHERE client_id = ?').get(clientId) as
      { client_id: string; pool_id: string; name: string; redirect_uris: string; logout_uris: string } | undefined;
    if (!r) return null;
    return {
      clientId: r.client_id,
      poolId: r.pool_id,
      name: r.name,
      redirectUris: JSON.parse(r.redirect_uris) as string[],
      logoutUris: JSON.parse(r.logout_uris) as string[],
    };
  }

  clientsOf(poolId: string): PoolClient[] {
    const ids = this.db
      .prepare('SELECT client_id FROM pool_clients WHERE pool_id = ? ORDER BY client_id')
      .all(poolId) as Array<{ client_id: string }>;
    return ids.map((r) => this.client(r.client_id)).filter((c): c is PoolClient => c !== null);
  }

  private toUser(r: UserRow): PoolUser {
    return {
      poolId: r.pool_id,
      username: r.username,
      sub: r.sub,
      email: r.email,
      status: r.status,
      enabled: r.enabled === 1,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      groups: this.groupsOfUser(r.pool_id, r.username),
      roleArns: this.roleArnsOfUser(r.pool_id, r.username),
    };
  }

  user(poolId: string, username: string): PoolUser | null {
    const r = this.db.prepare('SELECT * FROM users WHERE pool_id = ? AND username = ?').get(poolId, username) as
      UserRow | undefined;
    return r ? this.toUser(r) : null;
  }

  userBySub(poolId: string, sub: string): PoolUser | null {
    const r = this.db.prepare('SELECT * FROM users WHERE pool_id = ? AND sub = ?').get(poolId, sub) as
      UserRow | undefined;
    return r ? this.toUser(r) : null;
  }

  users(poolId: string): PoolUser[] {
    const rows = this.db.prepare('SELECT * FROM users WHERE pool_id = ? ORDER BY username').all(poolId) as UserRow[];
    return rows.map((r) => this.toUser(r));
  }

  /** Creates the user; false when the username is taken. */
  createUser(poolId: string, username: string, email: string | null, status: string): boolean {
    const now = Date.now();
    const result = this.db
      .prepare(
        'INSERT OR IGNORE INTO users (pool_id, username, sub, email, password_hash, status, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, 1, ?, ?)',
      )
      .run(poolId, username, randomUUID(), email, status, now, now);
    return result.changes === 1;
  }

  async setPassword(poolId: string, username: string, password: string, permanent: boolean): Promise<void> {
    const hash = await hashPassword(password);
    this.db
      .prepare('UPDATE users SET password_hash = ?, status = ?, updated_at = ? WHERE pool_id = ? AND username = ?')
      .run(hash, permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD', Date.now(), poolId, username);
  }

  /** The user when the password matches (usernames are looked up case-sensitively, as Cognito's default). */
  async checkPassword(poolId: string, username: string, password: string): Promise<PoolUser | null> {
    const r = this.db.prepare('SELECT * FROM users WHERE pool_id = ? AND username = ?').get(poolId, username) as
      UserRow | undefined;
    const ok = await verifyPassword(password, r?.password_hash ?? null);
    return r && ok && r.enabled === 1 ? this.toUser(r) : null;
  }

  putGroup(g: Omit<PoolGroup, 'createdAt'>): boolean {
    const result = this.db
      .prepare(
        'INSERT OR IGNORE INTO pool_groups (pool_id, name, description, precedence, role_arn, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(g.poolId, g.name, g.description, g.precedence, g.roleArn, Date.now());
    return result.changes === 1;
  }

  groups(poolId: string): PoolGroup[] {
    const rows = this.db.prepare('SELECT * FROM pool_groups WHERE pool_id = ? ORDER BY name').all(poolId) as Array<{
      pool_id: string;
      name: string;
      description: string | null;
      precedence: number | null;
      role_arn: string | null;
      created_at: number;
    }>;
    return rows.map((r) => ({
      poolId: r.pool_id,
      name: r.name,
      description: r.description,
      precedence: r.precedence,
      roleArn: r.role_arn,
      createdAt: r.created_at,
    }));
  }

  groupExists(poolId: string, name: string): boolean {
    return this.db.prepare('SELECT 1 FROM pool_groups WHERE pool_id = ? AND name = ?').get(poolId, name) !== undefined;
  }

  addToGroup(poolId: string, username: string, group: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO user_groups (pool_id, username, group_name) VALUES (?, ?, ?)')
      .run(poolId, username, group);
  }

  private roleArnsOfUser(poolId: string, username: string): string[] {
    const rows = this.db
      .prepare(
        'SELECT g.role_arn FROM user_groups u JOIN pool_groups g ON g.pool_id = u.pool_id AND g.name = u.group_name WHERE u.pool_id = ? AND u.username = ? AND g.role_arn IS NOT NULL ORDER BY COALESCE(g.precedence, 2147483647), g.name',
      )
      .all(poolId, username) as Array<{ role_arn: string }>;
    return [...new Set(rows.map((r) => r.role_arn))];
  }

  groupsOfUser(poolId: string, username: string): string[] {
    const rows = this.db
      .prepare('SELECT group_name FROM user_groups WHERE pool_id = ? AND username = ? ORDER BY group_name')
      .all(poolId, username) as Array<{ group_name: string }>;
    return rows.map((r) => r.group_name);
  }
}

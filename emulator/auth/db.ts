import Database from 'better-sqlite3';
import { join } from 'node:path';

export type Db = Database.Database;

/** Every table security keeps: one SQLite file under DATA/auth, WAL + full sync so kill -9 loses nothing acknowledged. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS credentials (
  access_key_id TEXT PRIMARY KEY, secret TEXT NOT NULL, session_token TEXT NOT NULL,
  role_name TEXT NOT NULL, session_name TEXT NOT NULL, identity_id TEXT, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS user_pools (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS pool_keys (pool_id TEXT PRIMARY KEY, jwk TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pool_clients (
  client_id TEXT PRIMARY KEY, pool_id TEXT NOT NULL, name TEXT NOT NULL,
  redirect_uris TEXT NOT NULL, logout_uris TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  pool_id TEXT NOT NULL, username TEXT NOT NULL, sub TEXT NOT NULL, email TEXT, password_hash TEXT,
  status TEXT NOT NULL, enabled INTEGER NOT NULL DEFAULT 1, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  PRIMARY KEY (pool_id, username));
CREATE TABLE IF NOT EXISTS pool_groups (
  pool_id TEXT NOT NULL, name TEXT NOT NULL, description TEXT, precedence INTEGER, role_arn TEXT,
  created_at INTEGER NOT NULL, PRIMARY KEY (pool_id, name));
CREATE TABLE IF NOT EXISTS user_groups (
  pool_id TEXT NOT NULL, username TEXT NOT NULL, group_name TEXT NOT NULL, PRIMARY KEY (pool_id, username, group_name));
CREATE TABLE IF NOT EXISTS identity_pools (id TEXT PRIMARY KEY, doc TEXT NOT NULL, roles TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS identities (
  identity_id TEXT PRIMARY KEY, pool_id TEXT NOT NULL, login_key TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS oidc (
  model TEXT NOT NULL, id TEXT NOT NULL, payload TEXT NOT NULL, expires_at INTEGER,
  uid TEXT, grant_id TEXT, user_code TEXT, consumed INTEGER, PRIMARY KEY (model, id));
CREATE INDEX IF NOT EXISTS oidc_uid ON oidc (model, uid);
CREATE INDEX IF NOT EXISTS oidc_grant ON oidc (grant_id);
`;

export const TABLES = [
  'credentials',
  'user_pools',
  'pool_keys',
  'pool_clients',
  'users',
  'pool_groups',
  'user_groups',
  'identity_pools',
  'identities',
  'oidc',
];

export function openDb(dataDir: string): Db {
  const db = new Database(join(dataDir, 'auth.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  return db;
}

export function wipeDb(db: Db): void {
  db.transaction(() => {
    for (const t of TABLES) db.exec(`DELETE FROM ${t}`);
  })();
}

import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Db } from './db.js';

export interface PoolKeys {
  /** RS256 private key, with kid/alg/use, as oidc-provider's `jwks` wants it. */
  privateJwk: JWK;
  publicJwk: JWK;
  cookieKeys: string[];
}

const cache = new WeakMap<Db, Map<string, PoolKeys>>();

function publicPart(jwk: JWK): JWK {
  const { kty, n, e, kid, alg, use } = jwk;
  return { kty, n, e, kid, alg, use };
}

/** A pool's signing key and cookie keys: generated once, then read back from the database. */
export async function poolKeys(db: Db, poolId: string): Promise<PoolKeys> {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const hit = perDb.get(poolId);
  if (hit) return hit;
  const row = db.prepare('SELECT jwk FROM pool_keys WHERE pool_id = ?').get(poolId) as { jwk: string } | undefined;
  let stored: { privateJwk: JWK; cookieKeys: string[] };
  if (row) {
    stored = JSON.parse(row.jwk) as typeof stored;
  } else {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
    const jwk = await exportJWK(privateKey);
    stored = {
      privateJwk: { ...jwk, kid: randomBytes(12).toString('base64url'), alg: 'RS256', use: 'sig' },
      cookieKeys: [randomBytes(32).toString('base64url')],
    };
    // INSERT OR IGNORE then re-read: two concurrent first calls must end with one key.
    db.prepare('INSERT OR IGNORE INTO pool_keys (pool_id, jwk) VALUES (?, ?)').run(poolId, JSON.stringify(stored));
    stored = JSON.parse(
      (db.prepare('SELECT jwk FROM pool_keys WHERE pool_id = ?').get(poolId) as { jwk: string }).jwk,
    ) as typeof stored;
  }
  const keys: PoolKeys = { ...stored, publicJwk: publicPart(stored.privateJwk) };
  perDb.set(poolId, keys);
  return keys;
}

export function forgetPoolKeys(db: Db): void {
  cache.delete(db);
}

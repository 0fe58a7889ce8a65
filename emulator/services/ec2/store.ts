import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { InstanceRecord } from './model.js';
import { isExpired } from './lifecycle.js';

export interface StoredInstance {
  /** Launch order; the paging key. */
  seq: number;
  rec: InstanceRecord;
}

interface Row {
  seq: number;
  data: string;
}

/**
 * Instances in SQLite (WAL, synchronous FULL): an acknowledged change survives kill -9. Each region's
 * records are parsed once and kept in memory (this store is their only writer), so a DescribeInstances
 * page costs the same on a fleet of 10,000 as on one of 100.
 */
export class InstanceStore {
  private readonly db: Database.Database;
  private readonly cache = new Map<string, StoredInstance[]>();

  constructor(dataDir: string) {
    this.db = new Database(join(dataDir, 'ec2.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS instances (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      region TEXT NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS instances_region ON instances (region, seq);`);
  }

  /** Every listed instance of a region in launch order; aged-out terminated ones are purged here. */
  list(region: string, now: number): StoredInstance[] {
    const all = this.loaded(region);
    const expired = all.filter((s) => isExpired(s.rec, now));
    if (expired.length === 0) return all.slice();
    const del = this.db.prepare('DELETE FROM instances WHERE seq = ?');
    this.db.transaction(() => expired.forEach((s) => del.run(s.seq)))();
    const gone = new Set(expired);
    const kept = all.filter((s) => !gone.has(s));
    this.cache.set(region, kept);
    return kept.slice();
  }

  private loaded(region: string): StoredInstance[] {
    let all = this.cache.get(region);
    if (!all) {
      const rows = this.db
        .prepare('SELECT seq, data FROM instances WHERE region = ? ORDER BY seq')
        .all(region) as Row[];
      all = rows.map((row) => ({ seq: row.seq, rec: JSON.parse(row.data) as InstanceRecord }));
      this.cache.set(region, all);
    }
    return all;
  }

  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM instances LIMIT 1').get() === undefined;
  }

  insert(records: InstanceRecord[]): void {
    const ins = this.db.prepare('INSERT INTO instances (id, region, data) VALUES (?, ?, ?)');
    const stored = this.db.transaction(() =>
      records.map((r) => ({ seq: Number(ins.run(r.id, r.region, JSON.stringify(r)).lastInsertRowid), rec: r })),
    )();
    // Regions not loaded yet read the new rows from the database when first listed.
    for (const s of stored) this.cache.get(s.rec.region)?.push(s);
  }

  update(records: InstanceRecord[]): void {
    const upd = this.db.prepare('UPDATE instances SET data = ? WHERE id = ?');
    this.db.transaction(() => records.forEach((r) => upd.run(JSON.stringify(r), r.id)))();
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const [region, all] of this.cache) {
      this.cache.set(
        region,
        all.map((s) => {
          const rec = byId.get(s.rec.id);
          return rec ? { seq: s.seq, rec } : s;
        }),
      );
    }
  }

  reset(): void {
    this.db.exec('DELETE FROM instances');
    this.cache.clear();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

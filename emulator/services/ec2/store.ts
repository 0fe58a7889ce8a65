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

/** Instances in SQLite (WAL, synchronous FULL): an acknowledged change survives kill -9. */
export class InstanceStore {
  private readonly db: Database.Database;

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
    const rows = this.db.prepare('SELECT seq, data FROM instances WHERE region = ? ORDER BY seq').all(region) as Row[];
    const out: StoredInstance[] = [];
    const expired: number[] = [];
    for (const row of rows) {
      const rec = JSON.parse(row.data) as InstanceRecord;
      if (isExpired(rec, now)) expired.push(row.seq);
      else out.push({ seq: row.seq, rec });
    }
    if (expired.length) {
      const del = this.db.prepare('DELETE FROM instances WHERE seq = ?');
      this.db.transaction(() => expired.forEach((s) => del.run(s)))();
    }
    return out;
  }

  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM instances LIMIT 1').get() === undefined;
  }

  insert(records: InstanceRecord[]): void {
    const ins = this.db.prepare('INSERT INTO instances (id, region, data) VALUES (?, ?, ?)');
    this.db.transaction(() => records.forEach((r) => ins.run(r.id, r.region, JSON.stringify(r))))();
  }

  update(records: InstanceRecord[]): void {
    const upd = this.db.prepare('UPDATE instances SET data = ? WHERE id = ?');
    this.db.transaction(() => records.forEach((r) => upd.run(JSON.stringify(r), r.id)))();
  }

  reset(): void {
    this.db.exec('DELETE FROM instances');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

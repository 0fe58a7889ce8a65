import Database from 'better-sqlite3';
import { join } from 'node:path';

export interface SecretRow {
  region: string;
  name: string;
  arn: string;
  description: string;
  kms_key_id: string | null;
  created: number;
  changed: number;
  accessed: number | null;
  /** When a scheduled deletion happens (epoch ms); null unless scheduled. */
  deletion: number | null;
  tags: string;
  rotation: string | null;
  rotated: number | null;
}

export interface VersionRow {
  arn: string;
  version_id: string;
  created: number;
  accessed: number | null;
  stages: string;
  kind: 'string' | 'binary';
  sealed: Buffer;
}

/** Secrets and their versions in SQLite (values sealed by the vault before they get here). */
export class SecretStore {
  readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = new Database(join(dataDir, 'secrets.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS secrets (region TEXT NOT NULL, name TEXT NOT NULL, arn TEXT NOT NULL UNIQUE, description TEXT NOT NULL DEFAULT '',
        kms_key_id TEXT, created INTEGER NOT NULL, changed INTEGER NOT NULL, accessed INTEGER, deletion INTEGER, tags TEXT NOT NULL DEFAULT '[]',
        rotation TEXT, rotated INTEGER, PRIMARY KEY (region, name));
      CREATE TABLE IF NOT EXISTS versions (arn TEXT NOT NULL, version_id TEXT NOT NULL, created INTEGER NOT NULL, accessed INTEGER,
        stages TEXT NOT NULL, kind TEXT NOT NULL, sealed BLOB NOT NULL, PRIMARY KEY (arn, version_id));
    `);
  }

  byName(region: string, name: string): SecretRow | undefined {
    return this.db.prepare('SELECT * FROM secrets WHERE region = ? AND name = ?').get(region, name) as
      SecretRow | undefined;
  }

  byArn(arn: string): SecretRow | undefined {
    return this.db.prepare('SELECT * FROM secrets WHERE arn = ?').get(arn) as SecretRow | undefined;
  }

  /** An ARN without its random suffix names the secret too. */
  byArnPrefix(region: string, prefix: string): SecretRow | undefined {
    return this.db
      .prepare('SELECT * FROM secrets WHERE region = ? AND substr(arn, 1, ?) = ? AND length(arn) = ? + 7')
      .get(region, prefix.length, prefix, prefix.length) as SecretRow | undefined;
  }

  list(region: string): SecretRow[] {
    return this.db.prepare('SELECT * FROM secrets WHERE region = ?').all(region) as SecretRow[];
  }

  insert(row: SecretRow): void {
    this.db
      .prepare(
        'INSERT INTO secrets (region, name, arn, description, kms_key_id, created, changed, accessed, deletion, tags, rotation, rotated) VALUES (@region, @name, @arn, @description, @kms_key_id, @created, @changed, @accessed, @deletion, @tags, @rotation, @rotated)',
      )
      .run(row);
  }

  update(row: SecretRow): void {
    this.db
      .prepare(
        'UPDATE secrets SET description = @description, kms_key_id = @kms_key_id, changed = @changed, accessed = @accessed, deletion = @deletion, tags = @tags, rotation = @rotation, rotated = @rotated WHERE arn = @arn',
      )
      .run(row);
  }

  remove(arn: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM versions WHERE arn = ?').run(arn);
      this.db.prepare('DELETE FROM secrets WHERE arn = ?').run(arn);
    })();
  }

  versions(arn: string): VersionRow[] {
    return this.db
      .prepare('SELECT * FROM versions WHERE arn = ? ORDER BY created DESC, rowid DESC')
      .all(arn) as VersionRow[];
  }

  version(arn: string, id: string): VersionRow | undefined {
    return this.db.prepare('SELECT * FROM versions WHERE arn = ? AND version_id = ?').get(arn, id) as
      VersionRow | undefined;
  }

  putVersion(v: VersionRow): void {
    this.db
      .prepare(
        'INSERT INTO versions (arn, version_id, created, accessed, stages, kind, sealed) VALUES (@arn, @version_id, @created, @accessed, @stages, @kind, @sealed)',
      )
      .run(v);
  }

  setStages(arn: string, id: string, stages: string[]): void {
    this.db
      .prepare('UPDATE versions SET stages = ? WHERE arn = ? AND version_id = ?')
      .run(JSON.stringify(stages), arn, id);
  }

  /** Record a read. AWS keeps the access date to the day, so a read writes only on a new day (reads stay cheap). */
  touch(arn: string, id: string, when: number): void {
    const day = Math.floor(when / 86_400_000) * 86_400_000;
    this.db
      .prepare(
        'UPDATE versions SET accessed = ? WHERE arn = ? AND version_id = ? AND (accessed IS NULL OR accessed < ?)',
      )
      .run(day, arn, id, day);
    this.db
      .prepare('UPDATE secrets SET accessed = ? WHERE arn = ? AND (accessed IS NULL OR accessed < ?)')
      .run(day, arn, day);
  }

  /** Remove secrets whose recovery window is over. */
  purge(now: number): void {
    for (const row of this.purgeable.all(now) as Array<{ arn: string }>) this.remove(row.arn);
  }

  private get purgeable() {
    this.purgeStatement ??= this.db.prepare('SELECT arn FROM secrets WHERE deletion IS NOT NULL AND deletion <= ?');
    return this.purgeStatement;
  }
  private purgeStatement: Database.Statement | undefined;

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  wipe(): void {
    this.db.exec('DELETE FROM versions; DELETE FROM secrets;');
  }

  close(): void {
    this.db.close();
  }
}

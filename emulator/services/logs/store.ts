import Database from 'better-sqlite3';
import { join } from 'node:path';

export interface GroupRow {
  region: string;
  name: string;
  created: number;
  retention: number | null;
}

export interface StreamRow {
  region: string;
  grp: string;
  name: string;
  created: number;
  first_ts: number | null;
  last_ts: number | null;
  last_ingest: number | null;
  bytes: number;
}

export interface EventRow {
  id: number;
  stream: string;
  ts: number;
  message: string;
  ingest: number;
}

/** Log groups, streams and events in SQLite (DATA/logs/logs.sqlite). */
export class LogStore {
  readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = new Database(join(dataDir, 'logs.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS groups (region TEXT NOT NULL, name TEXT NOT NULL, created INTEGER NOT NULL, retention INTEGER, tags TEXT NOT NULL DEFAULT '{}', PRIMARY KEY (region, name));
      CREATE TABLE IF NOT EXISTS streams (region TEXT NOT NULL, grp TEXT NOT NULL, name TEXT NOT NULL, created INTEGER NOT NULL, first_ts INTEGER, last_ts INTEGER, last_ingest INTEGER, bytes INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (region, grp, name));
      CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY AUTOINCREMENT, region TEXT NOT NULL, grp TEXT NOT NULL, stream TEXT NOT NULL, ts INTEGER NOT NULL, message TEXT NOT NULL, ingest INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS events_by_stream ON events (region, grp, stream, ts, id);
      CREATE INDEX IF NOT EXISTS events_by_group ON events (region, grp, ts, id);
    `);
  }

  group(region: string, name: string): GroupRow | undefined {
    return this.db
      .prepare('SELECT region, name, created, retention FROM groups WHERE region = ? AND name = ?')
      .get(region, name) as GroupRow | undefined;
  }

  groups(region: string, prefix: string, after: string, limit: number): GroupRow[] {
    return this.db
      .prepare(
        'SELECT region, name, created, retention FROM groups WHERE region = ? AND substr(name, 1, ?) = ? AND name > ? ORDER BY name LIMIT ?',
      )
      .all(region, prefix.length, prefix, after, limit) as GroupRow[];
  }

  createGroup(region: string, name: string, tags: Record<string, string>): boolean {
    return (
      this.db
        .prepare('INSERT OR IGNORE INTO groups (region, name, created, tags) VALUES (?, ?, ?, ?)')
        .run(region, name, Date.now(), JSON.stringify(tags)).changes > 0
    );
  }

  deleteGroup(region: string, name: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM events WHERE region = ? AND grp = ?').run(region, name);
      this.db.prepare('DELETE FROM streams WHERE region = ? AND grp = ?').run(region, name);
      this.db.prepare('DELETE FROM groups WHERE region = ? AND name = ?').run(region, name);
    })();
  }

  setRetention(region: string, name: string, days: number | null): void {
    this.db.prepare('UPDATE groups SET retention = ? WHERE region = ? AND name = ?').run(days, region, name);
  }

  groupBytes(region: string, name: string): number {
    return (
      this.db
        .prepare('SELECT COALESCE(SUM(bytes), 0) AS n FROM streams WHERE region = ? AND grp = ?')
        .get(region, name) as { n: number }
    ).n;
  }

  stream(region: string, grp: string, name: string): StreamRow | undefined {
    return this.db.prepare('SELECT * FROM streams WHERE region = ? AND grp = ? AND name = ?').get(region, grp, name) as
      StreamRow | undefined;
  }

  streams(region: string, grp: string): StreamRow[] {
    return this.db.prepare('SELECT * FROM streams WHERE region = ? AND grp = ?').all(region, grp) as StreamRow[];
  }

  createStream(region: string, grp: string, name: string): boolean {
    return (
      this.db
        .prepare('INSERT OR IGNORE INTO streams (region, grp, name, created) VALUES (?, ?, ?, ?)')
        .run(region, grp, name, Date.now()).changes > 0
    );
  }

  deleteStream(region: string, grp: string, name: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM events WHERE region = ? AND grp = ? AND stream = ?').run(region, grp, name);
      this.db.prepare('DELETE FROM streams WHERE region = ? AND grp = ? AND name = ?').run(region, grp, name);
    })();
  }

  put(region: string, grp: string, stream: string, events: Array<{ timestamp: number; message: string }>): void {
    const now = Date.now();
    const insert = this.db.prepare(
      'INSERT INTO events (region, grp, stream, ts, message, ingest) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      let bytes = 0;
      for (const e of events) {
        insert.run(region, grp, stream, e.timestamp, e.message, now);
        bytes += Buffer.byteLength(e.message) + 26;
      }
      const first = Math.min(...events.map((e) => e.timestamp));
      const last = Math.max(...events.map((e) => e.timestamp));
      this.db
        .prepare(
          'UPDATE streams SET first_ts = MIN(COALESCE(first_ts, ?), ?), last_ts = MAX(COALESCE(last_ts, ?), ?), last_ingest = ?, bytes = bytes + ? WHERE region = ? AND grp = ? AND name = ?',
        )
        .run(first, first, last, last, now, bytes, region, grp, stream);
    })();
  }

  /** Events of one stream in [start, end), after/before an event id, in time order. */
  streamEvents(
    region: string,
    grp: string,
    stream: string,
    start: number,
    end: number,
    afterId: number,
    beforeId: number,
    limit: number,
    fromHead: boolean,
  ): EventRow[] {
    const rows = this.db
      .prepare(
        `SELECT id, stream, ts, message, ingest FROM events WHERE region = ? AND grp = ? AND stream = ? AND ts >= ? AND ts < ? AND id > ? AND id < ?
         ORDER BY ts ${fromHead ? 'ASC' : 'DESC'}, id ${fromHead ? 'ASC' : 'DESC'} LIMIT ?`,
      )
      .all(region, grp, stream, start, end, afterId, beforeId, limit) as EventRow[];
    return fromHead ? rows : rows.reverse();
  }

  /** Events of a group, optionally of some streams, in [start, end), after an event id, in id order. */
  groupEvents(
    region: string,
    grp: string,
    streams: string[] | null,
    start: number,
    end: number,
    afterId: number,
    limit: number,
  ): EventRow[] {
    const inStreams = streams ? `AND stream IN (${streams.map(() => '?').join(',')})` : '';
    return this.db
      .prepare(
        `SELECT id, stream, ts, message, ingest FROM events WHERE region = ? AND grp = ? ${inStreams} AND ts >= ? AND ts < ? AND id > ? ORDER BY id LIMIT ?`,
      )
      .all(region, grp, ...(streams ?? []), start, end, afterId, limit) as EventRow[];
  }

  /** Drop events older than each group's retention. */
  expire(now: number): void {
    for (const g of this.db
      .prepare('SELECT region, name, retention FROM groups WHERE retention IS NOT NULL')
      .all() as GroupRow[]) {
      this.db
        .prepare('DELETE FROM events WHERE region = ? AND grp = ? AND ts < ?')
        .run(g.region, g.name, now - (g.retention ?? 0) * 86_400_000);
    }
  }

  wipe(): void {
    this.db.exec('DELETE FROM events; DELETE FROM streams; DELETE FROM groups;');
  }

  close(): void {
    this.db.close();
  }
}

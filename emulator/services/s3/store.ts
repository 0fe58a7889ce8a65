import Database from 'better-sqlite3';
import { mkdirSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { filesOf } from './content.js';

/** Headers stored with an object and returned on GET/HEAD. */
export interface ObjectHeaders {
  contentType?: string;
  contentDisposition?: string;
  cacheControl?: string;
  contentEncoding?: string;
  contentLanguage?: string;
  expires?: string;
  /** x-amz-meta-* without the prefix, lower-case names. */
  metadata: Record<string, string>;
  /** Asked for with x-amz-server-side-encryption; absent means S3's default, SSE-S3 (AES256). */
  serverSideEncryption?: string;
  sseKmsKeyId?: string;
}

export interface ObjectRow {
  bucket: string;
  key: string;
  size: number;
  etag: string;
  lastModified: number;
  headers: ObjectHeaders;
  checksumAlgorithm: string | null;
  checksumValue: string | null;
  /** Where the bytes are: a content file's relative path, or a multipart object's part files (content.ts); null when empty. */
  file: string | null;
}

export interface BucketRow {
  name: string;
  region: string;
  created: number;
  cors: string | null;
}

export interface UploadRow {
  uploadId: string;
  bucket: string;
  key: string;
  initiated: number;
  headers: ObjectHeaders;
  checksumAlgorithm: string | null;
}

export interface PartRow {
  uploadId: string;
  partNumber: number;
  size: number;
  etag: string;
  lastModified: number;
  checksumValue: string | null;
  file: string;
}

interface RawObject {
  bucket: string;
  key: Buffer;
  size: number;
  etag: string;
  last_modified: number;
  headers: string;
  checksum_algorithm: string | null;
  checksum_value: string | null;
  file: string | null;
}

/** A listing row: key bytes (UTF-8) so seeks compare like S3 (binary UTF-8 order). */
export interface ListedRow {
  key: Buffer;
  size: number;
  etag: string;
  last_modified: number;
  checksum_algorithm: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS buckets (name TEXT PRIMARY KEY, region TEXT NOT NULL, created INTEGER NOT NULL, cors TEXT);
CREATE TABLE IF NOT EXISTS objects (
  bucket TEXT NOT NULL, key BLOB NOT NULL, size INTEGER NOT NULL, etag TEXT NOT NULL,
  last_modified INTEGER NOT NULL, headers TEXT NOT NULL, checksum_algorithm TEXT, checksum_value TEXT, file TEXT,
  PRIMARY KEY (bucket, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS uploads (
  upload_id TEXT PRIMARY KEY, bucket TEXT NOT NULL, key BLOB NOT NULL, initiated INTEGER NOT NULL,
  headers TEXT NOT NULL, checksum_algorithm TEXT);
CREATE INDEX IF NOT EXISTS uploads_by_key ON uploads (bucket, key, initiated);
CREATE TABLE IF NOT EXISTS parts (
  upload_id TEXT NOT NULL, part_number INTEGER NOT NULL, size INTEGER NOT NULL, etag TEXT NOT NULL,
  last_modified INTEGER NOT NULL, checksum_value TEXT, file TEXT NOT NULL,
  PRIMARY KEY (upload_id, part_number)) WITHOUT ROWID;
`;

const keyBytes = (key: string): Buffer => Buffer.from(key, 'utf8');

function toObject(r: RawObject): ObjectRow {
  return {
    bucket: r.bucket,
    key: r.key.toString('utf8'),
    size: r.size,
    etag: r.etag,
    lastModified: r.last_modified,
    headers: JSON.parse(r.headers) as ObjectHeaders,
    checksumAlgorithm: r.checksum_algorithm,
    checksumValue: r.checksum_value,
    file: r.file,
  };
}

/** The S3 index (SQLite, WAL) plus the folder of content files it points to. */
export class S3Store {
  readonly db: Database.Database;
  readonly root: string;
  private readonly stmts;

  constructor(dataDir: string) {
    this.root = dataDir;
    mkdirSync(join(dataDir, 'objects'), { recursive: true });
    // Temp files are uploads that never committed (a crash mid-body): nothing refers to them.
    rmSync(join(dataDir, 'tmp'), { recursive: true, force: true });
    mkdirSync(join(dataDir, 'tmp'), { recursive: true });
    this.db = new Database(join(dataDir, 'index.db'));
    this.db.pragma('journal_mode = WAL');
    // WAL + NORMAL survives a process kill (commits reach the OS); files are fsynced before commit.
    this.db.pragma('synchronous = NORMAL');
    // A bigger page cache keeps the upper index levels of a million-key bucket in memory.
    this.db.pragma('cache_size = -65536');
    this.db.exec(SCHEMA);
    const db = this.db;
    this.stmts = {
      bucket: db.prepare('SELECT name, region, created, cors FROM buckets WHERE name = ?'),
      buckets: db.prepare('SELECT name, region, created, cors FROM buckets ORDER BY name'),
      insertBucket: db.prepare('INSERT INTO buckets (name, region, created, cors) VALUES (?, ?, ?, NULL)'),
      deleteBucket: db.prepare('DELETE FROM buckets WHERE name = ?'),
      setCors: db.prepare('UPDATE buckets SET cors = ? WHERE name = ?'),
      anyObject: db.prepare('SELECT 1 FROM objects WHERE bucket = ? LIMIT 1'),
      object: db.prepare('SELECT * FROM objects WHERE bucket = ? AND key = ?'),
      putObject: db.prepare(
        `INSERT OR REPLACE INTO objects (bucket, key, size, etag, last_modified, headers, checksum_algorithm, checksum_value, file)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      deleteObject: db.prepare('DELETE FROM objects WHERE bucket = ? AND key = ?'),
      rangeFrom: db.prepare(
        'SELECT key, size, etag, last_modified, checksum_algorithm FROM objects WHERE bucket = ? AND key >= ? ORDER BY key LIMIT ?',
      ),
      rangeBetween: db.prepare(
        'SELECT key, size, etag, last_modified, checksum_algorithm FROM objects WHERE bucket = ? AND key >= ? AND key < ? ORDER BY key LIMIT ?',
      ),
      upload: db.prepare('SELECT * FROM uploads WHERE upload_id = ?'),
      insertUpload: db.prepare(
        'INSERT INTO uploads (upload_id, bucket, key, initiated, headers, checksum_algorithm) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      deleteUpload: db.prepare('DELETE FROM uploads WHERE upload_id = ?'),
      uploads: db.prepare('SELECT * FROM uploads WHERE bucket = ? ORDER BY key, initiated, upload_id'),
      part: db.prepare('SELECT * FROM parts WHERE upload_id = ? AND part_number = ?'),
      parts: db.prepare('SELECT * FROM parts WHERE upload_id = ? AND part_number > ? ORDER BY part_number LIMIT ?'),
      allParts: db.prepare('SELECT * FROM parts WHERE upload_id = ? ORDER BY part_number'),
      putPart: db.prepare(
        `INSERT OR REPLACE INTO parts (upload_id, part_number, size, etag, last_modified, checksum_value, file)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      deleteParts: db.prepare('DELETE FROM parts WHERE upload_id = ?'),
    };
  }

  private readonly dirs = new Set<string>();

  /** Create a content-file folder once per store (reset makes a new store, so the cache resets too). */
  ensureDir(dir: string): void {
    if (this.dirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.dirs.add(dir);
  }

  /** Insert many index rows in one transaction (seed data, benchmarks). */
  insertObjects(rows: ObjectRow[]): void {
    this.db.transaction(() => {
      for (const o of rows) this.writeRow(o);
    })();
  }

  path(file: string): string {
    return join(this.root, file);
  }

  /** Remove an object's or a part's content files; missing files are fine (a crash may have removed them already). */
  unlinkQuietly(ref: string | null): void {
    for (const file of filesOf(ref)) {
      try {
        unlinkSync(this.path(file));
      } catch {
        // already gone
      }
    }
  }

  getBucket(name: string): BucketRow | undefined {
    return this.stmts.bucket.get(name) as BucketRow | undefined;
  }

  listBuckets(): BucketRow[] {
    return this.stmts.buckets.all() as BucketRow[];
  }

  createBucket(name: string, region: string, created = Date.now()): void {
    this.stmts.insertBucket.run(name, region, created);
  }

  /** Delete a bucket; its unfinished multipart uploads go with it. */
  deleteBucket(name: string): void {
    for (const u of this.listUploads(name)) this.removeUpload(u.uploadId);
    this.stmts.deleteBucket.run(name);
  }

  setCors(name: string, cors: string | null): void {
    this.stmts.setCors.run(cors, name);
  }

  /** No objects (unfinished multipart uploads do not count, as on AWS). */
  isBucketEmpty(name: string): boolean {
    return !this.stmts.anyObject.get(name);
  }

  getObject(bucket: string, key: string): ObjectRow | undefined {
    const raw = this.stmts.object.get(bucket, keyBytes(key)) as RawObject | undefined;
    return raw ? toObject(raw) : undefined;
  }

  /** Commit an object's index row, then remove the content of the object it replaced. */
  putObject(o: ObjectRow): void {
    const old = this.db.transaction(() => this.replaceRow(o))();
    if (old && old !== o.file) this.unlinkQuietly(old);
  }

  /** Write an object's row (inside a transaction); returns the replaced row's content for unlinking. */
  private replaceRow(o: ObjectRow): string | null {
    const prev = this.stmts.object.get(o.bucket, keyBytes(o.key)) as RawObject | undefined;
    this.writeRow(o);
    return prev?.file ?? null;
  }

  private writeRow(o: ObjectRow): void {
    this.stmts.putObject.run(
      o.bucket,
      keyBytes(o.key),
      o.size,
      o.etag,
      o.lastModified,
      JSON.stringify(o.headers),
      o.checksumAlgorithm,
      o.checksumValue,
      o.file,
    );
  }

  /** Delete an object; true when it existed. */
  deleteObject(bucket: string, key: string): boolean {
    const prev = this.stmts.object.get(bucket, keyBytes(key)) as RawObject | undefined;
    if (!prev) return false;
    this.stmts.deleteObject.run(bucket, keyBytes(key));
    this.unlinkQuietly(prev.file);
    return true;
  }

  /** Up to `limit` rows with from <= key < to (to null: unbounded), in S3 key order. */
  range(bucket: string, from: Buffer, to: Buffer | null, limit: number): ListedRow[] {
    return (
      to ? this.stmts.rangeBetween.all(bucket, from, to, limit) : this.stmts.rangeFrom.all(bucket, from, limit)
    ) as ListedRow[];
  }

  getUpload(uploadId: string): UploadRow | undefined {
    const r = this.stmts.upload.get(uploadId) as
      | {
          upload_id: string;
          bucket: string;
          key: Buffer;
          initiated: number;
          headers: string;
          checksum_algorithm: string | null;
        }
      | undefined;
    return r ? this.toUpload(r) : undefined;
  }

  private toUpload(r: {
    upload_id: string;
    bucket: string;
    key: Buffer;
    initiated: number;
    headers: string;
    checksum_algorithm: string | null;
  }): UploadRow {
    return {
      uploadId: r.upload_id,
      bucket: r.bucket,
      key: r.key.toString('utf8'),
      initiated: r.initiated,
      headers: JSON.parse(r.headers) as ObjectHeaders,
      checksumAlgorithm: r.checksum_algorithm,
    };
  }

  createUpload(u: UploadRow): void {
    this.stmts.insertUpload.run(
      u.uploadId,
      u.bucket,
      keyBytes(u.key),
      u.initiated,
      JSON.stringify(u.headers),
      u.checksumAlgorithm,
    );
  }

  listUploads(bucket: string): UploadRow[] {
    return (this.stmts.uploads.all(bucket) as Parameters<S3Store['toUpload']>[0][]).map((r) => this.toUpload(r));
  }

  putPart(p: PartRow): void {
    const old = this.db.transaction(() => {
      const prev = this.stmts.part.get(p.uploadId, p.partNumber) as { file: string } | undefined;
      this.stmts.putPart.run(p.uploadId, p.partNumber, p.size, p.etag, p.lastModified, p.checksumValue, p.file);
      return prev?.file ?? null;
    })();
    if (old && old !== p.file) this.unlinkQuietly(old);
  }

  listParts(uploadId: string, after = 0, limit = 100_000): PartRow[] {
    const rows = (
      after === 0 && limit === 100_000
        ? this.stmts.allParts.all(uploadId)
        : this.stmts.parts.all(uploadId, after, limit)
    ) as Array<{
      upload_id: string;
      part_number: number;
      size: number;
      etag: string;
      last_modified: number;
      checksum_value: string | null;
      file: string;
    }>;
    return rows.map((r) => ({
      uploadId: r.upload_id,
      partNumber: r.part_number,
      size: r.size,
      etag: r.etag,
      lastModified: r.last_modified,
      checksumValue: r.checksum_value,
      file: r.file,
    }));
  }

  /**
   * Complete an upload in one transaction: the object (whose content is some of the upload's part files)
   * replaces any object at its key, and the upload goes; part files the object does not use are removed.
   * False when the upload is gone (aborted meanwhile): then nothing changes.
   */
  completeUpload(uploadId: string, object: ObjectRow): boolean {
    const parts = this.listParts(uploadId);
    const kept = new Set(filesOf(object.file));
    const replaced = this.db.transaction(() => {
      if (!this.stmts.upload.get(uploadId)) return false;
      const file = this.replaceRow(object);
      this.stmts.deleteParts.run(uploadId);
      this.stmts.deleteUpload.run(uploadId);
      return { file };
    })();
    if (!replaced) return false;
    if (replaced.file !== object.file) this.unlinkQuietly(replaced.file);
    for (const p of parts) if (!kept.has(p.file)) this.unlinkQuietly(p.file);
    return true;
  }

  /** Drop an upload and its part files (on Abort, or with its bucket). */
  removeUpload(uploadId: string): void {
    const parts = this.listParts(uploadId);
    this.db.transaction(() => {
      this.stmts.deleteParts.run(uploadId);
      this.stmts.deleteUpload.run(uploadId);
    })();
    for (const p of parts) this.unlinkQuietly(p.file);
  }

  close(): void {
    this.db.close();
  }
}

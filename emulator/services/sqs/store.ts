import Database from 'better-sqlite3';
import { join } from 'node:path';

/** A queue as held in memory (mirrors its row; attributes are the settable ones, as strings). */
export interface Queue {
  id: number;
  region: string;
  name: string;
  fifo: boolean;
  attributes: Record<string, string>;
  tags: Record<string, string>;
  createdAt: number;
  modifiedAt: number;
  purgedAt: number | null;
}

export interface MessageRow {
  id: number;
  queue_id: number;
  message_id: string;
  body: string;
  attributes: string | null;
  system_attributes: string | null;
  md5_body: string;
  sender_id: string;
  sent_at: number;
  visible_at: number;
  first_receive_at: number | null;
  receive_count: number;
  receipt_token: string | null;
  group_id: string | null;
  dedup_id: string | null;
  sequence_number: string | null;
  dead_letter_source: string | null;
}

export interface MoveTaskRow {
  handle: string;
  source_arn: string;
  destination_arn: string | null;
  rate: number | null;
  status: string;
  moved: number;
  to_move: number;
  started_at: number;
  failure_reason: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS queues (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  region TEXT NOT NULL, name TEXT NOT NULL, fifo INTEGER NOT NULL,
  attributes TEXT NOT NULL, tags TEXT NOT NULL,
  created_at INTEGER NOT NULL, modified_at INTEGER NOT NULL, purged_at INTEGER,
  next_seq INTEGER NOT NULL DEFAULT 0,
  UNIQUE (region, name)
);
CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  queue_id INTEGER NOT NULL,
  message_id TEXT NOT NULL, body TEXT NOT NULL,
  attributes TEXT, system_attributes TEXT, md5_body TEXT NOT NULL, sender_id TEXT NOT NULL,
  sent_at INTEGER NOT NULL, visible_at INTEGER NOT NULL, first_receive_at INTEGER,
  receive_count INTEGER NOT NULL DEFAULT 0, receipt_token TEXT,
  group_id TEXT, dedup_id TEXT, sequence_number TEXT, dead_letter_source TEXT
);
CREATE INDEX IF NOT EXISTS messages_by_visibility ON messages (queue_id, visible_at, id);
CREATE INDEX IF NOT EXISTS messages_by_seq ON messages (queue_id, id);
CREATE INDEX IF NOT EXISTS messages_by_sent ON messages (queue_id, sent_at);
CREATE TABLE IF NOT EXISTS dedup (
  queue_id INTEGER NOT NULL, dedup_id TEXT NOT NULL, message_id TEXT NOT NULL,
  sequence_number TEXT, expires_at INTEGER NOT NULL,
  PRIMARY KEY (queue_id, dedup_id)
);
CREATE TABLE IF NOT EXISTS move_tasks (
  handle TEXT PRIMARY KEY, source_arn TEXT NOT NULL, destination_arn TEXT, rate INTEGER,
  status TEXT NOT NULL, moved INTEGER NOT NULL, to_move INTEGER NOT NULL,
  started_at INTEGER NOT NULL, failure_reason TEXT
);
`;

interface QueueDbRow {
  id: number;
  region: string;
  name: string;
  fifo: number;
  attributes: string;
  tags: string;
  created_at: number;
  modified_at: number;
  purged_at: number | null;
}

export type Db = Database.Database;

/** Open (or create) the SQS database: WAL with synchronous=NORMAL survives kill -9 of the process. */
export function openDb(dataDir: string): Db {
  const db = new Database(join(dataDir, 'sqs.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}

export function loadQueues(db: Db): Queue[] {
  const rows = db.prepare('SELECT * FROM queues').all() as QueueDbRow[];
  return rows.map((r) => ({
    id: r.id,
    region: r.region,
    name: r.name,
    fifo: r.fifo === 1,
    attributes: JSON.parse(r.attributes) as Record<string, string>,
    tags: JSON.parse(r.tags) as Record<string, string>,
    createdAt: r.created_at,
    modifiedAt: r.modified_at,
    purgedAt: r.purged_at,
  }));
}

/** Every statement the service runs, prepared once. */
export function prepare(db: Db) {
  return {
    insertQueue: db.prepare(
      'INSERT INTO queues (region, name, fifo, attributes, tags, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    updateQueue: db.prepare('UPDATE queues SET attributes = ?, tags = ?, modified_at = ?, purged_at = ? WHERE id = ?'),
    deleteQueue: db.prepare('DELETE FROM queues WHERE id = ?'),
    nextSeq: db.prepare('UPDATE queues SET next_seq = next_seq + 1 WHERE id = ? RETURNING next_seq'),
    deleteQueueMessages: db.prepare('DELETE FROM messages WHERE queue_id = ?'),
    deleteQueueDedup: db.prepare('DELETE FROM dedup WHERE queue_id = ?'),
    insertMessage: db.prepare(
      `INSERT INTO messages (queue_id, message_id, body, attributes, system_attributes, md5_body, sender_id, sent_at,
        visible_at, group_id, dedup_id, sequence_number, dead_letter_source, receive_count)
       VALUES (@queue_id, @message_id, @body, @attributes, @system_attributes, @md5_body, @sender_id, @sent_at,
        @visible_at, @group_id, @dedup_id, @sequence_number, @dead_letter_source, @receive_count)`,
    ),
    visibleBatch: db.prepare(
      'SELECT * FROM messages WHERE queue_id = ? AND visible_at <= ? ORDER BY visible_at, id LIMIT ?',
    ),
    visibleInOrder: db.prepare('SELECT * FROM messages WHERE queue_id = ? AND visible_at <= ? ORDER BY id LIMIT ?'),
    inflightGroups: db.prepare(
      'SELECT DISTINCT group_id FROM messages WHERE queue_id = ? AND visible_at > ? AND receive_count > 0',
    ),
    nextVisibleAt: db.prepare('SELECT MIN(visible_at) AS t FROM messages WHERE queue_id = ? AND visible_at > ?'),
    markReceived: db.prepare(
      `UPDATE messages SET receive_count = receive_count + 1, visible_at = ?, receipt_token = ?,
        first_receive_at = COALESCE(first_receive_at, ?) WHERE id = ?`,
    ),
    moveToQueue: db.prepare(
      'UPDATE messages SET queue_id = ?, visible_at = ?, receipt_token = NULL, dead_letter_source = ? WHERE id = ?',
    ),
    redriveBack: db.prepare(
      `UPDATE messages SET queue_id = ?, visible_at = ?, receipt_token = NULL, dead_letter_source = NULL,
        receive_count = 0, first_receive_at = NULL WHERE id = ?`,
    ),
    messageById: db.prepare('SELECT * FROM messages WHERE id = ?'),
    deleteMessage: db.prepare('DELETE FROM messages WHERE id = ?'),
    setVisibility: db.prepare('UPDATE messages SET visible_at = ? WHERE id = ?'),
    countVisible: db.prepare('SELECT COUNT(*) AS n FROM messages WHERE queue_id = ? AND visible_at <= ?'),
    countInflight: db.prepare(
      'SELECT COUNT(*) AS n FROM messages WHERE queue_id = ? AND visible_at > ? AND receive_count > 0',
    ),
    countDelayed: db.prepare(
      'SELECT COUNT(*) AS n FROM messages WHERE queue_id = ? AND visible_at > ? AND receive_count = 0',
    ),
    expireMessages: db.prepare('DELETE FROM messages WHERE queue_id = ? AND sent_at < ?'),
    findDedup: db.prepare(
      'SELECT message_id, sequence_number FROM dedup WHERE queue_id = ? AND dedup_id = ? AND expires_at > ?',
    ),
    upsertDedup: db.prepare(
      'INSERT OR REPLACE INTO dedup (queue_id, dedup_id, message_id, sequence_number, expires_at) VALUES (?, ?, ?, ?, ?)',
    ),
    expireDedup: db.prepare('DELETE FROM dedup WHERE expires_at <= ?'),
    dlqMessages: db.prepare('SELECT * FROM messages WHERE queue_id = ? ORDER BY id LIMIT ?'),
    dlqMessagesWithSource: db.prepare(
      'SELECT * FROM messages WHERE queue_id = ? AND dead_letter_source IS NOT NULL ORDER BY id LIMIT ?',
    ),
    countAll: db.prepare('SELECT COUNT(*) AS n FROM messages WHERE queue_id = ?'),
    countWithSource: db.prepare(
      'SELECT COUNT(*) AS n FROM messages WHERE queue_id = ? AND dead_letter_source IS NOT NULL',
    ),
    insertTask: db.prepare(
      `INSERT INTO move_tasks (handle, source_arn, destination_arn, rate, status, moved, to_move, started_at)
       VALUES (?, ?, ?, ?, 'RUNNING', 0, ?, ?)`,
    ),
    updateTask: db.prepare('UPDATE move_tasks SET status = ?, moved = ?, failure_reason = ? WHERE handle = ?'),
    taskByHandle: db.prepare('SELECT * FROM move_tasks WHERE handle = ?'),
    tasksBySource: db.prepare('SELECT * FROM move_tasks WHERE source_arn = ? ORDER BY started_at DESC LIMIT ?'),
    runningTasks: db.prepare("SELECT * FROM move_tasks WHERE status = 'RUNNING'"),
    deleteAll: db.prepare('DELETE FROM messages'),
  };
}

export type Statements = ReturnType<typeof prepare>;

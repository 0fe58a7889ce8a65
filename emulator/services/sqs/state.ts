import { AwsError } from '../../core/errors.js';
import type { ServiceEnv } from '../../core/types.js';
import { queueDoesNotExist } from './errors.js';
import { loadQueues, openDb, prepare, type Db, type Queue, type Statements } from './store.js';

/** The SQS service's state: the database, an in-memory copy of the queues, and long-poll waiters. */
export class SqsState {
  readonly db: Db;
  readonly st: Statements;
  private readonly queues = new Map<string, Queue>();
  private readonly byId = new Map<number, Queue>();
  private readonly waiters = new Map<number, Set<() => void>>();

  constructor(readonly env: ServiceEnv) {
    this.db = openDb(env.dataDir);
    this.st = prepare(this.db);
    for (const q of loadQueues(this.db)) this.cache(q);
  }

  private cache(q: Queue): void {
    this.queues.set(`${q.region}/${q.name}`, q);
    this.byId.set(q.id, q);
  }

  get accountId(): string {
    return this.env.accountId;
  }

  arnOf(q: Queue): string {
    return `arn:aws:sqs:${q.region}:${this.env.accountId}:${q.name}`;
  }

  urlOf(q: Queue): string {
    return `${this.env.baseUrl()}/${this.env.accountId}/${q.name}`;
  }

  find(region: string, name: string): Queue | undefined {
    return this.queues.get(`${region}/${name}`);
  }

  findById(id: number): Queue | undefined {
    return this.byId.get(id);
  }

  /** The queue an ARN names, when it is ours and exists. */
  findByArn(arn: string): Queue | undefined {
    const m = /^arn:aws:sqs:([^:]+):(\d{12}):(.+)$/.exec(arn);
    if (!m || m[2] !== this.env.accountId) return undefined;
    return this.find(m[1] as string, m[3] as string);
  }

  /** Queue name from a QueueUrl on any host (so URLs survive a port change); throws when malformed. */
  nameFromUrl(queueUrl: string): string {
    let path: string;
    try {
      path = new URL(queueUrl).pathname;
    } catch {
      path = queueUrl.startsWith('/') ? queueUrl : '';
    }
    const m = /^\/(\d{12})\/([^/]+)\/?$/.exec(path);
    if (!m) throw new AwsError('InvalidAddress', `The address ${queueUrl} is not valid for this endpoint.`, 404);
    if (m[1] !== this.env.accountId) throw queueDoesNotExist();
    try {
      return decodeURIComponent(m[2] as string);
    } catch {
      throw new AwsError('InvalidAddress', `The address ${queueUrl} is not valid for this endpoint.`, 404);
    }
  }

  byUrl(region: string, queueUrl: string): Queue {
    const q = this.find(region, this.nameFromUrl(queueUrl));
    if (!q) throw queueDoesNotExist();
    return q;
  }

  list(region: string): Queue[] {
    return [...this.queues.values()]
      .filter((q) => q.region === region)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  createQueue(
    region: string,
    name: string,
    fifo: boolean,
    attributes: Record<string, string>,
    tags: Record<string, string>,
  ): Queue {
    const now = Date.now();
    const info = this.st.insertQueue.run(
      region,
      name,
      fifo ? 1 : 0,
      JSON.stringify(attributes),
      JSON.stringify(tags),
      now,
      now,
    );
    const q: Queue = {
      id: Number(info.lastInsertRowid),
      region,
      name,
      fifo,
      attributes,
      tags,
      createdAt: now,
      modifiedAt: now,
      purgedAt: null,
    };
    this.cache(q);
    return q;
  }

  saveQueue(q: Queue): void {
    this.st.updateQueue.run(JSON.stringify(q.attributes), JSON.stringify(q.tags), q.modifiedAt, q.purgedAt, q.id);
  }

  deleteQueue(q: Queue): void {
    this.db.transaction(() => {
      this.st.deleteQueueMessages.run(q.id);
      this.st.deleteQueueDedup.run(q.id);
      this.st.deleteQueue.run(q.id);
    })();
    this.queues.delete(`${q.region}/${q.name}`);
    this.byId.delete(q.id);
    this.notify(q.id);
  }

  /** Wake every receive waiting on the queue (a message arrived or became visible). */
  notify(queueId: number): void {
    const set = this.waiters.get(queueId);
    if (!set) return;
    this.waiters.delete(queueId);
    for (const wake of set) wake();
  }

  /** Resolve on the next notify for the queue, after `ms`, or when `signal` aborts. */
  waitFor(queueId: number, ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      let set = this.waiters.get(queueId);
      if (!set) {
        set = new Set();
        this.waiters.set(queueId, set);
      }
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiters.get(queueId)?.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal.addEventListener('abort', done);
      set.add(done);
    });
  }

  /** Forget everything (admin reset). */
  wipe(): void {
    this.db.exec('DELETE FROM messages; DELETE FROM dedup; DELETE FROM move_tasks; DELETE FROM queues;');
    for (const id of this.byId.keys()) this.notify(id);
    this.queues.clear();
    this.byId.clear();
  }

  close(): void {
    for (const id of [...this.waiters.keys()]) this.notify(id);
    this.db.close();
  }
}

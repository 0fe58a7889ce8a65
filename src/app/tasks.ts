import { useSyncExternalStore } from 'react';
import type { TaskItemError, TaskSnapshot, TaskStatus, TaskUnit } from '../components/task-tray';

// The snapshot types belong to the tray that shows them (components never import src/app);
// the store produces them, so callers can take every task name from this file.
export type { TaskItemError, TaskSnapshot, TaskStatus, TaskUnit };

export interface TaskContext {
  /** Aborted when the task is cancelled (one task, its group, or all on sign-out). */
  signal: AbortSignal;
  progress(done: number, total?: number): void;
  /** One item of a bulk task failed; the task goes on and ends "done with N errors". */
  itemError(item: string, message: string): void;
  setDetail(text: string): void;
}

export interface TaskSpec {
  title: string;
  unit?: TaskUnit;
  total?: number;
  detail?: string;
  /** Tasks of one group (an upload batch) are shown together with a group total. */
  group?: string;
  /** Concurrency queue; tasks beyond the queue's limit wait as 'queued'. */
  queue?: string;
  run(ctx: TaskContext): Promise<void>;
  /**
   * Starts a task for just the items that failed (by their names in `itemError`). Without it, a task
   * that ended with item errors cannot be retried; a failed task is retried whole by running it again.
   */
  retryFailed?: (items: string[]) => void;
}

export interface TaskStoreOptions {
  /** Clock in ms, for tests. */
  now?: () => number;
  defaultConcurrency?: number;
  /** Progress notifications are coalesced to at most one per this many ms. */
  throttleMs?: number;
  /**
   * State changes (start, finish, cancel) show at once, but no sooner than this many ms after the last
   * publish (0: always at once). A drop of 1,000 small files makes about 2,000 of them, and rendering the
   * tray for each one held the page's main thread: 70 files/s instead of 140.
   */
  urgentGapMs?: number;
}

interface TaskRecord {
  id: string;
  spec: TaskSpec;
  queue: string;
  controller: AbortController;
  title: string;
  detail?: string;
  group?: string;
  unit: TaskUnit;
  status: TaskStatus;
  done: number;
  total?: number;
  startedAt?: number;
  finishedAt?: number;
  rate?: number;
  error?: string;
  itemErrors: TaskItemError[];
  sampleAt?: number;
  sampleDone: number;
  view?: TaskSnapshot;
  isChanged: boolean;
}

interface Queue {
  limit: number;
  running: number;
  waiting: TaskRecord[];
  head: number;
}

const DEFAULT_QUEUE = 'default';
// The rate is an exponential moving average with this time constant: steady over a few seconds,
// still quick to follow a real change in speed.
const RATE_TAU_MS = 3000;
const MIN_SAMPLE_MS = 200;

const isFinished = (status: TaskStatus) => status === 'done' || status === 'failed' || status === 'cancelled';
const isRetryable = (r: TaskRecord) =>
  r.status === 'failed' || (r.status === 'done' && r.itemErrors.length > 0 && r.spec.retryFailed !== undefined);

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'CanceledError');
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  return 'The task failed';
}

export class TaskStore {
  private readonly records = new Map<string, TaskRecord>();
  private readonly queues = new Map<string, Queue>();
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;
  private readonly defaultConcurrency: number;
  private readonly throttleMs: number;
  private readonly urgentGapMs: number;
  /** performance.now() of the last publish, for urgentGapMs (real time: the injected clock may stand still). */
  private lastFlushAt = -Infinity;
  private views: TaskSnapshot[] = [];
  private isListChanged = false;
  private isUrgentScheduled = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;

  constructor(options: TaskStoreOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.defaultConcurrency = options.defaultConcurrency ?? 4;
    this.throttleMs = options.throttleMs ?? 100;
    this.urgentGapMs = options.urgentGapMs ?? 0;
  }

  start(spec: TaskSpec): string {
    const id = `task-${this.nextId++}`;
    const record: TaskRecord = {
      id,
      spec,
      queue: spec.queue ?? DEFAULT_QUEUE,
      controller: new AbortController(),
      title: spec.title,
      detail: spec.detail,
      group: spec.group,
      unit: spec.unit ?? 'items',
      status: 'queued',
      done: 0,
      total: spec.total,
      itemErrors: [],
      sampleDone: 0,
      isChanged: true,
    };
    this.records.set(id, record);
    const queue = this.queueOf(record.queue);
    queue.waiting.push(record);
    this.isListChanged = true;
    this.pump(queue);
    this.schedule(true);
    return id;
  }

  // The tray's callbacks are these methods themselves: bound once, so memoized rows skip rendering.
  cancel = (id: string): void => {
    const record = this.records.get(id);
    if (record) this.cancelRecord(record);
  };

  cancelGroup = (group: string): void => {
    for (const record of this.records.values()) if (record.group === group) this.cancelRecord(record);
  };

  /** Aborts every queued and running task; they stay listed as cancelled until cleared. */
  cancelAll = (): void => {
    for (const record of this.records.values()) this.cancelRecord(record);
  };

  /** A failed task runs again whole; a finished one with item errors runs again for those items only. */
  retry = (id: string): void => {
    const record = this.records.get(id);
    if (!record || !isRetryable(record)) return;
    this.records.delete(id);
    this.isListChanged = true;
    if (record.status === 'failed') this.start(record.spec);
    else record.spec.retryFailed?.(record.itemErrors.map((e) => e.item));
    this.schedule(true);
  };

  /** Cancels everything and empties the list, for sign-out. */
  reset(): void {
    this.cancelAll();
    this.records.clear();
    this.queues.clear();
    this.isListChanged = true;
    this.schedule(true);
  }

  clearFinished = (): void => {
    for (const [id, record] of this.records) if (isFinished(record.status)) this.records.delete(id);
    this.isListChanged = true;
    this.schedule(true);
  };

  setConcurrency(queue: string, n: number): void {
    const q = this.queueOf(queue);
    q.limit = Math.max(1, Math.floor(n));
    this.pump(q);
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** The tasks in start order; the same array until something changes (for useSyncExternalStore). */
  snapshot = (): TaskSnapshot[] => this.views;

  /** Publishes pending changes now instead of at the next throttled tick (tests, sign-out). */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.isUrgentScheduled = false;
    this.lastFlushAt = performance.now();
    let isChanged = this.isListChanged;
    const next: TaskSnapshot[] = [];
    for (const record of this.records.values()) {
      if (record.isChanged || !record.view) {
        record.view = this.viewOf(record);
        record.isChanged = false;
        isChanged = true;
      }
      next.push(record.view);
    }
    this.isListChanged = false;
    if (!isChanged) return;
    this.views = next;
    for (const fn of [...this.listeners]) fn();
  }

  private queueOf(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = { limit: this.defaultConcurrency, running: 0, waiting: [], head: 0 };
      this.queues.set(name, queue);
    }
    return queue;
  }

  private pump(queue: Queue): void {
    while (queue.running < queue.limit && queue.head < queue.waiting.length) {
      const record = queue.waiting[queue.head++];
      if (record && record.status === 'queued') this.run(record, queue);
    }
    // Drop the consumed prefix now and then, so a long-lived queue does not keep every task it ran.
    if (queue.head > 256 && queue.head * 2 > queue.waiting.length) {
      queue.waiting = queue.waiting.slice(queue.head);
      queue.head = 0;
    }
  }

  private run(record: TaskRecord, queue: Queue): void {
    queue.running++;
    const startedAt = this.now();
    record.status = 'running';
    record.startedAt = startedAt;
    record.sampleAt = startedAt;
    record.sampleDone = 0;
    record.isChanged = true;
    const signal = record.controller.signal;
    const isLive = () => record.status === 'running' && !signal.aborted;
    const ctx: TaskContext = {
      signal,
      progress: (done, total) => {
        if (!isLive()) return;
        record.done = done;
        if (total !== undefined) record.total = total;
        this.sample(record);
        record.isChanged = true;
        this.schedule(false);
      },
      itemError: (item, message) => {
        if (record.status !== 'running') return;
        record.itemErrors.push({ item, message });
        record.isChanged = true;
        this.schedule(false);
      },
      setDetail: (text) => {
        if (!isLive()) return;
        record.detail = text;
        record.isChanged = true;
        this.schedule(false);
      },
    };
    let promise: Promise<void>;
    try {
      promise = Promise.resolve(record.spec.run(ctx));
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(
      () => this.finish(record, queue, signal.aborted ? 'cancelled' : 'done'),
      (error: unknown) =>
        this.finish(record, queue, signal.aborted || isAbortError(error) ? 'cancelled' : 'failed', messageOf(error)),
    );
  }

  private finish(record: TaskRecord, queue: Queue, status: TaskStatus, error?: string): void {
    queue.running--;
    if (record.status === 'running') {
      record.status = status;
      record.finishedAt = this.now();
      if (status === 'failed') record.error = error;
      if (status === 'done' && record.total !== undefined) record.done = record.total;
      record.rate = undefined;
      record.isChanged = true;
    }
    this.pump(queue);
    this.schedule(true);
  }

  private cancelRecord(record: TaskRecord): void {
    if (isFinished(record.status)) return;
    // A queued task never started, so it is cancelled at once; a running one when its run settles,
    // but it shows as cancelled immediately and its later progress is ignored.
    record.status = 'cancelled';
    record.finishedAt = this.now();
    record.rate = undefined;
    record.isChanged = true;
    record.controller.abort();
    this.schedule(true);
  }

  private sample(record: TaskRecord): void {
    const now = this.now();
    const last = record.sampleAt ?? now;
    const dt = now - last;
    if (dt < MIN_SAMPLE_MS) return;
    const instant = ((record.done - record.sampleDone) * 1000) / dt;
    const alpha = 1 - Math.exp(-dt / RATE_TAU_MS);
    record.rate = record.rate === undefined ? instant : record.rate + alpha * (instant - record.rate);
    record.sampleAt = now;
    record.sampleDone = record.done;
  }

  private viewOf(record: TaskRecord): TaskSnapshot {
    const rate = record.status === 'running' ? record.rate : undefined;
    const remaining = record.total !== undefined ? Math.max(0, record.total - record.done) : undefined;
    return {
      id: record.id,
      title: record.title,
      detail: record.detail,
      group: record.group,
      unit: record.unit,
      status: record.status,
      done: record.done,
      total: record.total,
      startedAt: record.startedAt,
      finishedAt: record.finishedAt,
      rate,
      etaSeconds: rate !== undefined && rate > 0 && remaining !== undefined ? remaining / rate : undefined,
      error: record.error,
      itemErrors: record.itemErrors.slice(),
      canRetry: isRetryable(record),
    };
  }

  private schedule(isUrgent: boolean): void {
    if (isUrgent) {
      // State changes (start, cancel, finish) show at once, coalesced within one tick, unless the last
      // publish was under urgentGapMs ago: then when that gap ends.
      if (this.isUrgentScheduled) return;
      this.isUrgentScheduled = true;
      const wait = this.lastFlushAt + this.urgentGapMs - performance.now();
      if (wait > 0) {
        if (this.timer !== undefined) clearTimeout(this.timer);
        this.timer = setTimeout(() => this.flush(), wait);
        return;
      }
      queueMicrotask(() => {
        if (this.isUrgentScheduled) this.flush();
      });
      return;
    }
    if (this.timer !== undefined || this.isUrgentScheduled) return;
    this.timer = setTimeout(() => this.flush(), this.throttleMs);
  }
}

/** The tasks of a store (the session's: `useConsoleSession().tasks`), re-rendering as they change. */
export function useTasks(store: TaskStore): TaskSnapshot[] {
  return useSyncExternalStore(store.subscribe, store.snapshot, store.snapshot);
}

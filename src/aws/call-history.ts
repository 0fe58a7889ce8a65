import { cleanInput, type ApiCall } from './code/call';
import { resourceOf } from './code/resource';

export type CallOutcome = 'pending' | 'ok' | 'error';

/** One call the console made, kept for the session's history (input already cleaned of secrets). */
export interface CallRecord {
  id: number;
  call: ApiCall;
  /** What the call acted on, in words: "photos/cat.jpg in my-bucket", "i-0abc, i-0def". */
  resource: string;
  startedAt: number;
  durationMs?: number;
  outcome: CallOutcome;
  /** The error's code or name when it failed. */
  error?: string;
}

export interface CallHistoryOptions {
  /** How many calls are kept (the oldest go first). */
  limit?: number;
  now?: () => number;
  /** Changes are published at most once per this many ms (an upload of 1,000 files makes 2,000). */
  throttleMs?: number;
}

/**
 * The calls this session made, newest last, at most `limit`. A plain store (subscribe + snapshot) that a
 * React view reads with useSyncExternalStore; calls made with an AbortSignal can be found by it, so a
 * list can show the call its query made.
 */
export class CallHistory {
  private records: CallRecord[] = [];
  private view: readonly CallRecord[] = [];
  private nextId = 1;
  private readonly listeners = new Set<() => void>();
  private readonly bySignal = new WeakMap<AbortSignal, number[]>();
  private readonly byKey = new Map<string, ApiCall[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly limit: number;
  private readonly now: () => number;
  private readonly throttleMs: number;

  constructor(options: CallHistoryOptions = {}) {
    this.limit = options.limit ?? 200;
    this.now = options.now ?? (() => Date.now());
    this.throttleMs = options.throttleMs ?? 100;
  }

  /** A call is starting: kept at once (cleaned), so a slow call shows as pending. Returns its id. */
  start(call: ApiCall, signal?: AbortSignal): number {
    const cleaned: ApiCall = { ...call, input: cleanInput(call.input) };
    const record: CallRecord = {
      id: this.nextId++,
      call: cleaned,
      resource: resourceOf(cleaned),
      startedAt: this.now(),
      outcome: 'pending',
    };
    this.records.push(record);
    if (this.records.length > this.limit) this.records.splice(0, this.records.length - this.limit);
    if (signal) this.bySignal.set(signal, [...(this.bySignal.get(signal) ?? []), record.id]);
    this.publish();
    return record.id;
  }

  finish(id: number, outcome: 'ok' | 'error', error?: string): void {
    const i = this.records.findLastIndex((r) => r.id === id);
    const r = this.records[i];
    if (!r) return;
    this.records[i] = { ...r, outcome, durationMs: this.now() - r.startedAt, ...(error ? { error } : {}) };
    this.publish();
  }

  /** The calls made with this signal (one query fetch), oldest first. */
  callsOf(signal: AbortSignal): CallRecord[] {
    const ids = new Set(this.bySignal.get(signal) ?? []);
    return this.records.filter((r) => ids.has(r.id));
  }

  /**
   * Remember what one fetch (its signal) called under a key (a query's hash), so a list can show the
   * call behind it even after the history has moved on. The 500 most recent keys are kept.
   */
  remember(key: string, signal: AbortSignal): void {
    const calls = this.callsOf(signal).map((r) => r.call);
    if (calls.length === 0) return;
    this.byKey.delete(key);
    this.byKey.set(key, calls);
    if (this.byKey.size > 500) this.byKey.delete(this.byKey.keys().next().value as string);
  }

  /** The calls remembered under a key, or undefined. */
  remembered(key: string): readonly ApiCall[] | undefined {
    return this.byKey.get(key);
  }

  snapshot(): readonly CallRecord[] {
    return this.view;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.records = [];
    this.byKey.clear();
    this.publish(true);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }

  private publish(now = false): void {
    if (this.timer && !now) return;
    const flush = () => {
      this.timer = undefined;
      this.view = [...this.records];
      for (const l of [...this.listeners]) l();
    };
    if (now || this.throttleMs === 0) {
      if (this.timer) clearTimeout(this.timer);
      flush();
    } else this.timer = setTimeout(flush, this.throttleMs);
  }
}

export function createCallHistory(options?: CallHistoryOptions): CallHistory {
  return new CallHistory(options);
}

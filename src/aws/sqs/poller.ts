import { toAppError, type AppError } from '../errors';
import { receiveMessages, type ReceivedMessage } from './message-api';

export type PollMode = 'peek' | 'receive';

export interface PollOptions {
  region: string;
  url: string;
  /**
   * peek: received with VisibilityTimeout 0, so each message stays available to consumers at once;
   * receive: hidden for `visibilitySeconds`, so it can be deleted.
   */
  mode: PollMode;
  visibilitySeconds: number;
  /** Stop after this many distinct messages. */
  maxMessages: number;
  /** Stop after this long. */
  durationSeconds: number;
  /** Long-poll wait per call, 0–20 s. */
  waitSeconds?: number;
  signal: AbortSignal;
  onMessages: (messages: ReceivedMessage[]) => void;
  /** A retryable failure (throttling, a 5xx): polling waits and goes on. */
  onRetry?: (error: AppError, attempt: number) => void;
  /** Injected for tests. */
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export type PollEnd =
  | { reason: 'count' | 'time' | 'stopped' | 'seen-all'; received: number; calls: number }
  | { reason: 'error'; error: unknown; received: number; calls: number };

const MAX_RETRIES = 6;

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export function backoffMs(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 8_000);
}

/**
 * Long-polls a queue until enough distinct messages arrived, the time is up, or the user stops.
 * In peek mode the same messages come back again and again (they never leave the queue), so a call
 * that brings nothing new ends the poll: every visible message has been shown, and receiving them
 * again would only raise their receive counts.
 */
export async function pollQueue(options: PollOptions): Promise<PollEnd> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const { signal } = options;
  const deadline = now() + options.durationSeconds * 1000;
  const seen = new Set<string>();
  let calls = 0;
  let failures = 0;
  for (;;) {
    if (signal.aborted) return { reason: 'stopped', received: seen.size, calls };
    const left = seen.size >= options.maxMessages ? 0 : options.maxMessages - seen.size;
    if (left === 0) return { reason: 'count', received: seen.size, calls };
    const msLeft = deadline - now();
    if (msLeft < 1000) return { reason: 'time', received: seen.size, calls };
    const waitSeconds = Math.min(options.waitSeconds ?? 20, 20, Math.floor(msLeft / 1000));
    let batch: ReceivedMessage[];
    try {
      calls++;
      batch = await receiveMessages(
        {
          region: options.region,
          url: options.url,
          max: Math.min(10, left),
          waitSeconds,
          visibilitySeconds: options.mode === 'peek' ? 0 : options.visibilitySeconds,
        },
        signal,
      );
      failures = 0;
    } catch (e) {
      if (signal.aborted) return { reason: 'stopped', received: seen.size, calls };
      const err = toAppError(e);
      if (!err.retryable || err.kind === 'expired' || failures >= MAX_RETRIES)
        return { reason: 'error', error: e, received: seen.size, calls };
      failures++;
      options.onRetry?.(err, failures);
      await sleep(backoffMs(failures), signal);
      continue;
    }
    const fresh = batch.filter((m) => !seen.has(m.id));
    for (const m of fresh) seen.add(m.id);
    // In receive mode a message seen again (its visibility ran out) comes with a new receipt handle: pass it on.
    if (batch.length > 0) options.onMessages(options.mode === 'peek' ? fresh : batch);
    if (options.mode === 'peek' && batch.length > 0 && fresh.length === 0)
      return { reason: 'seen-all', received: seen.size, calls };
  }
}

import { toAppError } from '../errors';
import { BATCH_MAX_ENTRIES, planBatches, type FileMessage } from './batch';
import { sendMessageBatch, type BatchEntry } from './message-api';
import { backoffMs } from './poller';

export interface SendManyOptions {
  region: string;
  url: string;
  messages: FileMessage[];
  /** FIFO: every message goes to this group. */
  groupId?: string;
  /** FIFO without content-based deduplication: ids are made per message, unique to this run. */
  makeDeduplicationIds?: boolean;
  signal: AbortSignal;
  onProgress: (done: number, total: number) => void;
  /** A message that was not sent, with SQS's code; nothing is dropped silently. */
  onFailure: (message: FileMessage, code: string, text: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface SendManyResult {
  sent: number;
  failed: number;
}

const MAX_CALL_RETRIES = 4;
const utf8 = new TextEncoder();

/**
 * Sends the messages with SendMessageBatch, 10 (and at most 256 KiB) per call, in order. A call that
 * fails as a whole is retried when SQS says to (throttling, 5xx); otherwise each of its messages is
 * reported as failed. A cancel stops before the next call; the messages not sent are reported too.
 */
export async function sendMany(options: SendManyOptions): Promise<SendManyResult> {
  const { messages, signal } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const runId = Date.now().toString(36);
  const batches = planBatches(messages.map((m) => utf8.encode(m.body).length));
  let sent = 0;
  let failed = 0;
  let done = 0;
  const fail = (m: FileMessage, code: string, text: string) => {
    failed++;
    options.onFailure(m, code, text);
  };
  let stop: { code: string; text: string } | undefined;
  for (const [b, indexes] of batches.entries()) {
    if (signal.aborted) stop = { code: 'Cancelled', text: 'Not sent: the send was cancelled' };
    if (stop) {
      for (const i of batches.slice(b).flat()) fail(messages[i]!, stop.code, stop.text);
      break;
    }
    const batch = indexes.map((i) => messages[i]!);
    const entries: BatchEntry[] = batch.map((m, k) => ({
      id: `m${k}`,
      body: m.body,
      ...(options.groupId ? { groupId: options.groupId } : {}),
      ...(options.makeDeduplicationIds ? { deduplicationId: `${runId}-${m.position}` } : {}),
    }));
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await sendMessageBatch({ region: options.region, url: options.url, entries }, signal);
        sent += result.succeeded.length;
        for (const f of result.failed) {
          const m = batch[Number(f.id.slice(1))];
          if (m) fail(m, f.code, f.message);
        }
        break;
      } catch (e) {
        const err = toAppError(e);
        if (!signal.aborted && err.retryable && err.kind !== 'expired' && attempt < MAX_CALL_RETRIES) {
          await sleep(backoffMs(attempt + 1));
          continue;
        }
        for (const m of batch)
          fail(m, err.code ?? 'Error', signal.aborted ? 'Not sent: the send was cancelled' : err.message);
        // A denial or a bad request would fail every later call the same way: the rest are reported unsent.
        if (!err.retryable) stop = { code: err.code ?? 'Error', text: `Not sent: ${err.message}` };
        break;
      }
    }
    done += batch.length;
    options.onProgress(done, messages.length);
  }
  return { sent, failed };
}

export { BATCH_MAX_ENTRIES };

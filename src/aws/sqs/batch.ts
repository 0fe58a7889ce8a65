/** Sending many messages: the file's entries and how they are grouped into SendMessageBatch calls. */

export const BATCH_MAX_ENTRIES = 10;
/** SendMessageBatch's total payload limit (the sum of the messages in one call). */
export const BATCH_MAX_BYTES = 262_144;

export interface FileMessage {
  /** 1-based position in the file, for reports ("message 7"). */
  position: number;
  body: string;
}

export type ParsedFile = { messages: FileMessage[] } | { error: string };

/**
 * A JSON array file, one message per element: a string is sent as it is, anything else as its JSON
 * text ({"orderId": 1} becomes the body {"orderId":1}).
 */
export function parseMessageFile(text: string): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `The file is not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!Array.isArray(value)) return { error: 'The file must hold a JSON array: one element per message' };
  if (value.length === 0) return { error: 'The array is empty: there is nothing to send' };
  const messages: FileMessage[] = [];
  for (const [i, el] of value.entries()) {
    const body = typeof el === 'string' ? el : JSON.stringify(el);
    if (body === '') return { error: `Message ${i + 1} is an empty string: SQS refuses empty bodies` };
    messages.push({ position: i + 1, body });
  }
  return { messages };
}

/**
 * Indexes of `sizes` grouped into batches of at most `maxEntries` entries and `maxBytes` bytes, in order.
 * An entry larger than `maxBytes` goes alone (SQS then reports it as too long; it is not dropped).
 */
export function planBatches(sizes: number[], maxEntries = BATCH_MAX_ENTRIES, maxBytes = BATCH_MAX_BYTES): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  sizes.forEach((size, i) => {
    if (current.length > 0 && (current.length >= maxEntries || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(i);
    bytes += size;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Split a list into chunks of `n` (DeleteMessageBatch, ChangeMessageVisibilityBatch). */
export function chunk<T>(items: readonly T[], n: number = BATCH_MAX_ENTRIES): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

import { createHash, randomUUID } from 'node:crypto';
import { AwsError, isAwsError } from '../../core/errors.js';
import { invalidParameter, missingParameter, queryCodeOf, receiptHandleIsInvalid } from './errors.js';
import { optInt, objectList, optString, reqString, type Input } from './input.js';
import { readMessageAttributes } from './message-attributes.js';
import { md5Hex, md5OfMessageAttributes } from './md5.js';
import { decodeReceipt } from './receipt.js';
import type { SqsState } from './state.js';
import type { Queue } from './store.js';
import type { OperationCall } from './types.js';

const DEDUP_WINDOW_MS = 5 * 60 * 1000;
const BATCH_ID = /^[A-Za-z0-9_-]{1,80}$/;
const GROUP_ID = /^[A-Za-z0-9!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]{1,128}$/;
const VALID_BODY = /^[\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const SEQUENCE_BASE = 18_000_000_000_000_000_000n;

/** Drop messages older than the queue's retention period. */
export function expireMessages(state: SqsState, q: Queue): void {
  const retention = Number(q.attributes.MessageRetentionPeriod ?? '345600') * 1000;
  state.st.expireMessages.run(q.id, Date.now() - retention);
}

/** Validate one SendMessage(-BatchEntry) input and enqueue it; returns the SendMessage result fields. */
function sendOne(state: SqsState, q: Queue, input: Input, call: OperationCall): Record<string, string | undefined> {
  const body = optString(input, 'MessageBody');
  if (body === undefined || body === '') throw missingParameter('MessageBody');
  if (!VALID_BODY.test(body)) {
    throw new AwsError(
      'InvalidMessageContents',
      'Invalid binary character was found in the message body, the set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF',
    );
  }
  const user = readMessageAttributes(input.MessageAttributes, 'user');
  const system = readMessageAttributes(input.MessageSystemAttributes, 'system');
  const maxSize = Number(q.attributes.MaximumMessageSize ?? '262144');
  const size = Buffer.byteLength(body) + user.size;
  if (size > maxSize) {
    throw new AwsError(
      'InvalidParameterValue',
      `One or more parameters are invalid. Reason: Message must be shorter than ${maxSize} bytes.`,
    );
  }
  const delay = optInt(input, 'DelaySeconds', 0, 900, 'DelaySeconds must be >= 0 and <= 900.');
  const groupId = optString(input, 'MessageGroupId');
  let dedupId = optString(input, 'MessageDeduplicationId');
  if (q.fifo) {
    if (delay !== undefined && delay !== 0) {
      throw invalidParameter(
        'DelaySeconds',
        delay,
        'The request include parameter that is not valid for this queue type.',
      );
    }
    if (!groupId) throw missingParameter('MessageGroupId');
    if (!dedupId) {
      if (q.attributes.ContentBasedDeduplication !== 'true') {
        throw new AwsError(
          'InvalidParameterValue',
          'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
        );
      }
      dedupId = createHash('sha256').update(body).digest('hex');
    }
  } else if (dedupId !== undefined) {
    throw invalidParameter(
      'MessageDeduplicationId',
      dedupId,
      'The request include parameter that is not valid for this queue type.',
    );
  }
  if (groupId !== undefined && !GROUP_ID.test(groupId)) {
    throw invalidParameter(
      'MessageGroupId',
      groupId,
      'MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.',
    );
  }
  if (dedupId !== undefined && !GROUP_ID.test(dedupId)) {
    throw invalidParameter(
      'MessageDeduplicationId',
      dedupId,
      'MessageDeduplicationId can only include alphanumeric and punctuation characters. 1 to 128 in length.',
    );
  }

  const result = {
    MD5OfMessageBody: md5Hex(body),
    MD5OfMessageAttributes: md5OfMessageAttributes(user.attributes),
    MD5OfMessageSystemAttributes: md5OfMessageAttributes(system.attributes),
  };
  const now = Date.now();
  if (q.fifo && dedupId) {
    const key = q.attributes.DeduplicationScope === 'messageGroup' ? `${groupId}\u0000${dedupId}` : dedupId;
    const seen = state.st.findDedup.get(q.id, key, now) as
      { message_id: string; sequence_number: string | null } | undefined;
    if (seen) return { ...result, MessageId: seen.message_id, SequenceNumber: seen.sequence_number ?? undefined };
    const seq = state.st.nextSeq.get(q.id) as { next_seq: number };
    const sequenceNumber = (SEQUENCE_BASE + BigInt(seq.next_seq)).toString();
    const messageId = randomUUID();
    const queueDelay = Number(q.attributes.DelaySeconds ?? '0');
    insert(state, q, {
      body,
      user,
      system,
      call,
      now,
      delay: queueDelay,
      groupId,
      dedupId,
      sequenceNumber,
      messageId,
      md5: result.MD5OfMessageBody,
    });
    state.st.upsertDedup.run(q.id, key, messageId, sequenceNumber, now + DEDUP_WINDOW_MS);
    return { ...result, MessageId: messageId, SequenceNumber: sequenceNumber };
  }
  const messageId = randomUUID();
  const queueDelay = Number(q.attributes.DelaySeconds ?? '0');
  insert(state, q, {
    body,
    user,
    system,
    call,
    now,
    delay: delay ?? queueDelay,
    groupId,
    dedupId: undefined,
    sequenceNumber: undefined,
    messageId,
    md5: result.MD5OfMessageBody,
  });
  return { ...result, MessageId: messageId };
}

interface InsertArgs {
  body: string;
  user: ReturnType<typeof readMessageAttributes>;
  system: ReturnType<typeof readMessageAttributes>;
  call: OperationCall;
  now: number;
  delay: number;
  groupId: string | undefined;
  dedupId: string | undefined;
  sequenceNumber: string | undefined;
  messageId: string;
  md5: string;
}

function insert(state: SqsState, q: Queue, a: InsertArgs): void {
  state.st.insertMessage.run({
    queue_id: q.id,
    message_id: a.messageId,
    body: a.body,
    attributes: Object.keys(a.user.attributes).length ? JSON.stringify(a.user.attributes) : null,
    system_attributes: Object.keys(a.system.attributes).length ? JSON.stringify(a.system.attributes) : null,
    md5_body: a.md5,
    sender_id: a.call.caller.userId,
    sent_at: a.now,
    visible_at: a.now + a.delay * 1000,
    group_id: a.groupId ?? null,
    dedup_id: a.dedupId ?? null,
    sequence_number: a.sequenceNumber ?? null,
    dead_letter_source: null,
    receive_count: 0,
  });
}

export function sendMessage(state: SqsState, input: Input, call: OperationCall) {
  const q = state.byUrl(call.region, reqString(input, 'QueueUrl'));
  const result = state.db.transaction(() => sendOne(state, q, input, call))();
  state.notify(q.id);
  return result;
}

/** Batch rules shared by the three batch operations; returns the entries. */
function batchEntries(input: Input, entryName: string): Input[] {
  if (input.Entries === undefined) throw missingParameter('Entries');
  const entries = objectList(input, 'Entries');
  if (entries.length === 0)
    throw new AwsError('EmptyBatchRequest', `There should be at least one ${entryName} in the request.`);
  if (entries.length > 10) {
    throw new AwsError(
      'TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are 10. You have sent ${entries.length}.`,
    );
  }
  const seen = new Set<string>();
  for (const e of entries) {
    const id = e.Id;
    if (typeof id !== 'string' || !BATCH_ID.test(id)) {
      throw new AwsError(
        'InvalidBatchEntryId',
        'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
      );
    }
    if (seen.has(id)) throw new AwsError('BatchEntryIdsNotDistinct', `Id ${id} repeated.`);
    seen.add(id);
  }
  return entries;
}

function failure(id: string, e: unknown) {
  if (!isAwsError(e)) throw e;
  return { Id: id, SenderFault: e.fault === 'Sender', Code: queryCodeOf(e.code), Message: e.message };
}

export function sendMessageBatch(state: SqsState, input: Input, call: OperationCall) {
  const q = state.byUrl(call.region, reqString(input, 'QueueUrl'));
  const entries = batchEntries(input, 'SendMessageBatchRequestEntry');
  const limit = Math.max(262144, Number(q.attributes.MaximumMessageSize ?? '262144'));
  let total = 0;
  for (const e of entries) if (typeof e.MessageBody === 'string') total += Buffer.byteLength(e.MessageBody);
  if (total > limit) {
    throw new AwsError(
      'BatchRequestTooLong',
      `Batch requests cannot be longer than ${limit} bytes. You have sent ${total} bytes.`,
    );
  }
  const Successful: Array<Record<string, string | undefined>> = [];
  const Failed: Array<ReturnType<typeof failure>> = [];
  state.db.transaction(() => {
    for (const e of entries) {
      try {
        Successful.push({ Id: e.Id as string, ...sendOne(state, q, e, call) });
      } catch (err) {
        Failed.push(failure(e.Id as string, err));
      }
    }
  })();
  state.notify(q.id);
  return { Successful, Failed };
}

/** The message row a receipt handle names, in this queue (null when the message is gone). */
function rowFor(state: SqsState, q: Queue, handle: string) {
  const r = decodeReceipt(handle);
  if (r.queueId !== q.id) throw receiptHandleIsInvalid(handle);
  const row = state.st.messageById.get(r.rowId) as
    { queue_id: number; receipt_token: string | null; visible_at: number } | undefined;
  if (!row || row.queue_id !== q.id || row.receipt_token !== r.token) return { r, row: null };
  return { r, row };
}

function deleteOne(state: SqsState, q: Queue, handle: string): void {
  // An outdated or already-used handle succeeds without deleting anything, as on AWS.
  const { r, row } = rowFor(state, q, handle);
  if (row) state.st.deleteMessage.run(r.rowId);
}

export function deleteMessage(state: SqsState, input: Input, call: OperationCall) {
  const q = state.byUrl(call.region, reqString(input, 'QueueUrl'));
  deleteOne(state, q, reqString(input, 'ReceiptHandle'));
  // A FIFO group unblocks when its in-flight message goes: wake waiting receives.
  state.notify(q.id);
  return {};
}

export function deleteMessageBatch(state: SqsState, input: Input, call: OperationCall) {
  const q = state.byUrl(call.region, reqString(input, 'QueueUrl'));
  const entries = batchEntries(input, 'DeleteMessageBatchRequestEntry');
  const Successful: Array<{ Id: string }> = [];
  const Failed: Array<ReturnType<typeof failure>> = [];
  state.db.transaction(() => {
    for (const e of entries) {
      try {
        deleteOne(state, q, reqString(e, 'ReceiptHandle'));
        Successful.push({ Id: e.Id as string });
      } catch (err) {
        Failed.push(failure(e.Id as string, err));
      }
    }
  })();
  state.notify(q.id);
  return { Successful, Failed };
}

function changeOne(state: SqsState, q: Queue, handle: string, timeout: number): void {
  const { r, row } = rowFor(state, q, handle);
  const now = Date.now();
  if (!row) {
    throw invalidParameter(
      'ReceiptHandle',
      handle,
      'Message does not exist or is not available for visibility timeout change.',
    );
  }
  if (row.visible_at <= now) {
    throw new AwsError(
      'MessageNotInflight',
      'Message does not exist or is not available for visibility timeout change.',
    );
  }
  state.st.setVisibility.run(now + timeout * 1000, r.rowId);
}

function visibilityTimeout(input: Input): number {
  const vt = optInt(input, 'VisibilityTimeout', 0, 43200, 'VisibilityTimeout must be an integer between 0 and 43200.');
  if (vt === undefined) throw missingParameter('VisibilityTimeout');
  return vt;
}

export function changeMessageVisibility(state: SqsState, input: Input, call: OperationCall) {
  const q = state.byUrl(call.region, reqString(input, 'QueueUrl'));
  const handle = reqString(input, 'ReceiptHandle');
  changeOne(state, q, handle, visibilityTimeout(input));
  state.notify(q.id);
  return {};
}

export function changeMessageVisibilityBatch(state: SqsState, input: Input, call: OperationCall) {
  const q = state.byUrl(call.region, reqString(input, 'QueueUrl'));
  const entries = batchEntries(input, 'ChangeMessageVisibilityBatchRequestEntry');
  const Successful: Array<{ Id: string }> = [];
  const Failed: Array<ReturnType<typeof failure>> = [];
  state.db.transaction(() => {
    for (const e of entries) {
      try {
        changeOne(state, q, reqString(e, 'ReceiptHandle'), visibilityTimeout(e));
        Successful.push({ Id: e.Id as string });
      } catch (err) {
        Failed.push(failure(e.Id as string, err));
      }
    }
  })();
  state.notify(q.id);
  return { Successful, Failed };
}

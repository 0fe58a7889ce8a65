import { toAppError } from '../errors';
import { send } from '../send';
import { chunk } from './batch';
import { encodeBase64, type OutgoingAttribute } from './message-input';

export interface SendParams {
  region: string;
  url: string;
  body: string;
  attributes?: Record<string, OutgoingAttribute>;
  delaySeconds?: number;
  groupId?: string;
  deduplicationId?: string;
}

export async function sendMessage(params: SendParams): Promise<{ messageId: string; sequenceNumber?: string }> {
  const out = await send(
    'sqs',
    params.region,
    (sqs) =>
      new sqs.SendMessageCommand({
        QueueUrl: params.url,
        MessageBody: params.body,
        ...(params.attributes && Object.keys(params.attributes).length ? { MessageAttributes: params.attributes } : {}),
        ...(params.delaySeconds ? { DelaySeconds: params.delaySeconds } : {}),
        ...(params.groupId ? { MessageGroupId: params.groupId } : {}),
        ...(params.deduplicationId ? { MessageDeduplicationId: params.deduplicationId } : {}),
      }),
  );
  return { messageId: out.MessageId ?? '', ...(out.SequenceNumber ? { sequenceNumber: out.SequenceNumber } : {}) };
}

export interface BatchEntry {
  /** Unique within the call: letters, digits, hyphens, underscores. */
  id: string;
  body: string;
  groupId?: string;
  deduplicationId?: string;
}

export interface EntryFailure {
  id: string;
  code: string;
  message: string;
}

export interface BatchResult {
  succeeded: string[];
  failed: EntryFailure[];
}

/** One SendMessageBatch call (up to 10 entries); entries SQS refused come back with their codes. */
export async function sendMessageBatch(
  params: { region: string; url: string; entries: BatchEntry[] },
  signal?: AbortSignal,
): Promise<BatchResult> {
  const out = await send(
    'sqs',
    params.region,
    (sqs) =>
      new sqs.SendMessageBatchCommand({
        QueueUrl: params.url,
        Entries: params.entries.map((e) => ({
          Id: e.id,
          MessageBody: e.body,
          ...(e.groupId ? { MessageGroupId: e.groupId } : {}),
          ...(e.deduplicationId ? { MessageDeduplicationId: e.deduplicationId } : {}),
        })),
      }),
    signal,
  );
  return {
    succeeded: (out.Successful ?? []).map((s) => s.Id ?? ''),
    failed: (out.Failed ?? []).map((f) => ({ id: f.Id ?? '', code: f.Code ?? 'Unknown', message: f.Message ?? '' })),
  };
}

export interface MessageAttribute {
  type: string;
  /** Text for String and Number, base64 for Binary. */
  value: string;
}

export interface ReceivedMessage {
  id: string;
  receiptHandle: string;
  body: string;
  attributes: Record<string, MessageAttribute>;
  receiveCount: number;
  sentAt?: Date;
  firstReceivedAt?: Date;
  groupId?: string;
  deduplicationId?: string;
  sequenceNumber?: string;
  deadLetterSourceArn?: string;
  /** When this console received it (local clock). */
  receivedAt: number;
  /** When it becomes visible to consumers again (local clock); undefined after a peek. */
  visibleAgainAt?: number;
}

interface SdkMessage {
  MessageId?: string;
  ReceiptHandle?: string;
  Body?: string;
  Attributes?: Partial<Record<string, string>>;
  MessageAttributes?: Record<string, { DataType?: string; StringValue?: string; BinaryValue?: Uint8Array }>;
}

function epochMs(value: string | undefined): Date | undefined {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) ? new Date(n) : undefined;
}

export function toReceivedMessage(m: SdkMessage, receivedAt: number, visibilitySeconds: number): ReceivedMessage {
  const a = m.Attributes ?? {};
  const attributes: Record<string, MessageAttribute> = {};
  for (const [name, v] of Object.entries(m.MessageAttributes ?? {})) {
    attributes[name] = {
      type: v.DataType ?? 'String',
      value: v.BinaryValue ? encodeBase64(v.BinaryValue) : (v.StringValue ?? ''),
    };
  }
  const sentAt = epochMs(a.SentTimestamp);
  const firstReceivedAt = epochMs(a.ApproximateFirstReceiveTimestamp);
  return {
    id: m.MessageId ?? '',
    receiptHandle: m.ReceiptHandle ?? '',
    body: m.Body ?? '',
    attributes,
    receiveCount: Number(a.ApproximateReceiveCount ?? 0),
    ...(sentAt ? { sentAt } : {}),
    ...(firstReceivedAt ? { firstReceivedAt } : {}),
    ...(a.MessageGroupId ? { groupId: a.MessageGroupId } : {}),
    ...(a.MessageDeduplicationId ? { deduplicationId: a.MessageDeduplicationId } : {}),
    ...(a.SequenceNumber ? { sequenceNumber: a.SequenceNumber } : {}),
    ...(a.DeadLetterQueueSourceArn ? { deadLetterSourceArn: a.DeadLetterQueueSourceArn } : {}),
    receivedAt,
    ...(visibilitySeconds > 0 ? { visibleAgainAt: receivedAt + visibilitySeconds * 1000 } : {}),
  };
}

/** One ReceiveMessage call with every system and message attribute. */
export async function receiveMessages(
  params: { region: string; url: string; max: number; waitSeconds: number; visibilitySeconds: number },
  signal?: AbortSignal,
): Promise<ReceivedMessage[]> {
  const out = await send(
    'sqs',
    params.region,
    (sqs) =>
      new sqs.ReceiveMessageCommand({
        QueueUrl: params.url,
        MaxNumberOfMessages: params.max,
        WaitTimeSeconds: params.waitSeconds,
        VisibilityTimeout: params.visibilitySeconds,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    signal,
  );
  const now = Date.now();
  return (out.Messages ?? []).map((m) => toReceivedMessage(m, now, params.visibilitySeconds));
}

export interface MessageHandle {
  id: string;
  receiptHandle: string;
}

const BATCH_CONCURRENCY = 4;

/**
 * Runs a batch operation over handles 10 at a time, a few calls at once. A refused entry is reported with its code; a call
 * that fails as a whole (throttling, a 5xx) reports each of its entries as not done, with the reason. A
 * denial stops everything and is thrown, so the caller names the missing permission.
 */
async function inBatches(
  handles: MessageHandle[],
  call: (entries: Array<{ Id: string; ReceiptHandle: string }>) => Promise<{
    Successful?: Array<{ Id?: string }>;
    Failed?: Array<{ Id?: string; Code?: string; Message?: string }>;
  }>,
): Promise<BatchResult> {
  const result: BatchResult = { succeeded: [], failed: [] };
  const batches = chunk(handles);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      // Ids by position: message ids may repeat (a message received twice) and ids allow only [\w-].
      const entries = batch.map((h, i) => ({ Id: `m${i}`, ReceiptHandle: h.receiptHandle }));
      const idOf = (entryId: string | undefined) => batch[Number((entryId ?? '').slice(1))]?.id ?? entryId ?? '';
      try {
        const out = await call(entries);
        for (const s of out.Successful ?? []) result.succeeded.push(idOf(s.Id));
        for (const f of out.Failed ?? [])
          result.failed.push({ id: idOf(f.Id), code: f.Code ?? 'Unknown', message: f.Message ?? '' });
      } catch (e) {
        const err = toAppError(e);
        if (err.kind === 'forbidden' || err.kind === 'expired') {
          next = batches.length;
          throw e;
        }
        for (const h of batch) result.failed.push({ id: h.id, code: err.code ?? 'Error', message: err.message });
      }
    }
  };
  // A few calls at once: deleting thousands of received messages should not take a round trip per 10.
  await Promise.all(Array.from({ length: Math.min(BATCH_CONCURRENCY, batches.length) }, worker));
  return result;
}

export function deleteMessages(params: {
  region: string;
  url: string;
  messages: MessageHandle[];
}): Promise<BatchResult> {
  return inBatches(params.messages, (entries) =>
    send('sqs', params.region, (sqs) => new sqs.DeleteMessageBatchCommand({ QueueUrl: params.url, Entries: entries })),
  );
}

export function changeVisibility(params: {
  region: string;
  url: string;
  messages: MessageHandle[];
  timeoutSeconds: number;
}): Promise<BatchResult> {
  return inBatches(params.messages, (entries) =>
    send(
      'sqs',
      params.region,
      (sqs) =>
        new sqs.ChangeMessageVisibilityBatchCommand({
          QueueUrl: params.url,
          Entries: entries.map((e) => ({ ...e, VisibilityTimeout: params.timeoutSeconds })),
        }),
    ),
  );
}

/** When a message whose visibility was just set to `seconds` returns to the queue (local clock). */
export function visibleAgainAt(seconds: number): number {
  return Date.now() + seconds * 1000;
}

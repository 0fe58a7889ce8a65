import { AwsError } from '../../core/errors.js';
import { ALL_ATTRIBUTE_NAMES, redrivePolicyOf } from './attributes.js';
import { queueDoesNotExist } from './errors.js';
import { optInt, stringList, reqString, type Input } from './input.js';
import { selectMessageAttributes } from './message-attributes.js';
import { expireMessages } from './message-ops.js';
import { md5OfMessageAttributes, type MessageAttributeValue } from './md5.js';
import { encodeReceipt, newReceiptToken } from './receipt.js';
import type { SqsState } from './state.js';
import type { MessageRow, Queue } from './store.js';
import type { OperationCall } from './types.js';

const SYSTEM_NAMES = new Set([
  'All',
  'SenderId',
  'SentTimestamp',
  'ApproximateReceiveCount',
  'ApproximateFirstReceiveTimestamp',
  'SequenceNumber',
  'MessageDeduplicationId',
  'MessageGroupId',
  'AWSTraceHeader',
  'DeadLetterQueueSourceArn',
]);
/** How far a FIFO receive looks past blocked groups for an available one. */
const FIFO_SCAN = 2000;

interface ReceiveOptions {
  max: number;
  visibilityMs: number;
  systemNames: Set<string>;
  attributeNames: string[];
}

function systemAttributes(row: MessageRow, names: Set<string>): Record<string, string> | undefined {
  if (names.size === 0) return undefined;
  const all = names.has('All');
  const out: Record<string, string> = {};
  const put = (name: string, value: string | null | undefined) => {
    if ((all || names.has(name)) && value !== null && value !== undefined) out[name] = value;
  };
  put('SenderId', row.sender_id);
  put('SentTimestamp', String(row.sent_at));
  put('ApproximateReceiveCount', String(row.receive_count));
  put('ApproximateFirstReceiveTimestamp', row.first_receive_at === null ? null : String(row.first_receive_at));
  put('MessageGroupId', row.group_id);
  put('MessageDeduplicationId', row.dedup_id);
  put('SequenceNumber', row.sequence_number);
  put('DeadLetterQueueSourceArn', row.dead_letter_source);
  if (row.system_attributes) {
    const sys = JSON.parse(row.system_attributes) as Record<string, MessageAttributeValue>;
    put('AWSTraceHeader', sys.AWSTraceHeader?.StringValue);
  }
  return Object.keys(out).length ? out : undefined;
}

function toMessage(q: Queue, row: MessageRow, opts: ReceiveOptions) {
  const user = row.attributes ? (JSON.parse(row.attributes) as Record<string, MessageAttributeValue>) : {};
  const selected = selectMessageAttributes(user, opts.attributeNames);
  const hasAttributes = Object.keys(selected).length > 0;
  return {
    MessageId: row.message_id,
    ReceiptHandle: encodeReceipt({ queueId: q.id, rowId: row.id, token: row.receipt_token ?? '' }),
    MD5OfBody: row.md5_body,
    Body: row.body,
    Attributes: systemAttributes(row, opts.systemNames),
    MD5OfMessageAttributes: hasAttributes ? md5OfMessageAttributes(selected) : undefined,
    MessageAttributes: hasAttributes ? selected : undefined,
  };
}

/** One receive attempt, in a transaction: moves over-received messages to the DLQ, takes the rest. */
function take(state: SqsState, q: Queue, opts: ReceiveOptions) {
  const now = Date.now();
  const policy = redrivePolicyOf(q);
  const dlq = policy ? state.findByArn(policy.deadLetterTargetArn) : undefined;
  const taken: MessageRow[] = [];
  let movedToDlq = false;

  const consider = (row: MessageRow): boolean => {
    if (policy && dlq && row.receive_count >= policy.maxReceiveCount) {
      state.st.moveToQueue.run(dlq.id, now, state.arnOf(q), row.id);
      movedToDlq = true;
      return false;
    }
    const token = newReceiptToken();
    state.st.markReceived.run(now + opts.visibilityMs, token, now, row.id);
    taken.push({
      ...row,
      receive_count: row.receive_count + 1,
      first_receive_at: row.first_receive_at ?? now,
      receipt_token: token,
    });
    return true;
  };

  state.db.transaction(() => {
    if (q.fifo) {
      const blocked = new Set(
        (state.st.inflightGroups.all(q.id, now) as Array<{ group_id: string | null }>).map((g) => g.group_id),
      );
      for (const row of state.st.visibleInOrder.all(q.id, now, FIFO_SCAN) as MessageRow[]) {
        if (taken.length >= opts.max) break;
        if (blocked.has(row.group_id)) continue;
        consider(row);
      }
      return;
    }
    // Rows already handled stay visible when VisibilityTimeout is 0: never hand one out twice.
    const seen = new Set<number>();
    while (taken.length < opts.max) {
      const rows = (state.st.visibleBatch.all(q.id, now, opts.max - taken.length + seen.size) as MessageRow[]).filter(
        (r) => !seen.has(r.id),
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        if (taken.length >= opts.max) break;
        seen.add(row.id);
        consider(row);
      }
    }
  })();
  if (movedToDlq && dlq) state.notify(dlq.id);
  return taken.map((row) => toMessage(q, row, opts));
}

export async function receiveMessage(state: SqsState, input: Input, call: OperationCall) {
  const q = state.byUrl(call.region, reqString(input, 'QueueUrl'));
  const max = optInt(input, 'MaxNumberOfMessages', 1, 10) ?? 1;
  const visibility = optInt(input, 'VisibilityTimeout', 0, 43200) ?? Number(q.attributes.VisibilityTimeout ?? '30');
  const wait = optInt(input, 'WaitTimeSeconds', 0, 20) ?? Number(q.attributes.ReceiveMessageWaitTimeSeconds ?? '0');
  const systemNames = new Set([
    ...stringList(input, 'AttributeNames'),
    ...stringList(input, 'MessageSystemAttributeNames'),
  ]);
  for (const name of systemNames) {
    if (!SYSTEM_NAMES.has(name) && !ALL_ATTRIBUTE_NAMES.has(name))
      throw new AwsError('InvalidAttributeName', `Unknown Attribute ${name}.`);
  }
  const opts: ReceiveOptions = {
    max,
    visibilityMs: visibility * 1000,
    systemNames,
    attributeNames: stringList(input, 'MessageAttributeNames'),
  };
  expireMessages(state, q);
  const deadline = Date.now() + wait * 1000;
  for (;;) {
    if (call.signal.aborted) return {};
    if (state.findById(q.id) !== q) throw queueDoesNotExist();
    const messages = take(state, q, opts);
    const now = Date.now();
    if (messages.length > 0 || now >= deadline) return { Messages: messages.length ? messages : undefined };
    // Sleep until a send wakes us, a hidden message becomes visible, or the wait ends.
    const next = (state.st.nextVisibleAt.get(q.id, now) as { t: number | null }).t;
    await state.waitFor(q.id, Math.min(deadline, next ?? Infinity) - now, call.signal);
  }
}

import { AwsError } from '../../core/errors.js';
import { invalidAttributeName, invalidAttributeValue } from './errors.js';
import type { SqsState } from './state.js';
import type { Queue } from './store.js';

/** Settable attributes with their [min, max] when numeric. */
const NUMERIC: Record<string, [number, number]> = {
  DelaySeconds: [0, 900],
  MaximumMessageSize: [1024, 1048576],
  MessageRetentionPeriod: [60, 1209600],
  ReceiveMessageWaitTimeSeconds: [0, 20],
  VisibilityTimeout: [0, 43200],
  KmsDataKeyReusePeriodSeconds: [60, 86400],
};
const FREE_TEXT = ['Policy', 'KmsMasterKeyId', 'RedriveAllowPolicy'];
const BOOLEAN = ['SqsManagedSseEnabled'];
const FIFO_ONLY = ['ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit'];
const COMPUTED = [
  'QueueArn',
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
];
export const ALL_ATTRIBUTE_NAMES = new Set([
  ...Object.keys(NUMERIC),
  ...FREE_TEXT,
  ...BOOLEAN,
  ...FIFO_ONLY,
  ...COMPUTED,
  'RedrivePolicy',
  'FifoQueue',
  'All',
]);

export function defaultAttributes(fifo: boolean): Record<string, string> {
  const base: Record<string, string> = {
    DelaySeconds: '0',
    MaximumMessageSize: '262144',
    MessageRetentionPeriod: '345600',
    ReceiveMessageWaitTimeSeconds: '0',
    VisibilityTimeout: '30',
    SqsManagedSseEnabled: 'true',
  };
  if (fifo)
    Object.assign(base, {
      ContentBasedDeduplication: 'false',
      DeduplicationScope: 'queue',
      FifoThroughputLimit: 'perQueue',
    });
  return base;
}

export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

export function redrivePolicyOf(q: Queue): RedrivePolicy | null {
  const raw = q.attributes.RedrivePolicy;
  if (!raw) return null;
  try {
    return JSON.parse(raw) as RedrivePolicy;
  } catch {
    return null;
  }
}

function invalidRedrive(value: string, reason: string): AwsError {
  return new AwsError(
    'InvalidParameterValue',
    `Value ${value} for parameter RedrivePolicy is invalid. Reason: ${reason}`,
    400,
  );
}

/** Validate and normalize a RedrivePolicy ('' removes it). */
function normalizeRedrive(state: SqsState, value: string, region: string, fifo: boolean): string {
  if (value === '') return '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw invalidRedrive(value, 'Redrive policy is not a valid JSON map.');
  }
  if (!parsed || typeof parsed !== 'object') throw invalidRedrive(value, 'Redrive policy is not a valid JSON map.');
  const { deadLetterTargetArn, maxReceiveCount } = parsed as Record<string, unknown>;
  if (typeof deadLetterTargetArn !== 'string')
    throw invalidRedrive(value, 'Redrive policy does not contain mandatory attribute: deadLetterTargetArn.');
  if (maxReceiveCount === undefined)
    throw invalidRedrive(value, 'Redrive policy does not contain mandatory attribute: maxReceiveCount.');
  const count = Number(maxReceiveCount);
  if (!Number.isInteger(count) || count < 1 || count > 1000)
    throw invalidRedrive(value, 'Invalid value for maxReceiveCount: must be an integer from 1 to 1000.');
  const target = state.findByArn(deadLetterTargetArn);
  if (!target || target.region !== region) throw invalidRedrive(value, 'Dead letter target does not exist.');
  if (target.fifo !== fifo) throw invalidRedrive(value, 'Dead-letter queue must be same type of queue as the source.');
  return JSON.stringify({ deadLetterTargetArn, maxReceiveCount: count });
}

/**
 * Validate attributes given to CreateQueue or SetQueueAttributes and return them normalized.
 * `creating` allows FifoQueue.
 */
export function validateAttributes(
  state: SqsState,
  given: Record<string, string>,
  opts: { region: string; fifo: boolean; creating: boolean },
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    const range = NUMERIC[name];
    if (range) {
      const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
      if (!(n >= range[0] && n <= range[1])) throw invalidAttributeValue(name);
      out[name] = String(n);
    } else if (FREE_TEXT.includes(name)) {
      out[name] = value;
    } else if (BOOLEAN.includes(name) || name === 'ContentBasedDeduplication') {
      if (value !== 'true' && value !== 'false') throw invalidAttributeValue(name);
      if (name === 'ContentBasedDeduplication' && !opts.fifo) throw invalidAttributeName(name);
      out[name] = value;
    } else if (name === 'DeduplicationScope' || name === 'FifoThroughputLimit') {
      if (!opts.fifo) throw invalidAttributeName(name);
      const allowed = name === 'DeduplicationScope' ? ['messageGroup', 'queue'] : ['perQueue', 'perMessageGroupId'];
      if (!allowed.includes(value)) throw invalidAttributeValue(name);
      out[name] = value;
    } else if (name === 'RedrivePolicy') {
      out[name] = normalizeRedrive(state, value, opts.region, opts.fifo);
    } else if (name === 'FifoQueue') {
      if (!opts.creating) throw invalidAttributeName(name);
      if (value !== 'true' && value !== 'false') throw invalidAttributeValue(name);
    } else {
      throw invalidAttributeName(name);
    }
  }
  return out;
}

function count(stmt: { get(...args: unknown[]): unknown }, ...args: unknown[]): string {
  return String((stmt.get(...args) as { n: number }).n);
}

/** GetQueueAttributes: the named attributes ('All' for every one) as strings. */
export function readAttributes(state: SqsState, q: Queue, names: string[]): Record<string, string> {
  for (const name of names) if (!ALL_ATTRIBUTE_NAMES.has(name)) throw invalidAttributeName(name);
  const wanted = names.includes('All') ? null : new Set(names);
  const want = (name: string) => wanted === null || wanted.has(name);
  const now = Date.now();
  const out: Record<string, string> = {};
  if (want('QueueArn')) out.QueueArn = state.arnOf(q);
  if (want('ApproximateNumberOfMessages')) out.ApproximateNumberOfMessages = count(state.st.countVisible, q.id, now);
  if (want('ApproximateNumberOfMessagesNotVisible'))
    out.ApproximateNumberOfMessagesNotVisible = count(state.st.countInflight, q.id, now);
  if (want('ApproximateNumberOfMessagesDelayed'))
    out.ApproximateNumberOfMessagesDelayed = count(state.st.countDelayed, q.id, now);
  if (want('CreatedTimestamp')) out.CreatedTimestamp = String(Math.floor(q.createdAt / 1000));
  if (want('LastModifiedTimestamp')) out.LastModifiedTimestamp = String(Math.floor(q.modifiedAt / 1000));
  for (const [name, value] of Object.entries(q.attributes)) if (want(name) && value !== '') out[name] = value;
  if (q.fifo && want('FifoQueue')) out.FifoQueue = 'true';
  return out;
}

import { AwsError } from '../../core/errors.js';
import { defaultAttributes, readAttributes, validateAttributes } from './attributes.js';
import { invalidParameter, queueDoesNotExist } from './errors.js';
import { optInt, optString, stringList, stringMap, reqString, type Input } from './input.js';
import { expireMessages } from './message-ops.js';
import type { SqsState } from './state.js';
import type { OperationCall } from './types.js';

const NAME = /^[A-Za-z0-9_-]{1,80}$/;

function validateName(name: string, fifo: boolean): void {
  const base = name.endsWith('.fifo') ? name.slice(0, -5) : name;
  if (!NAME.test(base) || name.length > 80) {
    throw new AwsError(
      'InvalidParameterValue',
      'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
    );
  }
  if (fifo !== name.endsWith('.fifo')) {
    throw new AwsError(
      'InvalidParameterValue',
      fifo
        ? 'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.'
        : 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
    );
  }
}

function validateTags(tags: Record<string, string>): void {
  const keys = Object.keys(tags);
  if (keys.length > 50)
    throw new AwsError('InvalidParameterValue', 'Too many tags added for queue. Maximum of 50 tags per queue.');
  for (const k of keys) {
    if (k.length < 1 || k.length > 128)
      throw new AwsError('InvalidParameterValue', `Tag key ${k} must be 1 to 128 characters long.`);
    if ((tags[k] ?? '').length > 256)
      throw new AwsError('InvalidParameterValue', `Tag value for ${k} must be at most 256 characters long.`);
  }
}

export function createQueue(state: SqsState, input: Input, call: OperationCall) {
  const name = reqString(input, 'QueueName');
  const given = stringMap(input, 'Attributes');
  const tags = stringMap(input, 'tags');
  const fifoAttr = given.FifoQueue;
  if (fifoAttr !== undefined && fifoAttr !== 'true' && fifoAttr !== 'false') {
    throw new AwsError('InvalidAttributeValue', 'Invalid value for the parameter FifoQueue.');
  }
  const fifo = fifoAttr === 'true';
  validateName(name, fifo);
  validateTags(tags);
  const attributes = validateAttributes(state, given, { region: call.region, fifo, creating: true });
  const existing = state.find(call.region, name);
  if (existing) {
    for (const [k, v] of Object.entries(attributes)) {
      if ((existing.attributes[k] ?? '') !== v) {
        throw new AwsError(
          'QueueNameExists',
          `A queue already exists with the same name and a different value for attribute ${k}`,
        );
      }
    }
    return { QueueUrl: state.urlOf(existing) };
  }
  const q = state.createQueue(
    call.region,
    name,
    fifo,
    { ...defaultAttributes(fifo), ...withoutEmpty(attributes) },
    tags,
  );
  return { QueueUrl: state.urlOf(q) };
}

function withoutEmpty(attrs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== ''));
}

export function deleteQueue(state: SqsState, input: Input, call: OperationCall) {
  state.deleteQueue(state.byUrl(call.region, reqString(input, 'QueueUrl')));
  return {};
}

/** NextToken: base64 of the last name returned, so paging survives queues being added or removed. */
function encodeToken(name: string): string {
  return Buffer.from(JSON.stringify({ after: name })).toString('base64');
}

function decodeToken(token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { after?: unknown };
    if (typeof parsed.after === 'string') return parsed.after;
  } catch {
    // fall through to the error below
  }
  throw invalidParameter('NextToken', token, 'Invalid NextToken value.');
}

function page(urls: Array<{ name: string; url: string }>, input: Input) {
  const max = optInt(input, 'MaxResults', 1, 1000, 'MaxResults must be an integer between 1 and 1000.');
  const token = optString(input, 'NextToken');
  const after = token ? decodeToken(token) : undefined;
  const rest = after === undefined ? urls : urls.filter((u) => u.name > after);
  const limit = max ?? 1000;
  const items = rest.slice(0, limit);
  const last = items[items.length - 1];
  const nextToken = max !== undefined && rest.length > limit && last ? encodeToken(last.name) : undefined;
  return { urls: items.map((u) => u.url), nextToken };
}

export function listQueues(state: SqsState, input: Input, call: OperationCall) {
  const prefix = optString(input, 'QueueNamePrefix') ?? '';
  const queues = state.list(call.region).filter((q) => q.name.startsWith(prefix));
  const { urls, nextToken } = page(
    queues.map((q) => ({ name: q.name, url: state.urlOf(q) })),
    input,
  );
  return { QueueUrls: urls.length ? urls : undefined, NextToken: nextToken };
}

export function getQueueUrl(state: SqsState, input: Input, call: OperationCall) {
  const name = reqString(input, 'QueueName');
  const owner = optString(input, 'QueueOwnerAWSAccountId');
  const q = state.find(call.region, name);
  if (!q || (owner !== undefined && owner !== state.accountId)) throw queueDoesNotExist();
  return { QueueUrl: state.urlOf(q) };
}

export function getQueueAttributes(state: SqsState, input: Input, call: OperationCall) {
  const q = state.byUrl(call.region, reqString(input, 'QueueUrl'));
  const names = stringList(input, 'AttributeNames');
  expireMessages(state, q);
  const attributes = readAttributes(state, q, names);
  return { Attributes: Object.keys(attributes).length ? attributes : undefined };
}

export function setQueueAttributes(state: SqsState, input: Input, call: OperationCall) {
  const q = state.byUrl(call.region, reqString(input, 'QueueUrl'));
  const given = stringMap(input, 'Attributes');
  const attrs = validateAttributes(state, given, { region: call.region, fifo: q.fifo, creating: false });
  for (const [k, v] of Object.entries(attrs)) {
    if (v === '') delete q.attributes[k];
    else q.attributes[k] = v;
  }
  q.modifiedAt = Date.now();
  state.saveQueue(q);
  state.notify(q.id);
  return {};
}

export function purgeQueue(state: SqsState, input: Input, call: OperationCall) {
  const q = state.byUrl(call.region, reqString(input, 'QueueUrl'));
  const now = Date.now();
  if (q.purgedAt !== null && now - q.purgedAt < 60_000) {
    throw new AwsError(
      'PurgeQueueInProgress',
      `Only one PurgeQueue operation on ${q.name} is allowed every 60 seconds.`,
      403,
    );
  }
  state.db.transaction(() => {
    state.st.deleteQueueMessages.run(q.id);
    q.purgedAt = now;
    state.saveQueue(q);
  })();
  return {};
}

export function listDeadLetterSourceQueues(state: SqsState, input: Input, call: OperationCall) {
  const dlq = state.byUrl(call.region, reqString(input, 'QueueUrl'));
  const arn = state.arnOf(dlq);
  const sources = state.list(call.region).filter((q) => {
    const raw = q.attributes.RedrivePolicy;
    if (!raw) return false;
    try {
      return (JSON.parse(raw) as { deadLetterTargetArn?: string }).deadLetterTargetArn === arn;
    } catch {
      return false;
    }
  });
  const { urls, nextToken } = page(
    sources.map((q) => ({ name: q.name, url: state.urlOf(q) })),
    input,
  );
  return { queueUrls: urls, NextToken: nextToken };
}

export function tagQueue(state: SqsState, input: Input, call: OperationCall) {
  const q = state.byUrl(call.region, reqString(input, 'QueueUrl'));
  const tags = stringMap(input, 'Tags');
  if (Object.keys(tags).length === 0)
    throw new AwsError('MissingParameter', 'The request must contain the parameter Tags.');
  const merged = { ...q.tags, ...tags };
  validateTags(merged);
  q.tags = merged;
  state.saveQueue(q);
  return {};
}

export function untagQueue(state: SqsState, input: Input, call: OperationCall) {
  const q = state.byUrl(call.region, reqString(input, 'QueueUrl'));
  const keys = stringList(input, 'TagKeys');
  if (keys.length === 0) throw new AwsError('MissingParameter', 'The request must contain the parameter TagKeys.');
  for (const k of keys) delete q.tags[k];
  state.saveQueue(q);
  return {};
}

export function listQueueTags(state: SqsState, input: Input, call: OperationCall) {
  const q = state.byUrl(call.region, reqString(input, 'QueueUrl'));
  return { Tags: Object.keys(q.tags).length ? { ...q.tags } : undefined };
}

/** A queue's attributes as the console reads them (GetQueueAttributes gives strings). */
export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

export interface RedriveAllowPolicy {
  /** allowAll, denyAll or byQueue. */
  redrivePermission: string;
  sourceQueueArns: string[];
}

export interface QueueAttributes {
  arn?: string;
  isFifo: boolean;
  /** ApproximateNumberOfMessages: ready to be received. */
  available: number;
  /** ApproximateNumberOfMessagesNotVisible: received, not yet deleted or returned. */
  inFlight: number;
  /** ApproximateNumberOfMessagesDelayed. */
  delayed: number;
  visibilityTimeout?: number;
  retentionSeconds?: number;
  delaySeconds?: number;
  maxMessageSize?: number;
  receiveWaitSeconds?: number;
  contentBasedDeduplication: boolean;
  createdAt?: Date;
  lastModifiedAt?: Date;
  redrivePolicy?: RedrivePolicy;
  redriveAllowPolicy?: RedriveAllowPolicy;
  /** Every attribute as SQS returned it, for the details list. */
  raw: Record<string, string>;
}

function num(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function date(value: string | undefined): Date | undefined {
  const s = num(value);
  return s === undefined ? undefined : new Date(s * 1000);
}

function parseJsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** RedrivePolicy is JSON; maxReceiveCount may come as a string or a number. */
export function parseRedrivePolicy(text: string | undefined): RedrivePolicy | undefined {
  const o = parseJsonObject(text);
  if (!o || typeof o.deadLetterTargetArn !== 'string') return undefined;
  const max = Number(o.maxReceiveCount);
  return { deadLetterTargetArn: o.deadLetterTargetArn, maxReceiveCount: Number.isFinite(max) ? max : 0 };
}

export function parseRedriveAllowPolicy(text: string | undefined): RedriveAllowPolicy | undefined {
  const o = parseJsonObject(text);
  if (!o || typeof o.redrivePermission !== 'string') return undefined;
  const arns = Array.isArray(o.sourceQueueArns)
    ? o.sourceQueueArns.filter((a): a is string => typeof a === 'string')
    : [];
  return { redrivePermission: o.redrivePermission, sourceQueueArns: arns };
}

export function parseQueueAttributes(a: Record<string, string>): QueueAttributes {
  const redrive = parseRedrivePolicy(a.RedrivePolicy);
  const allow = parseRedriveAllowPolicy(a.RedriveAllowPolicy);
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
  return {
    ...optional('arn', a.QueueArn),
    isFifo: a.FifoQueue === 'true',
    available: num(a.ApproximateNumberOfMessages) ?? 0,
    inFlight: num(a.ApproximateNumberOfMessagesNotVisible) ?? 0,
    delayed: num(a.ApproximateNumberOfMessagesDelayed) ?? 0,
    ...optional('visibilityTimeout', num(a.VisibilityTimeout)),
    ...optional('retentionSeconds', num(a.MessageRetentionPeriod)),
    ...optional('delaySeconds', num(a.DelaySeconds)),
    ...optional('maxMessageSize', num(a.MaximumMessageSize)),
    ...optional('receiveWaitSeconds', num(a.ReceiveMessageWaitTimeSeconds)),
    contentBasedDeduplication: a.ContentBasedDeduplication === 'true',
    ...optional('createdAt', date(a.CreatedTimestamp)),
    ...optional('lastModifiedAt', date(a.LastModifiedTimestamp)),
    ...optional('redrivePolicy', redrive),
    ...optional('redriveAllowPolicy', allow),
    raw: { ...a },
  };
}

export interface QueueArnParts {
  region: string;
  accountId: string;
  name: string;
}

/** arn:aws:sqs:us-east-1:123456789012:orders-dlq -> its region, account and name. */
export function parseQueueArn(arn: string): QueueArnParts | undefined {
  const m = /^arn:[\w-]+:sqs:([\w-]+):(\d{12}):([\w.-]+)$/.exec(arn);
  if (!m) return undefined;
  return { region: m[1]!, accountId: m[2]!, name: m[3]! };
}

/** The last part of a queue URL or ARN: its name. */
export function queueNameOf(urlOrArn: string): string {
  return urlOrArn.split(/[/:]/).pop() ?? urlOrArn;
}

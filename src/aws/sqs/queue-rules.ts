/** SQS's rules for creating a queue, checked as the user types (the same limits SQS enforces). */

export interface NumberLimit {
  /** The SQS attribute name. */
  attribute: string;
  label: string;
  min: number;
  max: number;
  unit: string;
  defaultValue: number;
}

export const QUEUE_LIMITS = {
  visibilityTimeout: {
    attribute: 'VisibilityTimeout',
    label: 'Visibility timeout',
    min: 0,
    max: 43_200,
    unit: 'seconds',
    defaultValue: 30,
  },
  retention: {
    attribute: 'MessageRetentionPeriod',
    label: 'Message retention',
    min: 60,
    max: 1_209_600,
    unit: 'seconds',
    defaultValue: 345_600,
  },
  delay: { attribute: 'DelaySeconds', label: 'Delivery delay', min: 0, max: 900, unit: 'seconds', defaultValue: 0 },
  maxMessageSize: {
    attribute: 'MaximumMessageSize',
    label: 'Maximum message size',
    min: 1_024,
    max: 1_048_576,
    unit: 'bytes',
    defaultValue: 262_144,
  },
  receiveWait: {
    attribute: 'ReceiveMessageWaitTimeSeconds',
    label: 'Receive message wait time',
    min: 0,
    max: 20,
    unit: 'seconds',
    defaultValue: 0,
  },
} as const satisfies Record<string, NumberLimit>;

export const MAX_RECEIVE_COUNT = { min: 1, max: 1000 } as const;

/** Why `name` cannot be a queue name, or undefined when it can. */
export function queueNameError(name: string, isFifo: boolean): string | undefined {
  if (name === '') return 'Enter a name';
  const base = name.endsWith('.fifo') ? name.slice(0, -'.fifo'.length) : name;
  if (isFifo && !name.endsWith('.fifo')) return 'A FIFO queue name must end in .fifo';
  if (!isFifo && name.endsWith('.fifo')) return 'Only FIFO queue names end in .fifo: choose FIFO or change the name';
  if (name.length > 80) return `At most 80 characters (this one has ${name.length})`;
  if (base === '') return 'Enter a name before .fifo';
  const bad = /[^A-Za-z0-9_-]/.exec(base);
  if (bad) return `"${bad[0]}" is not allowed: use letters, digits, hyphens (-) and underscores (_)`;
  return undefined;
}

/** Why `text` is not a whole number within the limit, or undefined. */
export function limitError(text: string, limit: { min: number; max: number; unit?: string }): string | undefined {
  if (text.trim() === '') return 'Enter a number';
  if (!/^\d+$/.test(text.trim())) return 'Enter a whole number';
  const n = Number(text);
  if (n < limit.min || n > limit.max)
    return `Between ${limit.min.toLocaleString('en-US')} and ${limit.max.toLocaleString('en-US')}${limit.unit ? ` ${limit.unit}` : ''}`;
  return undefined;
}

export interface CreateQueueForm {
  name: string;
  isFifo: boolean;
  contentBasedDeduplication: boolean;
  visibilityTimeout: string;
  retention: string;
  delay: string;
  maxMessageSize: string;
  receiveWait: string;
  /** ARN of the dead-letter queue, resolved from the picked name; empty for none. */
  deadLetterTargetArn: string;
  maxReceiveCount: string;
}

export type CreateQueueErrors = Partial<Record<keyof CreateQueueForm, string>>;

export function createQueueErrors(form: CreateQueueForm): CreateQueueErrors {
  const errors: CreateQueueErrors = {};
  const nameError = queueNameError(form.name, form.isFifo);
  if (nameError) errors.name = nameError;
  for (const key of ['visibilityTimeout', 'retention', 'delay', 'maxMessageSize', 'receiveWait'] as const) {
    const e = limitError(form[key], QUEUE_LIMITS[key]);
    if (e) errors[key] = e;
  }
  if (form.deadLetterTargetArn) {
    const e = limitError(form.maxReceiveCount, MAX_RECEIVE_COUNT);
    if (e) errors.maxReceiveCount = e;
  }
  return errors;
}

/** The CreateQueue Attributes for a valid form (only what differs from SQS's defaults, plus FIFO settings). */
export function createQueueAttributes(form: CreateQueueForm): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const key of ['visibilityTimeout', 'retention', 'delay', 'maxMessageSize', 'receiveWait'] as const) {
    const limit = QUEUE_LIMITS[key];
    if (Number(form[key]) !== limit.defaultValue) attributes[limit.attribute] = String(Number(form[key]));
  }
  if (form.isFifo) {
    attributes.FifoQueue = 'true';
    if (form.contentBasedDeduplication) attributes.ContentBasedDeduplication = 'true';
  }
  if (form.deadLetterTargetArn) {
    attributes.RedrivePolicy = JSON.stringify({
      deadLetterTargetArn: form.deadLetterTargetArn,
      maxReceiveCount: Number(form.maxReceiveCount),
    });
  }
  return attributes;
}

export function defaultCreateQueueForm(): CreateQueueForm {
  return {
    name: '',
    isFifo: false,
    contentBasedDeduplication: false,
    visibilityTimeout: String(QUEUE_LIMITS.visibilityTimeout.defaultValue),
    retention: String(QUEUE_LIMITS.retention.defaultValue),
    delay: String(QUEUE_LIMITS.delay.defaultValue),
    maxMessageSize: String(QUEUE_LIMITS.maxMessageSize.defaultValue),
    receiveWait: String(QUEUE_LIMITS.receiveWait.defaultValue),
    deadLetterTargetArn: '',
    maxReceiveCount: '5',
  };
}

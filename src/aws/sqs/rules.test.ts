import { describe, expect, it } from 'vitest';
import { chunk, parseMessageFile, planBatches } from './batch';
import {
  attributeErrors,
  attributeValueError,
  decodeBase64,
  encodeBase64,
  fifoIdError,
  messageSize,
  toOutgoingAttributes,
} from './message-input';
import { parseQueueArn, parseQueueAttributes, parseRedrivePolicy } from './queue-attributes';
import {
  createQueueAttributes,
  createQueueErrors,
  defaultCreateQueueForm,
  limitError,
  queueNameError,
} from './queue-rules';
import { findMoveTask, type MoveTask } from './redrive-api';

describe('queue names', () => {
  it('requires .fifo exactly for FIFO queues, and says so', () => {
    expect(queueNameError('orders', true)).toBe('A FIFO queue name must end in .fifo');
    expect(queueNameError('orders.fifo', false)).toMatch(/Only FIFO queue names end in .fifo/);
    expect(queueNameError('orders.fifo', true)).toBeUndefined();
    expect(queueNameError('orders', false)).toBeUndefined();
    expect(queueNameError('.fifo', true)).toBe('Enter a name before .fifo');
  });

  it('names the character that is not allowed and the length limit', () => {
    expect(queueNameError('my queue', false)).toBe(
      '" " is not allowed: use letters, digits, hyphens (-) and underscores (_)',
    );
    expect(queueNameError('a.b', false)).toMatch(/^"\." is not allowed/);
    expect(queueNameError('x'.repeat(81), false)).toBe('At most 80 characters (this one has 81)');
    expect(queueNameError('x'.repeat(75) + '.fifo', true)).toBeUndefined();
    expect(queueNameError('', false)).toBe('Enter a name');
  });
});

describe('create queue form', () => {
  it('checks every number against SQS limits', () => {
    expect(limitError('43201', { min: 0, max: 43_200, unit: 'seconds' })).toBe('Between 0 and 43,200 seconds');
    expect(limitError('1.5', { min: 0, max: 10 })).toBe('Enter a whole number');
    expect(limitError('', { min: 0, max: 10 })).toBe('Enter a number');
    const form = { ...defaultCreateQueueForm(), name: 'q', retention: '59', receiveWait: '21' };
    expect(createQueueErrors(form)).toEqual({
      retention: 'Between 60 and 1,209,600 seconds',
      receiveWait: 'Between 0 and 20 seconds',
    });
  });

  it('sends only changed attributes, FIFO settings and the redrive policy', () => {
    const form = {
      ...defaultCreateQueueForm(),
      name: 'jobs.fifo',
      isFifo: true,
      contentBasedDeduplication: true,
      visibilityTimeout: '60',
      deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:jobs-dlq.fifo',
      maxReceiveCount: '3',
    };
    expect(createQueueErrors(form)).toEqual({});
    expect(createQueueAttributes(form)).toEqual({
      VisibilityTimeout: '60',
      FifoQueue: 'true',
      ContentBasedDeduplication: 'true',
      RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:jobs-dlq.fifo","maxReceiveCount":3}',
    });
    expect(createQueueErrors({ ...form, maxReceiveCount: '0' }).maxReceiveCount).toBe('Between 1 and 1,000');
  });
});

describe('message attributes', () => {
  it('validates names, numbers, base64 and duplicates per row', () => {
    const errors = attributeErrors([
      { name: 'Total', type: 'Number', value: '12.50' },
      { name: 'AWS.Trace', type: 'String', value: 'x' },
      { name: 'Total', type: 'String', value: 'again' },
      { name: 'Blob', type: 'Binary', value: 'not base64!' },
      { name: 'Count', type: 'Number', value: '12abc' },
      { name: 'a..b', type: 'String', value: '' },
    ]);
    expect(errors).toEqual([
      {},
      { name: 'Names starting with AWS. or Amazon. are reserved' },
      { name: 'Same name as attribute 1' },
      { value: 'Not valid base64 (A–Z, a–z, 0–9, +, / and = padding)' },
      { value: 'Not a number' },
      { name: 'A name cannot have two periods in a row', value: 'Enter a value' },
    ]);
    expect(attributeValueError('Number', '1'.repeat(39))).toBe('At most 38 significant digits');
    expect(attributeValueError('Binary', 'aGVsbG8=')).toBeUndefined();
  });

  it('turns drafts into SDK values, binary as bytes, and counts their size', () => {
    const out = toOutgoingAttributes([
      { name: 'Kind', type: 'String', value: 'order' },
      { name: 'Raw', type: 'Binary', value: 'aGVsbG8=' },
    ]);
    expect(out.Kind).toEqual({ DataType: 'String', StringValue: 'order' });
    expect(new TextDecoder().decode(out.Raw?.BinaryValue)).toBe('hello');
    expect(encodeBase64(decodeBase64('aGVsbG8='))).toBe('aGVsbG8=');
    // body 2 + "Kind" 4 + "String" 6 + "order" 5 + "Raw" 3 + "Binary" 6 + 5 bytes
    expect(messageSize('hé', out)).toBe(3 + 4 + 6 + 5 + 3 + 6 + 5);
  });

  it('checks FIFO ids', () => {
    expect(fifoIdError('message group ID', '')).toBe('Enter a message group ID');
    expect(fifoIdError('message group ID', 'a b')).toMatch(/no spaces/);
    expect(fifoIdError('message group ID', 'customer-42')).toBeUndefined();
  });
});

describe('batch files', () => {
  it('reads a JSON array, one message per element, and explains what is wrong otherwise', () => {
    expect(parseMessageFile('[{"a":1},"plain text",42]')).toEqual({
      messages: [
        { position: 1, body: '{"a":1}' },
        { position: 2, body: 'plain text' },
        { position: 3, body: '42' },
      ],
    });
    expect(parseMessageFile('{"a":1}')).toEqual({ error: 'The file must hold a JSON array: one element per message' });
    expect(parseMessageFile('[]')).toEqual({ error: 'The array is empty: there is nothing to send' });
    expect(parseMessageFile('[1,')).toHaveProperty('error', expect.stringMatching(/^The file is not JSON: /));
    expect(parseMessageFile('["ok",""]')).toEqual({ error: 'Message 2 is an empty string: SQS refuses empty bodies' });
  });

  it('groups 10 at a time and never over 256 KiB per call, in order, dropping nothing', () => {
    const sizes = Array.from({ length: 25 }, () => 100);
    expect(planBatches(sizes).map((b) => b.length)).toEqual([10, 10, 5]);
    const big = [100_000, 100_000, 100_000, 300_000, 10];
    expect(planBatches(big)).toEqual([[0, 1], [2], [3], [4]]);
    expect(planBatches([]).length).toBe(0);
    expect(planBatches(sizes).flat()).toEqual(sizes.map((_, i) => i));
    expect(chunk([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });
});

describe('queue attributes', () => {
  it('parses counts, FIFO, times and the redrive policies', () => {
    const a = parseQueueAttributes({
      QueueArn: 'arn:aws:sqs:us-east-1:123456789012:jobs.fifo',
      ApproximateNumberOfMessages: '5',
      ApproximateNumberOfMessagesNotVisible: '2',
      ApproximateNumberOfMessagesDelayed: '1',
      FifoQueue: 'true',
      VisibilityTimeout: '30',
      CreatedTimestamp: '1700000000',
      RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:dlq.fifo","maxReceiveCount":"4"}',
      RedriveAllowPolicy: '{"redrivePermission":"byQueue","sourceQueueArns":["arn:a"]}',
    });
    expect(a).toMatchObject({
      isFifo: true,
      available: 5,
      inFlight: 2,
      delayed: 1,
      visibilityTimeout: 30,
      createdAt: new Date(1_700_000_000_000),
      redrivePolicy: { deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq.fifo', maxReceiveCount: 4 },
      redriveAllowPolicy: { redrivePermission: 'byQueue', sourceQueueArns: ['arn:a'] },
    });
    expect(parseRedrivePolicy('not json')).toBeUndefined();
    expect(parseQueueArn('arn:aws:sqs:eu-west-1:123456789012:a-b_c.fifo')).toEqual({
      region: 'eu-west-1',
      accountId: '123456789012',
      name: 'a-b_c.fifo',
    });
    expect(parseQueueArn('arn:aws:s3:::bucket')).toBeUndefined();
  });
});

describe('move tasks', () => {
  it('finds ours by handle while running, then as the newest finished one', () => {
    const running: MoveTask = { handle: 'h1', status: 'RUNNING', sourceArn: 's', moved: 1 };
    const done: MoveTask = { status: 'COMPLETED', sourceArn: 's', moved: 4, startedAt: new Date(10_000) };
    const old: MoveTask = { status: 'COMPLETED', sourceArn: 's', moved: 9, startedAt: new Date(1_000) };
    expect(findMoveTask([running, old], 'h1', 10_000)).toBe(running);
    expect(findMoveTask([done, old], 'h1', 10_000)).toBe(done);
    expect(findMoveTask([old], 'h1', 60_000)).toBeUndefined();
  });
});

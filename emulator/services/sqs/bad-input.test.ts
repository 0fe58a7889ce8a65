import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTestEmulator, type TestEmulator, signedRequest } from '../../testing.js';
import { OPERATIONS } from './operations.js';

let emu: TestEmulator;
let queueUrl = '';

beforeAll(async () => {
  emu = await startTestEmulator();
  const sqs = new SQSClient(emu.clientConfig);
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'bad-input' }))).QueueUrl as string;
  sqs.destroy();
});
afterAll(async () => {
  await emu.dispose();
});

/** Values of the wrong shape for every member an SQS operation reads. */
const ODD_VALUES: unknown[] = [null, -1, 1e308, 'x', [1, 'a'], { a: { b: [] } }];
const MEMBERS = [
  'QueueUrl',
  'QueueName',
  'Attributes',
  'AttributeNames',
  'MessageAttributeNames',
  'MessageBody',
  'MessageAttributes',
  'MessageSystemAttributes',
  'DelaySeconds',
  'MessageGroupId',
  'Entries',
  'ReceiptHandle',
  'VisibilityTimeout',
  'MaxNumberOfMessages',
  'NextToken',
  'Tags',
  'tags',
  'TagKeys',
  'SourceArn',
  'TaskHandle',
];

describe('SQS bad input', () => {
  it('answers every operation with a 4xx AWS error for wrongly shaped members, never a 500', async () => {
    const failures: string[] = [];
    // One request chain per operation, run side by side, to keep the file fast.
    await Promise.all(
      Object.keys(OPERATIONS).map(async (operation) => {
        for (const member of MEMBERS) {
          for (const value of ODD_VALUES) {
            const body = JSON.stringify({ QueueUrl: queueUrl, [member]: value });
            const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AmazonSQS.${operation}` };
            const res = await signedRequest(emu, { service: 'sqs', headers, body });
            const text = await res.text();
            if (res.status >= 500)
              failures.push(`${operation} ${member}=${JSON.stringify(value)} -> ${res.status} ${text}`);
            else if (res.status >= 400 && !text.includes('__type'))
              failures.push(`${operation} ${member}: no __type in ${text}`);
          }
        }
      }),
    );
    expect(failures).toEqual([]);
  }, 60_000);
});

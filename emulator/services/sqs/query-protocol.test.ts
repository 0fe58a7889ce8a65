import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator, signedRequest } from '../../testing.js';

const AWS_CLI = '/usr/bin/aws';
const run = promisify(execFile);

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.dispose();
});

const xml = new XMLParser({ ignoreAttributes: false });

async function query(
  params: Record<string, string>,
  path = '/',
): Promise<{ status: number; doc: Record<string, unknown> }> {
  const body = new URLSearchParams({ Version: '2012-11-05', ...params }).toString();
  const res = await signedRequest(emu, {
    service: 'sqs',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
    path,
  });
  expect(res.headers.get('content-type')).toContain('xml');
  return { status: res.status, doc: xml.parse(await res.text()) as Record<string, unknown> };
}

describe('SQS query protocol (older clients)', () => {
  it('creates, sends with attributes, receives and deletes with XML documents in the SQS namespace', async () => {
    const created = await query({
      Action: 'CreateQueue',
      QueueName: 'qp',
      'Attribute.1.Name': 'VisibilityTimeout',
      'Attribute.1.Value': '40',
      'Tag.1.Key': 'k',
      'Tag.1.Value': 'v',
    });
    expect(created.status).toBe(200);
    const createResponse = created.doc.CreateQueueResponse as Record<string, Record<string, string>>;
    expect(createResponse['@_xmlns']).toBe('http://queue.amazonaws.com/doc/2012-11-05/');
    const queueUrl = createResponse.CreateQueueResult?.QueueUrl as string;
    expect(queueUrl).toBe(`${emu.url}/${emu.accountId}/qp`);

    const sent = await query({
      Action: 'SendMessage',
      QueueUrl: queueUrl,
      MessageBody: 'hi there',
      'MessageAttribute.1.Name': 'timestamp',
      'MessageAttribute.1.Value.DataType': 'Number',
      'MessageAttribute.1.Value.StringValue': '1493147359900',
    });
    const result = (sent.doc.SendMessageResponse as Record<string, Record<string, string>>).SendMessageResult;
    expect(result?.MD5OfMessageAttributes).toBe('235c5c510d26fb653d073faed50ae77c');

    const attrs = await query({ Action: 'GetQueueAttributes', QueueUrl: queueUrl, 'AttributeName.1': 'All' });
    const list =
      (attrs.doc.GetQueueAttributesResponse as Record<string, Record<string, Array<{ Name: string; Value: unknown }>>>)
        .GetQueueAttributesResult?.Attribute ?? [];
    expect(list.find((a) => a.Name === 'VisibilityTimeout')?.Value).toBe(40);
    expect(list.find((a) => a.Name === 'ApproximateNumberOfMessages')?.Value).toBe(1);

    // Posting to the queue's own path without QueueUrl, as very old clients do.
    const received = await query(
      { Action: 'ReceiveMessage', 'AttributeName.1': 'All', 'MessageAttributeName.1': 'All' },
      `/${emu.accountId}/qp`,
    );
    const message = (received.doc.ReceiveMessageResponse as Record<string, Record<string, Record<string, unknown>>>)
      .ReceiveMessageResult?.Message;
    expect(message?.Body).toBe('hi there');
    expect((message?.MessageAttribute as { Name: string; Value: { DataType: string } }).Value.DataType).toBe('Number');
    const deleted = await query({
      Action: 'DeleteMessage',
      QueueUrl: queueUrl,
      ReceiptHandle: message?.ReceiptHandle as string,
    });
    expect(deleted.status).toBe(200);

    const tags = await query({ Action: 'ListQueueTags', QueueUrl: queueUrl });
    expect(
      (tags.doc.ListQueueTagsResponse as Record<string, Record<string, unknown>>).ListQueueTagsResult?.Tag,
    ).toEqual({ Key: 'k', Value: 'v' });
  });

  it('answers errors as <ErrorResponse> with the legacy codes', async () => {
    const missing = await query({ Action: 'GetQueueUrl', QueueName: 'does-not-exist' });
    expect(missing.status).toBe(400);
    const error = (missing.doc.ErrorResponse as Record<string, Record<string, string>>).Error;
    expect(error).toMatchObject({ Type: 'Sender', Code: 'AWS.SimpleQueueService.NonExistentQueue' });
    const polluting = await query({
      Action: 'ListQueues',
      '__proto__.polluted': 'yes',
      'constructor.prototype.polluted': 'yes',
    });
    expect(polluting.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const invalid = await query({ Action: 'Fly' });
    expect((invalid.doc.ErrorResponse as Record<string, Record<string, string>>).Error?.Code).toBe('InvalidAction');
    const batch = await query({
      Action: 'SendMessageBatch',
      QueueUrl: `${emu.url}/${emu.accountId}/qp`,
      'SendMessageBatchRequestEntry.1.Id': 'a',
      'SendMessageBatchRequestEntry.1.MessageBody': 'one',
      'SendMessageBatchRequestEntry.2.Id': 'a',
      'SendMessageBatchRequestEntry.2.MessageBody': 'two',
    });
    expect((batch.doc.ErrorResponse as Record<string, Record<string, string>>).Error?.Code).toBe(
      'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
    );
  });
});

describe.runIf(existsSync(AWS_CLI))('SQS through the AWS CLI', () => {
  const cli = async (...args: string[]) => {
    const { stdout } = await run(AWS_CLI, ['sqs', ...args, '--endpoint-url', emu.url, '--output', 'json'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        AWS_ACCESS_KEY_ID: emu.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: emu.credentials.secretAccessKey,
        AWS_DEFAULT_REGION: emu.region,
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_PAGER: '',
      },
    });
    return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
  };

  // The Python CLI takes seconds per call on a busy machine: few calls, generous timeouts.
  it('creates a queue, sends and receives a message', { timeout: 90_000 }, async () => {
    const { QueueUrl } = (await cli('create-queue', '--queue-name', 'cli-q')) as { QueueUrl: string };
    expect(QueueUrl).toBe(`${emu.url}/${emu.accountId}/cli-q`);
    const sent = await cli(
      'send-message',
      '--queue-url',
      QueueUrl,
      '--message-body',
      'from the cli',
      '--message-attributes',
      '{"who":{"DataType":"String","StringValue":"cli"}}',
    );
    expect(sent.MD5OfMessageBody).toBe(createHash('md5').update('from the cli').digest('hex'));
    const received = (await cli(
      'receive-message',
      '--queue-url',
      QueueUrl,
      '--attribute-names',
      'All',
      '--message-attribute-names',
      'All',
    )) as {
      Messages: Array<{
        Body: string;
        ReceiptHandle: string;
        MessageAttributes: Record<string, { StringValue: string }>;
        Attributes: Record<string, string>;
      }>;
    };
    expect(received.Messages[0]?.Body).toBe('from the cli');
    expect(received.Messages[0]?.MessageAttributes.who?.StringValue).toBe('cli');
    expect(received.Messages[0]?.Attributes.ApproximateReceiveCount).toBe('1');
  });

  it('reports a missing queue with the legacy error code', { timeout: 60_000 }, async () => {
    const failure = await cli('get-queue-url', '--queue-name', 'cli-missing').then(
      () => '',
      (e: Error & { stderr?: string }) => e.stderr ?? '',
    );
    expect(failure).toContain('AWS.SimpleQueueService.NonExistentQueue');
  });
});

import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DeleteLogStreamCommand,
  DeleteRetentionPolicyCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestEmulator, type TestEmulator } from '../../testing.js';
import { createFunction, lambdaClient } from '../lambda/test-support.js';

let emu: TestEmulator;
let logs: CloudWatchLogsClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  logs = new CloudWatchLogsClient(emu.clientConfig);
});
afterAll(() => emu.dispose());

describe('CloudWatch Logs', () => {
  it('groups, streams, put, get both ways with tokens, filter by terms and time, retention, delete', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/app/web' }));
    expect((await errorOf(logs.send(new CreateLogGroupCommand({ logGroupName: '/app/web' })))).name).toBe(
      'ResourceAlreadyExistsException',
    );
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/app/web', logStreamName: 'a' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/app/web', logStreamName: 'b' }));
    const t0 = Date.now() - 10_000;
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: '/app/web',
        logStreamName: 'a',
        logEvents: Array.from({ length: 5 }, (_, i) => ({
          timestamp: t0 + i,
          message: `GET /page/${i} ${i % 2 ? 'ERROR' : 'ok'}`,
        })),
      }),
    );
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: '/app/web',
        logStreamName: 'b',
        logEvents: [{ timestamp: t0 + 100, message: 'worker ERROR timeout' }],
      }),
    );

    const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/app/' }));
    expect(groups.logGroups?.map((g) => g.logGroupName)).toEqual(['/app/web']);
    const streams = await logs.send(
      new DescribeLogStreamsCommand({ logGroupName: '/app/web', orderBy: 'LastEventTime', descending: true }),
    );
    expect(streams.logStreams?.map((s) => s.logStreamName)).toEqual(['b', 'a']);
    expect(streams.logStreams?.[1]?.lastEventTimestamp).toBe(t0 + 4);

    const head = await logs.send(
      new GetLogEventsCommand({ logGroupName: '/app/web', logStreamName: 'a', startFromHead: true, limit: 2 }),
    );
    expect(head.events?.map((e) => e.message)).toEqual(['GET /page/0 ok', 'GET /page/1 ERROR']);
    const next = await logs.send(
      new GetLogEventsCommand({
        logGroupName: '/app/web',
        logStreamName: 'a',
        nextToken: head.nextForwardToken,
        limit: 2,
      }),
    );
    expect(next.events?.map((e) => e.message)).toEqual(['GET /page/2 ok', 'GET /page/3 ERROR']);
    const tail = await logs.send(new GetLogEventsCommand({ logGroupName: '/app/web', logStreamName: 'a', limit: 2 }));
    expect(tail.events?.map((e) => e.message)).toEqual(['GET /page/3 ERROR', 'GET /page/4 ok']);
    const end = await logs.send(
      new GetLogEventsCommand({ logGroupName: '/app/web', logStreamName: 'a', nextToken: tail.nextForwardToken }),
    );
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(tail.nextForwardToken);

    const errors = await logs.send(new FilterLogEventsCommand({ logGroupName: '/app/web', filterPattern: 'ERROR' }));
    expect(errors.events?.map((e) => `${e.logStreamName}:${e.message}`)).toEqual([
      'a:GET /page/1 ERROR',
      'a:GET /page/3 ERROR',
      'b:worker ERROR timeout',
    ]);
    const paged = await logs.send(
      new FilterLogEventsCommand({ logGroupName: '/app/web', filterPattern: 'ERROR -worker', limit: 1 }),
    );
    expect(paged.events?.map((e) => e.message)).toEqual(['GET /page/1 ERROR']);
    const rest = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: '/app/web',
        filterPattern: 'ERROR -worker',
        nextToken: paged.nextToken,
      }),
    );
    expect(rest.events?.map((e) => e.message)).toEqual(['GET /page/3 ERROR']);
    expect(rest.nextToken).toBeUndefined();
    const window = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: '/app/web',
        startTime: t0 + 2,
        endTime: t0 + 4,
        logStreamNames: ['a'],
      }),
    );
    expect(window.events?.map((e) => e.message)).toEqual(['GET /page/2 ok', 'GET /page/3 ERROR']);
    const phrase = await logs.send(
      new FilterLogEventsCommand({ logGroupName: '/app/web', filterPattern: '"page/4 ok"' }),
    );
    expect(phrase.events).toHaveLength(1);

    await logs.send(new PutRetentionPolicyCommand({ logGroupName: '/app/web', retentionInDays: 7 }));
    expect(
      (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/app/' }))).logGroups?.[0]?.retentionInDays,
    ).toBe(7);
    await logs.send(new DeleteRetentionPolicyCommand({ logGroupName: '/app/web' }));
    expect(
      (await errorOf(logs.send(new PutRetentionPolicyCommand({ logGroupName: '/app/web', retentionInDays: 8 })))).name,
    ).toBe('InvalidParameterException');

    await logs.send(new DeleteLogStreamCommand({ logGroupName: '/app/web', logStreamName: 'b' }));
    await logs.send(new DeleteLogGroupCommand({ logGroupName: '/app/web' }));
    expect((await errorOf(logs.send(new DescribeLogStreamsCommand({ logGroupName: '/app/web' })))).name).toBe(
      'ResourceNotFoundException',
    );
  });

  it('pages log groups', async () => {
    for (let i = 0; i < 7; i++) await logs.send(new CreateLogGroupCommand({ logGroupName: `/paged/g${i}` }));
    const first = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/paged/', limit: 5 }));
    const second = await logs.send(
      new DescribeLogGroupsCommand({ logGroupNamePrefix: '/paged/', limit: 5, nextToken: first.nextToken }),
    );
    expect([...(first.logGroups ?? []), ...(second.logGroups ?? [])].map((g) => g.logGroupName)).toHaveLength(7);
    expect(second.nextToken).toBeUndefined();
  });

  it('holds function logs in /aws/lambda/NAME, one stream per instance', async () => {
    const lambda = lambdaClient(emu);
    await createFunction(
      lambda,
      emu,
      'logger',
      `export const handler = async (e) => { console.log('line for', e.n); return 1; };`,
    );
    for (const n of [1, 2])
      await lambda.send(new InvokeCommand({ FunctionName: 'logger', Payload: Buffer.from(JSON.stringify({ n })) }));
    const group = '/aws/lambda/logger';
    await expect
      .poll(
        async () =>
          (
            await logs
              .send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: 'REPORT' }))
              .catch(() => ({ events: [] }))
          ).events?.length,
        { timeout: 3000 },
      )
      .toBe(2);
    const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: group }));
    expect(streams.logStreams).toHaveLength(1);
    expect(streams.logStreams?.[0]?.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    const events = await logs.send(
      new GetLogEventsCommand({
        logGroupName: group,
        logStreamName: streams.logStreams?.[0]?.logStreamName,
        startFromHead: true,
      }),
    );
    const text = events.events?.map((e) => e.message).join('\n') ?? '';
    expect(text).toMatch(
      /START RequestId: [\s\S]*INFO\tline for 1[\s\S]*END RequestId: [\s\S]*REPORT RequestId: [\s\S]*INFO\tline for 2/,
    );
    // A deleted group comes back with the next invocation's lines.
    await logs.send(new DeleteLogGroupCommand({ logGroupName: group }));
    await lambda.send(new InvokeCommand({ FunctionName: 'logger', Payload: Buffer.from('{"n":3}') }));
    await expect
      .poll(
        async () =>
          (
            await logs
              .send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: 'line for' }))
              .catch(() => ({ events: [] }))
          ).events?.length,
        { timeout: 3000 },
      )
      .toBe(1);
  });

  it('answers bad input with 4xx errors', async () => {
    const bad = [
      new CreateLogGroupCommand({ logGroupName: 'bad name with spaces' }),
      new CreateLogStreamCommand({ logGroupName: '/none', logStreamName: 'x' }),
      new PutLogEventsCommand({
        logGroupName: '/paged/g0',
        logStreamName: 'missing',
        logEvents: [{ timestamp: 1, message: 'x' }],
      }),
      new GetLogEventsCommand({ logGroupName: '/paged/g0', logStreamName: 'missing' }),
      new DescribeLogGroupsCommand({ limit: 500 }),
      new DescribeLogGroupsCommand({ nextToken: 'garbage' }),
      new FilterLogEventsCommand({ logGroupName: '/paged/g0', nextToken: '!!!' }),
    ];
    for (const command of bad) {
      const e = await errorOf(logs.send(command as never));
      expect(e.$metadata?.httpStatusCode, `${command.constructor.name} ${e.name}`).toBe(400);
    }
  });
});

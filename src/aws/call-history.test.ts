// The history sees every command the console sends, through the real clients against the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../emulator/testing';
import { CallHistory } from './call-history';
import { activateSession, AwsSession } from './session';
import { parseConfig } from './config';
import { CredentialStore } from './credentials';
import { send } from './send';
import { codeFor } from './code/generate';

let emu: TestEmulator;
let history: CallHistory;

beforeAll(async () => {
  emu = await startTestEmulator();
  const config = parseConfig({
    regions: [emu.region],
    endpoint: emu.url,
    auth: { mode: 'static', ...emu.credentials },
  });
  const session = new AwsSession(config, new CredentialStore(async () => ({ ...emu.credentials })));
  history = session.history;
  activateSession(session);
});

afterAll(async () => {
  activateSession(undefined);
  await emu?.dispose();
});

describe('call history', () => {
  it('records each call with its input, outcome and duration, and finds a query fetch by its signal', async () => {
    const controller = new AbortController();
    await send('sqs', emu.region, (sqs) => new sqs.CreateQueueCommand({ QueueName: 'history-q' }));
    await send(
      'sqs',
      emu.region,
      (sqs) => new sqs.ListQueuesCommand({ QueueNamePrefix: 'history' }),
      controller.signal,
    );
    await expect(
      send('s3', emu.region, (s3) => new s3.ListObjectsV2Command({ Bucket: 'no-such-bucket' })),
    ).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 150)); // the store publishes at most every 100 ms
    const calls = history.snapshot();
    expect(calls.map((c) => [c.call.service, c.call.operation, c.outcome])).toEqual([
      ['sqs', 'CreateQueue', 'ok'],
      ['sqs', 'ListQueues', 'ok'],
      ['s3', 'ListObjectsV2', 'error'],
    ]);
    expect(calls[2]).toMatchObject({ error: 'NoSuchBucket', resource: 'no-such-bucket' });
    expect(calls[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(calls[0]?.call).toMatchObject({ region: emu.region, endpoint: emu.url, input: { QueueName: 'history-q' } });
    expect(history.callsOf(controller.signal).map((c) => c.call.input)).toEqual([{ QueueNamePrefix: 'history' }]);
    expect(codeFor(calls[1]!.call).cli).toMatch(/^aws sqs list-queues \\\n {2}--queue-name-prefix history/);
  });

  it('never keeps a secret value or a key, and keeps the last 200 calls only', () => {
    const small = new CallHistory({ limit: 200, throttleMs: 0 });
    for (let i = 0; i < 205; i++)
      small.start({
        service: 'sqs',
        operation: 'ListQueues',
        input: { QueueNamePrefix: `p${i}` },
        region: 'us-east-1',
      });
    const id = small.start({
      service: 'secretsmanager',
      operation: 'PutSecretValue',
      input: { SecretId: 'db', SecretString: 'hunter2', SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      region: 'us-east-1',
    });
    small.finish(id, 'ok');
    const calls = small.snapshot();
    expect(calls).toHaveLength(200);
    expect(calls[0]?.call.input).toEqual({ QueueNamePrefix: 'p6' });
    expect(JSON.stringify(calls.at(-1))).not.toContain('hunter2');
    expect(calls.at(-1)?.call.input).toEqual({
      SecretId: 'db',
      SecretString: '<secret value>',
      SecretAccessKey: '<redacted>',
    });
  });

  it('publishes at most once per throttle window', async () => {
    const h = new CallHistory({ throttleMs: 20 });
    let published = 0;
    h.subscribe(() => published++);
    for (let i = 0; i < 50; i++) h.start({ service: 'sqs', operation: 'ListQueues', input: {}, region: 'us-east-1' });
    await new Promise((r) => setTimeout(r, 40));
    expect(published).toBe(1);
    expect(h.snapshot()).toHaveLength(50);
  });
});

import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestEmulator, type TestEmulator } from '../../testing.js';
import { createFunction, decode, lambdaClient } from './test-support.js';

let emu: TestEmulator;
let lambda: LambdaClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  lambda = lambdaClient(emu);
  await Promise.all([
    createFunction(
      lambda,
      emu,
      'echo',
      `export const handler = async (event, context) => {
  console.log('hello from', context.functionName);
  return { event, id: context.awsRequestId, arn: context.invokedFunctionArn, left: context.getRemainingTimeInMillis(), region: process.env.AWS_REGION, handler: process.env._HANDLER };
};`,
    ),
    createFunction(
      lambda,
      emu,
      'callback',
      `exports.handler = (event, context, callback) => { setTimeout(() => callback(null, { via: 'callback', n: event.n }), 10); };`,
      { file: 'index.js' },
    ),
    createFunction(
      lambda,
      emu,
      'thrower',
      `export const handler = async () => { throw new TypeError('bad things'); };`,
    ),
    createFunction(
      lambda,
      emu,
      'cb-error',
      `exports.handler = (event, context, callback) => callback(new Error('called back with an error'));`,
      { file: 'index.js' },
    ),
    createFunction(
      lambda,
      emu,
      'sleepy',
      `let calls = 0;
export const handler = async (event) => { calls += 1; if (event.sleep) await new Promise((r) => setTimeout(r, event.sleep)); return { calls, pid: process.pid }; };`,
      { Timeout: 1 },
    ),
    createFunction(
      lambda,
      emu,
      'hog',
      `export const handler = async () => { const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random())); };`,
      { MemorySize: 128, Timeout: 20 },
    ),
    createFunction(lambda, emu, 'broken', `export const handler = ;`),
  ]);
}, 30_000);
afterAll(() => emu.dispose());

const invoke = (
  FunctionName: string,
  payload: unknown,
  extra: Partial<ConstructorParameters<typeof InvokeCommand>[0]> = {},
) => lambda.send(new InvokeCommand({ FunctionName, Payload: Buffer.from(JSON.stringify(payload)), ...extra }));

describe('Invoke', () => {
  it('runs an async handler with context and environment, and tails START/END/REPORT with Init Duration on a cold start', async () => {
    const out = await invoke('echo', { hi: 1 }, { LogType: 'Tail' });
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBeUndefined();
    expect(out.ExecutedVersion).toBe('$LATEST');
    const body = decode(out.Payload) as Record<string, unknown>;
    expect(body).toMatchObject({
      event: { hi: 1 },
      region: emu.region,
      handler: 'index.handler',
      arn: `arn:aws:lambda:${emu.region}:${emu.accountId}:function:echo`,
    });
    expect(body.left).toBeGreaterThan(3000);
    const log = Buffer.from(out.LogResult ?? '', 'base64').toString('utf8');
    expect(log).toMatch(/^START RequestId: \S+ Version: \$LATEST/m);
    expect(log).toMatch(/\tINFO\thello from echo/);
    expect(log).toMatch(/^END RequestId: /m);
    expect(log).toMatch(
      /^REPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms/m,
    );
    const warm = await invoke('echo', {}, { LogType: 'Tail' });
    expect(Buffer.from(warm.LogResult ?? '', 'base64').toString('utf8')).not.toContain('Init Duration');
  });

  it('runs a callback handler', async () => {
    expect(decode((await invoke('callback', { n: 7 })).Payload)).toEqual({ via: 'callback', n: 7 });
  });

  it('answers thrown and called-back errors as AWS does: 200, X-Amz-Function-Error, { errorType, errorMessage, trace }', async () => {
    const out = await invoke('thrower', {});
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe('Unhandled');
    const err = decode(out.Payload) as { errorType: string; errorMessage: string; trace: string[] };
    expect(err.errorType).toBe('TypeError');
    expect(err.errorMessage).toBe('bad things');
    expect(err.trace[0]).toContain('TypeError: bad things');
    const cb = decode((await invoke('cb-error', {})).Payload) as { errorMessage: string };
    expect(cb.errorMessage).toBe('called back with an error');
  });

  it('reports a handler that does not load as an error', async () => {
    const out = await invoke('broken', {});
    expect(out.FunctionError).toBe('Unhandled');
    expect((decode(out.Payload) as { errorType: string }).errorType).toBe('SyntaxError');
  });

  it('reuses a warm instance; a timeout kills the process and the next call gets a fresh one', async () => {
    const first = decode((await invoke('sleepy', {})).Payload) as { calls: number; pid: number };
    const second = decode((await invoke('sleepy', {})).Payload) as { calls: number; pid: number };
    expect(second).toEqual({ calls: first.calls + 1, pid: first.pid });
    const timedOut = await invoke('sleepy', { sleep: 3000 }, { LogType: 'Tail' });
    expect(timedOut.FunctionError).toBe('Unhandled');
    expect((decode(timedOut.Payload) as { errorMessage: string }).errorMessage).toMatch(
      /Task timed out after 1\.00 seconds/,
    );
    expect(Buffer.from(timedOut.LogResult ?? '', 'base64').toString('utf8')).toContain(
      'Task timed out after 1.00 seconds',
    );
    await expect
      .poll(
        () => {
          try {
            process.kill(first.pid, 0);
            return 'alive';
          } catch {
            return 'gone';
          }
        },
        { timeout: 2000, interval: 50 },
      )
      .toBe('gone');
    const fresh = decode((await invoke('sleepy', {})).Payload) as { calls: number; pid: number };
    expect(fresh.calls).toBe(1);
    expect(fresh.pid).not.toBe(first.pid);
  });

  it('fails an out-of-memory handler and keeps serving', async () => {
    const out = await invoke('hog', {});
    expect(out.FunctionError).toBe('Unhandled');
    expect((decode(out.Payload) as { errorType: string }).errorType).toMatch(/^Runtime\.(OutOfMemory|ExitError)$/);
    expect(decode((await invoke('callback', { n: 1 })).Payload)).toEqual({ via: 'callback', n: 1 });
  }, 30_000);

  it('DryRun answers 204; payload limits and bad JSON are 4xx errors', async () => {
    expect((await invoke('echo', {}, { InvocationType: 'DryRun' })).StatusCode).toBe(204);
    const big = await errorOf(
      lambda.send(
        new InvokeCommand({
          FunctionName: 'echo',
          Payload: Buffer.from(JSON.stringify({ x: 'a'.repeat(6 * 1024 * 1024) })),
        }),
      ),
    );
    expect(big.name).toBe('RequestTooLargeException');
    const bigEvent = await errorOf(
      lambda.send(
        new InvokeCommand({
          FunctionName: 'echo',
          InvocationType: 'Event',
          Payload: Buffer.from(JSON.stringify({ x: 'a'.repeat(1024 * 1024) })),
        }),
      ),
    );
    expect(bigEvent.name).toBe('RequestTooLargeException');
    const notJson = await errorOf(
      lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.from('{nope') })),
    );
    expect(notJson.name).toBe('InvalidRequestContentException');
    expect((await errorOf(invoke('no-such-function', {}))).name).toBe('ResourceNotFoundException');
  });

  it('caps instances at the reserved concurrency: beyond it TooManyRequestsException', async () => {
    const { PutFunctionConcurrencyCommand, DeleteFunctionConcurrencyCommand } = await import('@aws-sdk/client-lambda');
    await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'callback', ReservedConcurrentExecutions: 0 }));
    const throttled = await errorOf(invoke('callback', { n: 1 }));
    expect(throttled.name).toBe('TooManyRequestsException');
    expect((throttled as unknown as { Reason?: string }).Reason).toBe(
      'ReservedFunctionConcurrentInvocationLimitExceeded',
    );
    await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'sleepy', ReservedConcurrentExecutions: 1 }));
    const slow = invoke('sleepy', { sleep: 400 });
    await new Promise((r) => setTimeout(r, 100));
    // The SDK retries throttling by default; one attempt shows the answer itself.
    const once = new LambdaClient({ ...emu.clientConfig, maxAttempts: 1 });
    expect(
      (await errorOf(once.send(new InvokeCommand({ FunctionName: 'sleepy', Payload: Buffer.from('{}') })))).name,
    ).toBe('TooManyRequestsException');
    expect((await slow).FunctionError).toBeUndefined();
    await lambda.send(new DeleteFunctionConcurrencyCommand({ FunctionName: 'callback' }));
    await lambda.send(new DeleteFunctionConcurrencyCommand({ FunctionName: 'sleepy' }));
  });
});

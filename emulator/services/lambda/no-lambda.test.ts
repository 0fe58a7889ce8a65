import { InvokeCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../index.js';
import { errorOf, startTestEmulator, type TestEmulator } from '../../testing.js';
import { createFunction, lambdaClient } from './test-support.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ lambda: false });
});
afterAll(() => emu.dispose());

describe('--no-lambda', () => {
  it('keeps the API but refuses to run function code', async () => {
    const lambda = lambdaClient(emu);
    await createFunction(lambda, emu, 'never-runs', `export const handler = async () => 'ran';`);
    expect((await lambda.send(new ListFunctionsCommand({}))).Functions?.map((f) => f.FunctionName)).toEqual([
      'never-runs',
    ]);
    const refused = await errorOf(lambdaClient(emu).send(new InvokeCommand({ FunctionName: 'never-runs' })));
    expect(refused.name).toBe('ServiceException');
    expect(refused.message).toContain('--no-lambda');
    // DryRun runs nothing, so it still answers.
    expect(
      (await lambda.send(new InvokeCommand({ FunctionName: 'never-runs', InvocationType: 'DryRun' }))).StatusCode,
    ).toBe(204);
  });

  it('is the default away from loopback', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('192.168.1.5')).toBe(false);
  });
});

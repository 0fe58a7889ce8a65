import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { errorOf, startTestEmulator, type TestEmulator } from '../testing.js';

describe('the fault admin API', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.dispose());

  const post = async (body: unknown) => {
    const res = await fetch(`${emu.url}/_emulator/faults`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { error?: string; id?: number } };
  };

  it('refuses a spec it cannot honour with 400 naming the field, and keeps nothing of it', async () => {
    const cases: Array<[unknown, string]> = [
      [{ operation: 'ListQueues', error: { code: 'Boom', status: 1000 } }, 'error.status'],
      [{ operation: 'ListQueues', error: { code: 'Bad\r\nSet-Cookie: x=1' } }, 'error.code'],
      [{ operation: 'ListQueues', count: 'abc', error: { code: 'Boom' } }, 'count'],
      [{ operation: 'ListQueues', latencyMs: 1e12 }, 'latencyMs'],
      [{ operation: 'ListQueues', latency: 500 }, 'latency'],
      [{ operation: 'List Queues', drop: true }, 'operation'],
      [{ operation: 'ListQueues', drop: 'yes' }, 'drop'],
      [{ operation: 'ListQueues' }, 'error'],
      [[], '(body)'],
    ];
    for (const [spec, field] of cases) {
      const res = await post(spec);
      expect(res.status, JSON.stringify(spec)).toBe(400);
      expect(res.body.error).toContain(`"${field}"`);
    }
    const listed = (await emu.admin('faults', undefined, 'GET')) as { faults: unknown[] };
    expect(listed.faults).toEqual([]);
  });

  it('still takes a valid spec, which the next call meets', async () => {
    const res = await post({
      service: 'sqs',
      operation: 'ListQueues',
      count: 1,
      error: { code: 'Throttled', status: 503 },
    });
    expect(res.status).toBe(200);
    const sqs = new SQSClient({ ...emu.clientConfig, maxAttempts: 1 });
    const e = await errorOf(sqs.send(new ListQueuesCommand({})));
    expect(e.$metadata?.httpStatusCode).toBe(503);
    await expect(sqs.send(new ListQueuesCommand({}))).resolves.toBeDefined();
  });
});

// The Lambda data layer against the real emulator in-process, through the console's own send().
import {
  CreateAliasCommand,
  InvokeCommand,
  LambdaClient,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../../emulator/testing';
import { createFunction, lambdaClient } from '../../../emulator/services/lambda/test-support';
import { activateSession, AwsSession } from '../session';
import { parseConfig } from '../config';
import { CredentialStore } from '../credentials';
import { toAppError } from '../errors';
import { filterEvents } from '../logs/api';
import { getFunction, listAliases, listFunctions, listVersions } from './api';
import { invokeFunction, PayloadError, probeInvoke } from './invoke';
import { findSampleObject } from './template-sources';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

let emu: TestEmulator;
let lambda: LambdaClient;
let region: string;

function signInAs(credentials: { accessKeyId: string; secretAccessKey: string }) {
  const config = parseConfig({ regions: [region], endpoint: emu.url, auth: { mode: 'static', ...credentials } });
  activateSession(new AwsSession(config, new CredentialStore(async () => ({ ...credentials }))));
}

beforeAll(async () => {
  emu = await startTestEmulator();
  region = emu.region;
  lambda = lambdaClient(emu);
  signInAs(emu.credentials);
  await Promise.all([
    createFunction(
      lambda,
      emu,
      'echo',
      `export const handler = async (event) => { console.log('got', JSON.stringify(event)); return { event }; };`,
      { Environment: { Variables: { STAGE: 'test', API_KEY: 'k-123' } }, Tags: { team: 'core' } },
    ),
    createFunction(
      lambda,
      emu,
      'thrower',
      `export const handler = async () => { throw new TypeError('bad things'); };`,
    ),
    createFunction(lambda, emu, 'napper', `export const handler = () => new Promise(() => {});`, { Timeout: 1 }),
    createFunction(lambda, emu, 'texty', `export const handler = async () => 'plain';`),
    createFunction(
      lambda,
      emu,
      'busy',
      `export const handler = async (e) => { await new Promise((r) => setTimeout(r, e.ms ?? 0)); return 'ok'; };`,
    ),
  ]);
}, 60_000);

afterAll(async () => {
  activateSession(undefined);
  await emu?.dispose();
});

describe('listing and reading', () => {
  it('pages ListFunctions by Marker until every function is seen', async () => {
    const first = await listFunctions({ region, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextToken).toBeDefined();
    const names = [...first.items];
    let token = first.nextToken;
    while (token) {
      const page = await listFunctions({ region, limit: 2, token });
      names.push(...page.items);
      token = page.nextToken;
    }
    expect(names.map((f) => f.name).sort()).toEqual(['busy', 'echo', 'napper', 'texty', 'thrower']);
    const echo = names.find((f) => f.name === 'echo');
    expect(echo).toMatchObject({ runtime: 'nodejs20.x', timeoutSeconds: 5, state: 'Active' });
    expect(echo?.codeSize).toBeGreaterThan(0);
  });

  it('reads configuration, environment and tags; versions and aliases list', async () => {
    await lambda.send(new PublishVersionCommand({ FunctionName: 'echo', Description: 'first' }));
    await lambda.send(new CreateAliasCommand({ FunctionName: 'echo', Name: 'live', FunctionVersion: '1' }));
    const d = await getFunction({ region, name: 'echo' });
    expect(d.environment).toEqual({ STAGE: 'test', API_KEY: 'k-123' });
    expect(d.tags).toEqual({ team: 'core' });
    expect(d.handler).toBe('index.handler');
    expect(d.role).toMatch(/^arn:aws:iam::\d+:role\//);
    const versions = await listVersions({ region, name: 'echo' });
    expect(versions.items.map((v) => v.version)).toEqual(['$LATEST', '1']);
    const aliases = await listAliases({ region, name: 'echo' });
    expect(aliases.items).toEqual([expect.objectContaining({ name: 'live', version: '1' })]);
  });
});

describe('template sources', () => {
  it('finds a real bucket and key for the S3 put template', async () => {
    expect(await findSampleObject({ region })).toBeUndefined();
    const s3 = new S3Client({ ...emu.clientConfig, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'empty-one' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'with-files' }));
    await s3.send(new PutObjectCommand({ Bucket: 'with-files', Key: 'in/a b.txt', Body: 'hello' }));
    expect(await findSampleObject({ region })).toMatchObject({ bucket: 'with-files', key: 'in/a b.txt', size: 5 });
  });
});

describe('invoke', () => {
  it('answers the payload, the decoded log tail and the REPORT figures', async () => {
    const r = await invokeFunction({ region, name: 'echo', payload: '{"hello":"world"}', type: 'RequestResponse' });
    expect(r.status).toBe(200);
    expect(r.error).toBeUndefined();
    expect(r.json).toEqual({ event: { hello: 'world' } });
    expect(r.logTail).toContain('got {"hello":"world"}');
    expect(r.report?.memorySizeMb).toBe(128);
    expect(r.report?.billedDurationMs).toBeGreaterThan(0);
    expect(r.requestId).toBe(r.report?.requestId);
  });

  it('invokes a version through an alias qualifier', async () => {
    const r = await invokeFunction({ region, name: 'echo', qualifier: 'live', payload: '{}', type: 'RequestResponse' });
    expect(r.executedVersion).toBe('1');
  });

  it('names a thrown error plainly, with its type and message', async () => {
    const r = await invokeFunction({ region, name: 'thrower', payload: '{}', type: 'RequestResponse' });
    expect(r.error).toMatchObject({ kind: 'Unhandled', type: 'TypeError', message: 'bad things' });
    expect(r.error?.summary).toBe('The function threw TypeError: bad things');
  });

  it('says a timeout in words, with the REPORT line', async () => {
    const r = await invokeFunction({ region, name: 'napper', payload: '{}', type: 'RequestResponse' });
    expect(r.error?.summary).toMatch(/^The function timed out after 1\.00 seconds/);
    expect(r.report?.durationMs).toBeGreaterThanOrEqual(1000);
  }, 15_000);

  it('shows a non-JSON answer as text', async () => {
    const r = await invokeFunction({ region, name: 'texty', payload: '', type: 'RequestResponse' });
    expect(r.json).toBe('plain');
    expect(r.payloadText).toBe('"plain"');
  });

  it('refuses a payload that is not JSON, or too large, before any call', async () => {
    await expect(invokeFunction({ region, name: 'echo', payload: '{oops', type: 'RequestResponse' })).rejects.toThrow(
      /^The payload is not JSON/,
    );
    const big = JSON.stringify({ s: 'x'.repeat(1024 * 1024 + 10) });
    const e = await invokeFunction({ region, name: 'echo', payload: big, type: 'Event' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PayloadError);
    expect((e as Error).message).toBe(
      'The payload is 1,048,594 bytes; Lambda accepts at most 1 MB (1,048,576 bytes) for an Event invoke.',
    );
  });

  it('queues an Event (202) whose output lands in the function log group under its request id', async () => {
    const r = await invokeFunction({ region, name: 'echo', payload: '{"async":true}', type: 'Event' });
    expect(r.status).toBe(202);
    expect(r.requestId).toBeTruthy();
    let found = false;
    for (let i = 0; i < 100 && !found; i++) {
      const page = await filterEvents({ region, group: '/aws/lambda/echo', pattern: `"${r.requestId}"` });
      found = page.items.some((e) => e.message.startsWith('REPORT'));
      if (!found) await new Promise((res) => setTimeout(res, 100));
    }
    expect(found).toBe(true);
  }, 20_000);

  it('retries a throttled invoke with back-off and says so, then answers', async () => {
    await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'busy', ReservedConcurrentExecutions: 1 }));
    const hog = lambda.send(new InvokeCommand({ FunctionName: 'busy', Payload: Buffer.from('{"ms":600}') }));
    await new Promise((res) => setTimeout(res, 150));
    const retries: string[] = [];
    const r = await invokeFunction({
      region,
      name: 'busy',
      payload: '{}',
      type: 'RequestResponse',
      backoffMs: 200,
      onRetry: (x) => retries.push(`${x.attempt}: ${x.reason}`),
    });
    await hog;
    expect(retries[0]).toBe('1: ReservedFunctionConcurrentInvocationLimitExceeded');
    expect(r.retries).toBe(retries.length);
    expect(r.json).toBe('ok');
  }, 20_000);

  it('a dry run says an admin may invoke, without running the function', async () => {
    expect(await probeInvoke({ region, name: 'echo' })).toEqual({ isAllowed: true });
  });

  it('a viewer is refused InvokeFunction, and the error names the action', async () => {
    signInAs(emu.viewerCredentials);
    try {
      const e = await invokeFunction({ region, name: 'echo', payload: '{}', type: 'RequestResponse' }).catch(
        (x: unknown) => x,
      );
      expect(toAppError(e)).toMatchObject({ kind: 'forbidden', action: 'lambda:InvokeFunction' });
      expect((await getFunction({ region, name: 'echo' })).name).toBe('echo');
      expect(await probeInvoke({ region, name: 'echo' })).toEqual({
        isAllowed: false,
        reason: 'Your role does not allow lambda:InvokeFunction',
      });
    } finally {
      signInAs(emu.credentials);
    }
  });
});

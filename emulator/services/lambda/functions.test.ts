import {
  CreateAliasCommand,
  CreateFunctionCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  InvokeCommand,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListTagsCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipOf } from '../../seed/lambda.js';
import { errorOf, signedRequest, startTestEmulator, type TestEmulator } from '../../testing.js';
import { createFunction, decode, lambdaClient, roleArn, waitActive } from './test-support.js';

const AWS_CLI = '/usr/bin/aws';
let emu: TestEmulator;
let lambda: LambdaClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  lambda = lambdaClient(emu);
});
afterAll(() => emu.dispose());

const v1 = `export const handler = async () => 'one';`;
const v2 = `export const handler = async () => 'two';`;

describe('functions', () => {
  it('creates Pending then Active, reads, updates, publishes versions and aliases, deletes', async () => {
    const created = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'crud',
        Runtime: 'nodejs22.x',
        Role: roleArn(emu),
        Handler: 'index.handler',
        Code: { ZipFile: zipOf({ 'index.mjs': v1 }) },
        Description: 'first',
        Timeout: 7,
        MemorySize: 256,
        Environment: { Variables: { STAGE: 'test' } },
        Tags: { team: 'a' },
      }),
    );
    expect(created).toMatchObject({
      FunctionName: 'crud',
      State: 'Pending',
      Version: '$LATEST',
      Timeout: 7,
      MemorySize: 256,
      Runtime: 'nodejs22.x',
    });
    expect(created.FunctionArn).toBe(`arn:aws:lambda:${emu.region}:${emu.accountId}:function:crud`);
    expect(created.CodeSha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    await waitActive(lambda, 'crud');
    const got = await lambda.send(new GetFunctionCommand({ FunctionName: 'crud' }));
    expect(got.Configuration?.Environment?.Variables).toEqual({ STAGE: 'test' });
    expect(got.Tags).toEqual({ team: 'a' });
    expect(
      (
        await errorOf(
          lambda.send(
            new CreateFunctionCommand({
              FunctionName: 'crud',
              Runtime: 'nodejs22.x',
              Role: roleArn(emu),
              Handler: 'index.handler',
              Code: { ZipFile: zipOf({ 'index.mjs': v1 }) },
            }),
          ),
        )
      ).name,
    ).toBe('ResourceConflictException');

    const p1 = await lambda.send(new PublishVersionCommand({ FunctionName: 'crud' }));
    expect(p1.Version).toBe('1');
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'crud', ZipFile: zipOf({ 'index.mjs': v2 }) }));
    await waitActive(lambda, 'crud');
    const conf = await lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'crud', Description: 'second', Timeout: 9 }),
    );
    expect(conf).toMatchObject({ Description: 'second', Timeout: 9 });
    await waitActive(lambda, 'crud');
    expect(decode((await lambda.send(new InvokeCommand({ FunctionName: 'crud' }))).Payload)).toBe('two');
    expect(decode((await lambda.send(new InvokeCommand({ FunctionName: 'crud', Qualifier: '1' }))).Payload)).toBe(
      'one',
    );

    const alias = await lambda.send(
      new CreateAliasCommand({ FunctionName: 'crud', Name: 'live', FunctionVersion: '1' }),
    );
    expect(alias.AliasArn).toBe(`arn:aws:lambda:${emu.region}:${emu.accountId}:function:crud:live`);
    expect((await lambda.send(new GetAliasCommand({ FunctionName: 'crud', Name: 'live' }))).FunctionVersion).toBe('1');
    const viaAlias = await lambda.send(new InvokeCommand({ FunctionName: 'crud:live' }));
    expect(decode(viaAlias.Payload)).toBe('one');
    expect(viaAlias.ExecutedVersion).toBe('1');
    expect((await lambda.send(new ListAliasesCommand({ FunctionName: 'crud' }))).Aliases?.map((a) => a.Name)).toEqual([
      'live',
    ]);
    expect(
      (await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'crud' }))).Versions?.map((v) => v.Version),
    ).toEqual(['$LATEST', '1']);
    await lambda.send(new DeleteAliasCommand({ FunctionName: 'crud', Name: 'live' }));

    const arn = created.FunctionArn ?? '';
    await lambda.send(new TagResourceCommand({ Resource: arn, Tags: { env: 'dev' } }));
    await lambda.send(new UntagResourceCommand({ Resource: arn, TagKeys: ['team'] }));
    expect((await lambda.send(new ListTagsCommand({ Resource: arn }))).Tags).toEqual({ env: 'dev' });

    await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'crud', ReservedConcurrentExecutions: 3 }));
    expect(
      (await lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: 'crud' }))).ReservedConcurrentExecutions,
    ).toBe(3);

    await lambda.send(new DeleteFunctionCommand({ FunctionName: 'crud' }));
    expect((await errorOf(lambda.send(new GetFunctionCommand({ FunctionName: 'crud' })))).name).toBe(
      'ResourceNotFoundException',
    );
  });

  it('creates from an S3 object', async () => {
    const s3 = new S3Client({ ...emu.clientConfig, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'code-bucket' }));
    await s3.send(new PutObjectCommand({ Bucket: 'code-bucket', Key: 'fn.zip', Body: zipOf({ 'index.mjs': v2 }) }));
    await createFunction(lambda, emu, 'from-s3', '', { Code: { S3Bucket: 'code-bucket', S3Key: 'fn.zip' } });
    expect(decode((await lambda.send(new InvokeCommand({ FunctionName: 'from-s3' }))).Payload)).toBe('two');
    const missing = await errorOf(
      createFunction(lambda, emu, 'from-s3-missing', '', { Code: { S3Bucket: 'code-bucket', S3Key: 'nope.zip' } }),
    );
    expect(missing.name).toBe('InvalidParameterValueException');
  });

  it('lists 50 a page with Marker / NextMarker', async () => {
    const names = Array.from({ length: 53 }, (_, i) => `page-${String(i).padStart(2, '0')}`);
    const zip = zipOf({ 'index.mjs': v1 });
    for (const FunctionName of names) {
      await lambda.send(
        new CreateFunctionCommand({
          FunctionName,
          Runtime: 'nodejs20.x',
          Role: roleArn(emu),
          Handler: 'index.handler',
          Code: { ZipFile: zip },
        }),
      );
    }
    const first = await lambda.send(new ListFunctionsCommand({}));
    expect(first.Functions).toHaveLength(50);
    expect(first.NextMarker).toBeTruthy();
    const second = await lambda.send(new ListFunctionsCommand({ Marker: first.NextMarker }));
    const all = [...(first.Functions ?? []), ...(second.Functions ?? [])].map((f) => f.FunctionName);
    expect(all.filter((n) => n?.startsWith('page-'))).toEqual(names);
    expect(second.NextMarker).toBeUndefined();
    expect((await lambda.send(new ListFunctionsCommand({ MaxItems: 2 }))).Functions).toHaveLength(2);
  });

  it('answers bad input to every operation with a 4xx AWS error', async () => {
    const bad = [
      new CreateFunctionCommand({
        FunctionName: 'x',
        Runtime: 'python3.12',
        Role: roleArn(emu),
        Handler: 'h',
        Code: { ZipFile: zipOf({ a: 'b' }) },
      }),
      new CreateFunctionCommand({
        FunctionName: 'x',
        Runtime: 'nodejs20.x',
        Role: 'not-a-role',
        Handler: 'h',
        Code: { ZipFile: zipOf({ a: 'b' }) },
      }),
      new CreateFunctionCommand({
        FunctionName: 'x',
        Runtime: 'nodejs20.x',
        Role: roleArn(emu),
        Handler: 'h',
        Code: { ZipFile: Buffer.from('not a zip') },
      }),
      new CreateFunctionCommand({
        FunctionName: 'bad name!',
        Runtime: 'nodejs20.x',
        Role: roleArn(emu),
        Handler: 'h',
        Code: { ZipFile: zipOf({ a: 'b' }) },
      }),
      new CreateFunctionCommand({
        FunctionName: 'x',
        Runtime: 'nodejs20.x',
        Role: roleArn(emu),
        Handler: 'h',
        Timeout: 0,
        Code: { ZipFile: zipOf({ a: 'b' }) },
      }),
      new CreateFunctionCommand({
        FunctionName: 'x',
        Runtime: 'nodejs20.x',
        Role: roleArn(emu),
        Handler: 'h',
        MemorySize: 64,
        Code: { ZipFile: zipOf({ a: 'b' }) },
      }),
      new GetFunctionCommand({ FunctionName: 'nope' }),
      new GetFunctionCommand({ FunctionName: 'arn:aws:lambda:us-east-1:999999999999:function:x' }),
      new UpdateFunctionConfigurationCommand({ FunctionName: 'page-00', Timeout: 10_000 }),
      new UpdateFunctionCodeCommand({ FunctionName: 'page-00' }),
      new PutFunctionConcurrencyCommand({ FunctionName: 'page-00', ReservedConcurrentExecutions: -1 }),
      new CreateAliasCommand({ FunctionName: 'page-00', Name: '123', FunctionVersion: '$LATEST' }),
      new CreateAliasCommand({ FunctionName: 'page-00', Name: 'a', FunctionVersion: '77' }),
      new InvokeCommand({ FunctionName: 'page-00', Qualifier: 'nope' }),
      new ListFunctionsCommand({ MaxItems: 500 }),
    ];
    for (const command of bad) {
      const e = await errorOf(lambda.send(command as never));
      const status = e.$metadata?.httpStatusCode ?? 0;
      expect(status, `${command.constructor.name}: ${e.name} ${e.message}`).toBeGreaterThanOrEqual(400);
      expect(status, `${command.constructor.name}: ${e.name}`).toBeLessThan(500);
    }
    for (const [method, path, body] of [
      ['POST', '/2015-03-31/functions', '{not json'],
      ['POST', '/2015-03-31/functions', '[]'],
      ['POST', '/2015-03-31/functions', '{"FunctionName":{"a":1}}'],
      ['GET', '/2015-03-31/functions/constructor', ''],
      ['GET', '/2015-03-31/functions/__proto__/configuration', ''],
      ['GET', '/2015-03-31/nothing-here', ''],
      ['PUT', '/2015-03-31/functions/page-00/configuration', '{"Environment":{"Variables":{"A":1}}}'],
      ['POST', '/2015-03-31/functions/%E0%A4%A/invocations', '{}'],
    ] as const) {
      const res = await signedRequest(emu, {
        service: 'lambda',
        method,
        path,
        body: body || undefined,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status, `${method} ${path} ${body}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${path} ${body}`).toBeLessThan(500);
      expect(res.headers.get('x-amzn-errortype')).toBeTruthy();
    }
  });

  it('CORS exposes Invoke headers to browsers', async () => {
    const res = await signedRequest(emu, {
      service: 'lambda',
      path: '/2015-03-31/functions/page-00/invocations',
      body: '{}',
      headers: { origin: 'http://localhost:5173', 'x-amz-log-type': 'Tail' },
    });
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    for (const h of ['x-amz-log-result', 'x-amz-function-error', 'x-amz-executed-version'])
      expect(exposed).toContain(h);
  });

  it.runIf(existsSync(AWS_CLI))('works from the AWS CLI', async () => {
    const run = promisify(execFile);
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: emu.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: emu.credentials.secretAccessKey,
      AWS_DEFAULT_REGION: emu.region,
      AWS_PAGER: '',
    };
    const list = await run(AWS_CLI, ['--endpoint-url', emu.url, 'lambda', 'list-functions', '--max-items', '3'], {
      env,
    });
    expect((JSON.parse(list.stdout) as { Functions: unknown[] }).Functions).toHaveLength(3);
    const out = `${emu.dataDir}/cli-out.json`;
    const inv = await run(
      AWS_CLI,
      ['--endpoint-url', emu.url, 'lambda', 'invoke', '--function-name', 'page-01', '--log-type', 'Tail', out],
      { env },
    );
    expect(JSON.parse(inv.stdout)).toMatchObject({ StatusCode: 200, ExecutedVersion: '$LATEST' });
  });
});

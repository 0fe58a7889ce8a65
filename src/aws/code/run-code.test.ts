// "Show as code" end to end: each generated snippet runs (AWS CLI v2, boto3, SDK v3 in Node) against the
// emulator in-process and must give what the console's own SDK call gives.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../../emulator/testing';
import { zipOf } from '../../../emulator/seed/lambda';
import { ADMIN_ROLE_NAME } from '../../../emulator/seed/accounts';
import { SERVICES, pagingOf } from './catalog';
import { SECRET_PLACEHOLDER, type ApiCall, type CodeLanguage, type CodeService } from './call';
import { codeFor } from './generate';

export const AWS_CLI = '/usr/bin/aws';

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
  dir: string;
}

export interface RunEnv {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

const PROGRAMS: Record<CodeLanguage, { file: string; command: (file: string) => [string, string[]] }> = {
  cli: { file: 'command.sh', command: (f) => ['bash', [f]] },
  boto3: { file: 'snippet.py', command: (f) => ['python3', [f]] },
  sdk: { file: 'snippet.mjs', command: (f) => [process.execPath, [f]] },
};

// At most this many snippets run at once: the machine is shared.
let running = 0;
const waiting: (() => void)[] = [];
const MAX_RUNNING = 3;

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Write the snippet and the files it reads into a fresh folder, then run it there. */
export function runSnippet(
  language: CodeLanguage,
  code: string,
  env: RunEnv,
  files: Record<string, string> = {},
): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), `code-${language}-`));
  // The SDK snippet imports @aws-sdk/* as a user's project would: from a node_modules beside it.
  if (language === 'sdk') symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  // `aws` is the CLI v2 at /usr/bin/aws, whatever else comes first on PATH (a v1 in a Python env).
  mkdirSync(join(dir, 'bin'));
  symlinkSync(AWS_CLI, join(dir, 'bin', 'aws'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const { file, command } = PROGRAMS[language];
  writeFileSync(join(dir, file), code);
  const [program, args] = command(file);
  return slot(
    () =>
      new Promise((done) => {
        execFile(
          program,
          args,
          {
            cwd: dir,
            timeout: 60_000,
            env: {
              PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}`,
              HOME: dir,
              AWS_ACCESS_KEY_ID: env.accessKeyId,
              AWS_SECRET_ACCESS_KEY: env.secretAccessKey,
              AWS_DEFAULT_REGION: env.region,
              AWS_CONFIG_FILE: join(dir, 'no-config'),
              AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
              AWS_EC2_METADATA_DISABLED: 'true',
              AWS_PAGER: '',
              AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
              PYTHONIOENCODING: 'utf-8',
              LANG: 'C.UTF-8',
            },
          },
          (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
            done({ stdout, stderr, code, dir });
          },
        );
      }),
  );
}

type Json = unknown;
type Variant = 'console' | CodeLanguage;

/** The console's own call: the SDK v3 client and command class it sends. */
async function consoleSend(call: ApiCall): Promise<Record<string, unknown>> {
  const sdk = (await import(SERVICES[call.service].sdkPackage)) as Record<string, new (arg: unknown) => unknown>;
  const Client = sdk[SERVICES[call.service].sdkClient]!;
  const Command = sdk[`${call.operation}Command`]!;
  const client = new Client({ ...emu.clientConfig, region: call.region, forcePathStyle: true }) as {
    send(c: unknown): Promise<Record<string, unknown>>;
  };
  return client.send(new Command(call.input));
}

/** What a snippet printed, as one value: a paginated list's rows (every language), else the response. */
function outputOf(language: Variant, call: ApiCall, stdout: string): Json {
  const paging = pagingOf(call.service, call.operation);
  if (paging && (language === 'boto3' || (language === 'sdk' && paging.sdk)))
    return {
      items: stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Json),
    };
  const out = stdout.trim() ? (JSON.parse(stdout) as Record<string, Json>) : {};
  if (paging) return { items: paging.items.flatMap((k) => (out[k] as Json[] | undefined) ?? []) };
  return out;
}

interface Case {
  name: string;
  /** The call for one variant: writes act on a resource of their own per variant. */
  call: (v: Variant) => ApiCall;
  /** Files the snippet reads (an upload's body). */
  files?: Record<string, string>;
  /** What to compare: from the call's output (reads) or from the state it left (writes). */
  read?: (out: Json, dir: string) => Json;
  effect?: (v: Variant) => Promise<Json>;
  /** Skip a language with the reason (printed). */
  only?: CodeLanguage[];
}

let emu: TestEmulator;
let region: string;
let hasBoto3 = true;
const call = (service: CodeService, operation: string, input: Record<string, unknown>): ApiCall => ({
  service,
  operation,
  input,
  region,
  endpoint: emu.url,
});
const env = () => ({ ...emu.credentials, region });
const items = (out: Json) => (out as { items: Json[] }).items;
const sorted = (xs: string[]) => [...xs].sort();
const generated: string[] = [];

// Keys that survive the shell and every language's string rules.
const WEIRD = [`a b/it's "quoted".txt`, 'ünï/çødé 日本.txt', 'meta/$(touch pwned);`x`|&<>*?.txt', 'dash/-leading'];
const bucket = 'code-test';
const table = 'code-items';
let instances: string[] = [];
const queueUrls: Record<string, string> = {};
const fnName = 'code-echo';

beforeAll(async () => {
  emu = await startTestEmulator();
  region = emu.region;
  try {
    execFileSync('python3', ['-c', 'import boto3'], { stdio: 'ignore' });
  } catch {
    hasBoto3 = false;
    console.log('boto3 snippets skipped: python3 cannot import boto3 (pip install boto3)');
  }
  const put = (service: CodeService, op: string, input: Record<string, unknown>) =>
    consoleSend(call(service, op, input));
  await put('s3', 'CreateBucket', { Bucket: bucket });
  for (const key of WEIRD) await put('s3', 'PutObject', { Bucket: bucket, Key: key, Body: `body of ${key}` });
  for (const v of ['console', 'cli', 'boto3', 'sdk'])
    for (const key of WEIRD) await put('s3', 'PutObject', { Bucket: bucket, Key: `del-${v}/${key}`, Body: 'x' });
  await put('dynamodb', 'CreateTable', {
    TableName: table,
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'N' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
  });
  while (
    ((await put('dynamodb', 'DescribeTable', { TableName: table })).Table as { TableStatus: string }).TableStatus !==
    'ACTIVE'
  )
    await new Promise((r) => setTimeout(r, 50));
  for (let sk = 1; sk <= 6; sk++)
    await put('dynamodb', 'PutItem', {
      TableName: table,
      Item: {
        pk: { S: WEIRD[0]! },
        sk: { N: String(sk) },
        colour: { S: sk % 2 ? 'red' : 'blue' },
        note: { S: WEIRD[2]! },
      },
    });
  const run = await put('ec2', 'RunInstances', {
    ImageId: 'ami-12345678',
    InstanceType: 't3.micro',
    MinCount: 8,
    MaxCount: 8,
  });
  instances = ((run.Instances ?? []) as { InstanceId: string }[]).map((i) => i.InstanceId);
  for (const v of ['console', 'cli', 'boto3', 'sdk', 'batch-console', 'batch-cli', 'batch-boto3', 'batch-sdk']) {
    const out = await put('sqs', 'CreateQueue', { QueueName: `code-q-${v}` });
    queueUrls[v] = out.QueueUrl as string;
  }
  await put('lambda', 'CreateFunction', {
    FunctionName: fnName,
    Runtime: 'nodejs20.x',
    Role: `arn:aws:iam::${emu.accountId}:role/${ADMIN_ROLE_NAME}`,
    Handler: 'index.handler',
    Code: { ZipFile: zipOf({ 'index.mjs': 'export const handler = async (e) => ({ echoed: e });' }) },
  });
  await put('secretsmanager', 'CreateSecret', { Name: 'code/existing', SecretString: 'existing-secret-value' });
}, 120_000);

afterAll(async () => {
  await emu?.dispose();
});

const cases: Case[] = [
  {
    name: 's3 ListObjectsV2 (prefix with quotes and spaces, delimiter)',
    call: () => call('s3', 'ListObjectsV2', { Bucket: bucket, Prefix: `a b/it's`, Delimiter: '/', MaxKeys: 2 }),
    read: (out) => sorted(items(out).map((i) => (i as { Key: string }).Key)),
  },
  {
    name: 's3 ListObjectsV2 (delimiter: folders)',
    call: () => call('s3', 'ListObjectsV2', { Bucket: bucket, Delimiter: '/' }),
    // Other cases add and delete their own folders meanwhile.
    read: (out) =>
      sorted(items(out).map((i) => (i as { Prefix: string }).Prefix)).filter((p) => !/^(del|put)-/.test(p)),
  },
  {
    name: 's3 HeadObject (shell metacharacters in the key)',
    call: () => call('s3', 'HeadObject', { Bucket: bucket, Key: WEIRD[2]! }),
    read: (out) => (out as { ContentLength: number }).ContentLength,
  },
  {
    name: 's3 GetObject (unicode key, body to a file)',
    call: () => call('s3', 'GetObject', { Bucket: bucket, Key: WEIRD[1]! }),
    read: (_out, dir) => readFileSync(join(dir, 'çødé 日本.txt'), 'utf8'),
  },
  {
    name: 's3 PutObject (body named by a file)',
    call: (v) => call('s3', 'PutObject', { Bucket: bucket, Key: `put-${v}/report 1.txt`, Body: 'the report' }),
    files: { 'report 1.txt': 'the report' },
    effect: async (v) => {
      const out = await consoleSend(call('s3', 'GetObject', { Bucket: bucket, Key: `put-${v}/report 1.txt` }));
      return (out.Body as { transformToString(): Promise<string> }).transformToString();
    },
  },
  {
    name: 's3 DeleteObjects (keys with quotes, unicode, metacharacters)',
    call: (v) =>
      call('s3', 'DeleteObjects', {
        Bucket: bucket,
        Delete: { Objects: WEIRD.map((k) => ({ Key: `del-${v}/${k}` })), Quiet: true },
      }),
    effect: async (v) => {
      const out = await consoleSend(call('s3', 'ListObjectsV2', { Bucket: bucket, Prefix: `del-${v}/` }));
      return out.KeyCount;
    },
  },
  {
    name: 'ec2 DescribeInstances (filters)',
    call: () =>
      call('ec2', 'DescribeInstances', {
        Filters: [{ Name: 'instance-type', Values: ['t3.micro'] }],
        MaxResults: 5,
      }),
    read: (out) =>
      sorted(
        items(out).flatMap((r) =>
          ((r as { Instances: { InstanceId: string }[] }).Instances ?? []).map((i) => i.InstanceId),
        ),
      ),
  },
  {
    name: 'ec2 DescribeInstanceStatus (every instance)',
    call: () =>
      call('ec2', 'DescribeInstanceStatus', { InstanceIds: instances.slice(0, 2), IncludeAllInstances: true }),
    read: (out) => sorted(items(out).map((s) => (s as { InstanceId: string }).InstanceId)),
  },
  {
    name: 'ec2 StopInstances (two instances)',
    call: (v) => {
      const i = ['console', 'cli', 'boto3', 'sdk'].indexOf(v) * 2;
      return call('ec2', 'StopInstances', { InstanceIds: instances.slice(i, i + 2) });
    },
    effect: async (v) => {
      const i = ['console', 'cli', 'boto3', 'sdk'].indexOf(v) * 2;
      const out = await consoleSend(call('ec2', 'DescribeInstances', { InstanceIds: instances.slice(i, i + 2) }));
      const states = (out.Reservations as { Instances: { State: { Name: string } }[] }[]).flatMap((r) =>
        r.Instances.map((x) => x.State.Name),
      );
      return states.map((s) => (s === 'stopping' || s === 'stopped' ? 'stopped' : s));
    },
  },
  {
    name: 'ec2 CreateTags (a value with quotes and unicode)',
    call: (v) => {
      const i = ['console', 'cli', 'boto3', 'sdk'].indexOf(v);
      return call('ec2', 'CreateTags', {
        Resources: [instances[i]],
        Tags: [{ Key: 'Name', Value: `it's "ünï" $HOME` }],
      });
    },
    effect: async (v) => {
      const i = ['console', 'cli', 'boto3', 'sdk'].indexOf(v);
      const out = await consoleSend(call('ec2', 'DescribeInstances', { InstanceIds: [instances[i]] }));
      const reservations = out.Reservations as { Instances: { Tags?: { Key: string; Value: string }[] }[] }[];
      return (reservations[0]?.Instances[0]?.Tags ?? []).map((t) => [t.Key, t.Value]);
    },
  },
  {
    name: 'dynamodb ListTables',
    call: () => call('dynamodb', 'ListTables', { Limit: 100 }),
    read: (out) => items(out),
  },
  {
    name: 'dynamodb DescribeTable',
    call: () => call('dynamodb', 'DescribeTable', { TableName: table }),
    read: (out) => (out as { Table: { KeySchema: Json } }).Table.KeySchema,
  },
  {
    name: 'dynamodb Query (sort-key condition and a filter)',
    call: () =>
      call('dynamodb', 'Query', {
        TableName: table,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :lo AND :hi',
        FilterExpression: '#c = :c',
        ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk', '#c': 'colour' },
        ExpressionAttributeValues: { ':pk': { S: WEIRD[0] }, ':lo': { N: '2' }, ':hi': { N: '5' }, ':c': { S: 'red' } },
        Limit: 2,
      }),
    read: (out) => items(out).map((i) => (i as { sk: { N: string } }).sk.N),
  },
  {
    name: 'dynamodb Scan (filter on a value with metacharacters)',
    call: () =>
      call('dynamodb', 'Scan', {
        TableName: table,
        FilterExpression: 'note = :n AND colour = :c',
        ExpressionAttributeValues: { ':n': { S: WEIRD[2] }, ':c': { S: 'blue' } },
      }),
    read: (out) => sorted(items(out).map((i) => (i as { sk: { N: string } }).sk.N)),
  },
  {
    name: 'dynamodb GetItem (unicode and quotes in the key)',
    call: () =>
      call('dynamodb', 'GetItem', {
        TableName: table,
        Key: { pk: { S: WEIRD[0] }, sk: { N: '3' } },
        ConsistentRead: true,
      }),
    read: (out) => (out as { Item: Json }).Item,
  },
  {
    name: 'dynamodb PutItem (binary, unicode, condition)',
    call: (v) =>
      call('dynamodb', 'PutItem', {
        TableName: table,
        Item: {
          pk: { S: `put-${v}` },
          sk: { N: '1' },
          blob: { B: new Uint8Array([0, 1, 2, 255]) },
          text: { S: WEIRD[1] },
          tags: { SS: ['a b', "it's"] },
          nested: { M: { on: { BOOL: true }, none: { NULL: true }, list: { L: [{ N: '1.5' }] } } },
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    effect: async (v) => {
      const out = await consoleSend(
        call('dynamodb', 'GetItem', { TableName: table, Key: { pk: { S: `put-${v}` }, sk: { N: '1' } } }),
      );
      const item = out.Item as Record<string, { B?: Uint8Array; SS?: string[] }>;
      return { ...item, pk: null, blob: [...(item.blob?.B ?? [])], tags: sorted(item.tags?.SS ?? []) };
    },
  },
  {
    name: 'dynamodb DeleteItem (condition)',
    call: (v) =>
      call('dynamodb', 'DeleteItem', {
        TableName: table,
        Key: { pk: { S: WEIRD[0] }, sk: { N: String(['console', 'cli', 'boto3', 'sdk'].indexOf(v) + 1) } },
        ConditionExpression: 'attribute_exists(pk)',
      }),
    effect: async (v) => {
      const sk = String(['console', 'cli', 'boto3', 'sdk'].indexOf(v) + 1);
      const out = await consoleSend(
        call('dynamodb', 'GetItem', { TableName: table, Key: { pk: { S: WEIRD[0] }, sk: { N: sk } } }),
      );
      return out.Item ?? 'gone';
    },
  },
  {
    name: 'sqs ListQueues (name prefix)',
    call: () => call('sqs', 'ListQueues', { QueueNamePrefix: 'code-q-b', MaxResults: 10 }),
    read: (out) => sorted(items(out) as string[]),
  },
  {
    name: 'sqs GetQueueAttributes',
    call: () =>
      call('sqs', 'GetQueueAttributes', {
        QueueUrl: queueUrls.console,
        AttributeNames: ['VisibilityTimeout', 'DelaySeconds'],
      }),
    read: (out) => (out as { Attributes: Json }).Attributes,
  },
  {
    name: 'sqs SendMessage (body with metacharacters, binary attribute)',
    call: (v) =>
      call('sqs', 'SendMessage', {
        QueueUrl: queueUrls[v],
        MessageBody: `{"key": "${WEIRD[2]}", "text": "${WEIRD[1]}"}`,
        DelaySeconds: 0,
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: "it's" },
          raw: { DataType: 'Binary', BinaryValue: new Uint8Array([9, 8, 7]) },
        },
      }),
    effect: async (v) => {
      const out = await consoleSend(
        call('sqs', 'ReceiveMessage', {
          QueueUrl: queueUrls[v],
          MessageAttributeNames: ['All'],
          MaxNumberOfMessages: 10,
        }),
      );
      const m = (
        out.Messages as {
          Body: string;
          MessageAttributes: Record<string, { StringValue?: string; BinaryValue?: Uint8Array }>;
        }[]
      )[0]!;
      return [m.Body, m.MessageAttributes.kind?.StringValue, [...(m.MessageAttributes.raw?.BinaryValue ?? [])]];
    },
  },
  {
    name: 'sqs SendMessageBatch',
    call: (v) =>
      call('sqs', 'SendMessageBatch', {
        QueueUrl: queueUrls[`batch-${v}`],
        Entries: [
          { Id: 'one', MessageBody: 'first message' },
          { Id: 'two', MessageBody: "second 'message' ü" },
        ],
      }),
    effect: async (v) => {
      const out = await consoleSend(
        call('sqs', 'GetQueueAttributes', {
          QueueUrl: queueUrls[`batch-${v}`],
          AttributeNames: ['ApproximateNumberOfMessages'],
        }),
      );
      return out.Attributes;
    },
  },
  {
    name: 'lambda ListFunctions',
    call: () => call('lambda', 'ListFunctions', { MaxItems: 50 }),
    read: (out) => items(out).map((f) => (f as { FunctionName: string }).FunctionName),
  },
  {
    name: 'lambda Invoke (JSON payload)',
    call: () =>
      call('lambda', 'Invoke', {
        FunctionName: fnName,
        Payload: new TextEncoder().encode(JSON.stringify({ key: WEIRD[0] })),
      }),
    read: (out, dir) =>
      existsSync(join(dir, 'response.json')) ? JSON.parse(readFileSync(join(dir, 'response.json'), 'utf8')) : out,
  },
  {
    name: 'secretsmanager ListSecrets',
    call: () =>
      call('secretsmanager', 'ListSecrets', { MaxResults: 20, Filters: [{ Key: 'name', Values: ['code/existing'] }] }),
    read: (out) => items(out).map((s) => (s as { Name: string }).Name),
  },
  {
    name: 'secretsmanager DescribeSecret',
    call: () => call('secretsmanager', 'DescribeSecret', { SecretId: 'code/existing' }),
    read: (out) => (out as { Name: string }).Name,
  },
  {
    name: 'secretsmanager CreateSecret (the value never shown)',
    call: (v) => call('secretsmanager', 'CreateSecret', { Name: `code/new-${v}`, SecretString: 'hunter2-top-secret' }),
    effect: async (v) => {
      const out = await consoleSend(call('secretsmanager', 'DescribeSecret', { SecretId: `code/new-${v}` }));
      return out.Name === `code/new-${v}`;
    },
  },
  {
    name: 'sts GetCallerIdentity',
    call: () => call('sts', 'GetCallerIdentity', {}),
    read: (out) => (out as { Account: string }).Account,
  },
];

/** The console's result: its call's output (reads, paged through) or the state the call left (writes). */
async function consoleResult(c: Case): Promise<Json> {
  const apiCall = c.call('console');
  if (c.effect) {
    await consoleSend(apiCall);
    return c.effect('console');
  }
  const paging = pagingOf(apiCall.service, apiCall.operation);
  if (!paging) {
    const out = await consoleSend(apiCall);
    if (apiCall.operation === 'GetObject')
      return (out.Body as { transformToString(): Promise<string> }).transformToString();
    if (apiCall.operation === 'Invoke') return JSON.parse(new TextDecoder().decode(out.Payload as Uint8Array)) as Json;
    return c.read!(out, '');
  }
  const rows: Json[] = [];
  let input: Record<string, unknown> = { ...apiCall.input };
  for (;;) {
    const out = await consoleSend({ ...apiCall, input });
    for (const k of paging.items) rows.push(...((out[k] as Json[] | undefined) ?? []));
    const next =
      out.NextContinuationToken ??
      out.NextToken ??
      out.LastEvaluatedKey ??
      out.LastEvaluatedTableName ??
      out.NextMarker;
    if (!next) break;
    const token = paging.inputTokens[0]!;
    input = { ...input, [token]: next };
  }
  return c.read!({ items: rows }, '');
}

describe.concurrent('generated code does what the console does', () => {
  for (const c of cases)
    it(
      c.name,
      async () => {
        const expected = await consoleResult(c);
        const languages = (['cli', 'boto3', 'sdk'] as const).filter((l) => l !== 'boto3' || hasBoto3);
        const results = await Promise.all(
          languages.map(async (language) => {
            const apiCall = c.call(language);
            const code = codeFor(apiCall)[language];
            generated.push(code);
            const run = await runSnippet(language, code, env(), c.files);
            if (run.code !== 0)
              throw new Error(`${language} snippet failed (${run.code}):\n${code}\n--- stderr:\n${run.stderr}`);
            if (c.effect) return [language, await c.effect(language)] as const;
            return [language, c.read!(outputOf(language, apiCall, run.stdout), run.dir)] as const;
          }),
        );
        for (const [language, got] of results) expect({ language, got }).toEqual({ language, got: expected });
      },
      120_000,
    );
});

describe('what the snippets never show', () => {
  it('no secret value, key or token appears in any generated snippet', () => {
    expect(generated.length).toBeGreaterThanOrEqual(cases.length * 2);
    const all = generated.join('\n');
    for (const secret of [
      'hunter2-top-secret',
      'existing-secret-value',
      emu.credentials.secretAccessKey,
      emu.credentials.accessKeyId,
    ])
      expect(all).not.toContain(secret);
    expect(all).toContain(SECRET_PLACEHOLDER);
  });
});

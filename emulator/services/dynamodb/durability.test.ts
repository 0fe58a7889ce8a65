import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { startEmulatorProcess, startTestEmulator } from '../../testing.js';
import { createTable } from './test-helpers.js';

const AWS_CLI = '/usr/bin/aws';
const KEYS = { accessKeyId: 'AKIADURABLE', secretAccessKey: 'durable-secret' };
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dynamodb-durability-'));
  dirs.push(dir);
  return dir;
};

describe('dynamodb durability', () => {
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps tables, items and TTL settings across a restart', async () => {
    const dataDir = tempDir();
    const first = await startTestEmulator({ dataDir });
    const client = new DynamoDBClient(first.clientConfig);
    await createTable(client, 'Kept');
    await client.send(
      new PutItemCommand({ TableName: 'Kept', Item: { pk: { S: 'a' }, sk: { S: 'b' }, n: { N: '42' } } }),
    );
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: 'Kept',
        TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      }),
    );
    client.destroy();
    await first.stop();

    const second = await startTestEmulator({ dataDir });
    const again = new DynamoDBClient(second.clientConfig);
    const got = await again.send(new GetItemCommand({ TableName: 'Kept', Key: { pk: { S: 'a' }, sk: { S: 'b' } } }));
    expect(got.Item?.n).toEqual({ N: '42' });
    const ttl = await again.send(new DescribeTimeToLiveCommand({ TableName: 'Kept' }));
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'ttl' });
    again.destroy();
    await second.stop();
  });

  it('never loses an acknowledged PutItem to kill -9, and finishes a table left CREATING', async () => {
    const dataDir = tempDir();
    const child = await startEmulatorProcess(dataDir, KEYS);
    const client = new DynamoDBClient({ endpoint: child.url, region: 'us-east-1', credentials: KEYS });
    await createTable(client, 'Crash');
    const puts = Array.from({ length: 20 }, (_, i) =>
      client.send(
        new PutItemCommand({ TableName: 'Crash', Item: { pk: { S: `k${i}` }, sk: { S: 's' }, i: { N: String(i) } } }),
      ),
    );
    await Promise.all(puts);
    // Killed while this table is still CREATING: dynalite flips it to ACTIVE on a timer that never fires.
    await client.send(
      new CreateTableCommand({
        TableName: 'Half',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await child.kill();
    client.destroy();

    const after = await startTestEmulator({ dataDir });
    const reader = new DynamoDBClient(after.clientConfig);
    for (let i = 0; i < 20; i++) {
      const got = await reader.send(
        new GetItemCommand({ TableName: 'Crash', Key: { pk: { S: `k${i}` }, sk: { S: 's' } } }),
      );
      expect(got.Item?.i).toEqual({ N: String(i) });
    }
    const half = await reader.send(new DescribeTableCommand({ TableName: 'Half' }));
    expect(half.Table?.TableStatus).toBe('ACTIVE');
    reader.destroy();
    await after.stop();
  }, 90_000);

  it.runIf(existsSync(AWS_CLI))(
    'serves the AWS CLI v2 (which checks x-amz-crc32)',
    async () => {
      const emu = await startTestEmulator();
      try {
        const client = new DynamoDBClient(emu.clientConfig);
        await createTable(client, 'CliTable');
        const env = {
          ...process.env,
          AWS_ACCESS_KEY_ID: emu.credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: emu.credentials.secretAccessKey,
          AWS_DEFAULT_REGION: emu.region,
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        };
        const run = promisify(execFile);
        const cli = (...args: string[]) =>
          run(AWS_CLI, ['--endpoint-url', emu.url, '--output', 'json', 'dynamodb', ...args], { env });
        const listed = JSON.parse((await cli('list-tables')).stdout) as { TableNames: string[] };
        expect(listed.TableNames).toEqual(['CliTable']);
        await cli('put-item', '--table-name', 'CliTable', '--item', '{"pk":{"S":"cli"},"sk":{"S":"1"},"v":{"N":"7"}}');
        const got = await client.send(
          new GetItemCommand({ TableName: 'CliTable', Key: { pk: { S: 'cli' }, sk: { S: '1' } } }),
        );
        expect(got.Item?.v).toEqual({ N: '7' });
        const failed = await cli('describe-table', '--table-name', 'Missing').catch(
          (e: { stderr: string }) => e.stderr,
        );
        expect(failed).toContain('ResourceNotFoundException');
        client.destroy();
      } finally {
        await emu.dispose();
      }
    },
    90_000,
  );
});

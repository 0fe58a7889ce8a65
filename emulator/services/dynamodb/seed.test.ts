import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  QueryCommand,
  ScanCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../../testing.js';
import { createDynamoDbService } from './index.js';
import { DEMO_USER_NAMES, ORDER_COUNT } from '../../seed/dynamodb.js';

describe('dynamodb demo data', () => {
  let emu: TestEmulator;
  let client: DynamoDBClient;
  let seededInMs = 0;
  beforeAll(async () => {
    // Seed only DynamoDB (the other services' demo data is theirs to test), then serve that folder.
    const dataDir = mkdtempSync(join(tmpdir(), 'dynamodb-seed-'));
    const service = await createDynamoDbService({
      dataDir: join(dataDir, 'dynamodb'),
      accountId: '123456789012',
      defaultRegion: 'us-east-1',
      baseUrl: () => '',
      log: () => undefined,
    });
    const started = Date.now();
    await service.seed?.();
    seededInMs = Date.now() - started;
    await service.close();
    emu = await startTestEmulator({ dataDir });
    client = new DynamoDBClient(emu.clientConfig);
  });
  afterAll(async () => {
    client.destroy();
    await emu.dispose();
    rmSync(emu.dataDir, { recursive: true, force: true });
  });

  it('seeds Users, Orders and Settings, all ACTIVE, in under 3 s', async () => {
    expect(seededInMs).toBeLessThan(3000);
    const { TableNames } = await client.send(new ListTablesCommand({}));
    expect(TableNames).toEqual(['Orders', 'Settings', 'Users']);
    const orders = await client.send(new DescribeTableCommand({ TableName: 'Orders' }));
    expect(orders.Table?.TableStatus).toBe('ACTIVE');
    expect(orders.Table?.GlobalSecondaryIndexes?.[0]).toMatchObject({ IndexName: 'byCustomer', IndexStatus: 'ACTIVE' });
  });

  it('reports item counts and sizes in DescribeTable, for the table and its index', async () => {
    const orders = await client.send(new DescribeTableCommand({ TableName: 'Orders' }));
    expect(orders.Table?.ItemCount).toBe(ORDER_COUNT);
    expect(orders.Table?.TableSizeBytes).toBeGreaterThan(ORDER_COUNT * 50);
    expect(orders.Table?.GlobalSecondaryIndexes?.[0]?.ItemCount).toBe(ORDER_COUNT);
    const settings = await client.send(new DescribeTableCommand({ TableName: 'Settings' }));
    expect(settings.Table?.ItemCount).toBe(5);
  });

  it('holds a single-table Users design: a profile and posts per user', async () => {
    const alice = await client.send(
      new QueryCommand({
        TableName: 'Users',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'USER#alice' } },
      }),
    );
    const sks = (alice.Items ?? []).map((i) => i.sk?.S ?? '');
    expect(sks).toContain('PROFILE');
    expect(sks.filter((s) => s.startsWith('POST#2026-')).length).toBeGreaterThanOrEqual(2);
    const profile = alice.Items?.find((i) => i.sk?.S === 'PROFILE');
    expect(profile).toMatchObject({
      address: { M: expect.any(Object) },
      interests: { SS: expect.any(Array) },
      age: { N: expect.any(String) },
    });
    const profiles = await client.send(
      new ScanCommand({
        TableName: 'Users',
        FilterExpression: 'sk = :p',
        ExpressionAttributeValues: { ':p': { S: 'PROFILE' } },
      }),
    );
    expect(profiles.Count).toBe(DEMO_USER_NAMES.length);
  });

  it('holds ~200 orders queryable by customer, newest first', async () => {
    let count = 0;
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({ TableName: 'Orders', Select: 'COUNT', ExclusiveStartKey: start }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    expect(count).toBe(ORDER_COUNT);
    const bob = await client.send(
      new QueryCommand({
        TableName: 'Orders',
        IndexName: 'byCustomer',
        KeyConditionExpression: 'customerId = :c',
        ExpressionAttributeValues: { ':c': { S: 'bob' } },
        ScanIndexForward: false,
      }),
    );
    const dates = (bob.Items ?? []).map((i) => i.createdAt?.S ?? '');
    expect(dates.length).toBe(ORDER_COUNT / DEMO_USER_NAMES.length);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(bob.Items?.[0]?.status?.S).toMatch(/^(PENDING|PAID|SHIPPED|DELIVERED|CANCELLED)$/);
  });

  it('empties on an admin reset without seed', async () => {
    await emu.admin('reset', { seed: false });
    expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    await expect(client.send(new DescribeTableCommand({ TableName: 'Users' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});

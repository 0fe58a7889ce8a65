// The item data paths against the emulator in-process, with the real SDK client.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { startTestEmulator, type TestEmulator } from '../../../emulator/testing';
import { parseConfig } from '../config';
import { CredentialStore } from '../credentials';
import { activateSession, AwsSession } from '../session';
import { batchWrite, describeTable, ItemChangedError, KeyTakenError, readPage, saveItem } from './api';
import { buildReadRequest, type QuerySpec } from './expressions';
import type { Item } from './attribute-value';

let emu: TestEmulator;
let ddb: DynamoDBClient;
const TABLE = 'api-items';

beforeAll(async () => {
  emu = await startTestEmulator();
  activateSession(
    new AwsSession(
      parseConfig({ regions: [emu.region], endpoint: emu.url, auth: { mode: 'static', ...emu.credentials } }),
      new CredentialStore(vi.fn(async () => ({ ...emu.credentials }))),
    ),
  );
  ddb = new DynamoDBClient(emu.clientConfig);
  await ddb.send(
    new CreateTableCommand({
      TableName: TABLE,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
        { AttributeName: 'color', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byColor',
          KeySchema: [
            { AttributeName: 'color', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  while ((await ddb.send(new DescribeTableCommand({ TableName: TABLE }))).Table?.TableStatus !== 'ACTIVE')
    await new Promise((r) => setTimeout(r, 50));
  // 100 items under one partition; every 10th is red.
  await batchWrite({
    region: emu.region,
    table: TABLE,
    requests: Array.from({ length: 100 }, (_, i) => ({
      put: { pk: { S: 'p' }, sk: { N: String(i) }, color: { S: i % 10 === 0 ? 'red' : 'blue' } } satisfies Item,
    })),
  });
});

afterAll(async () => {
  ddb.destroy();
  activateSession(undefined);
  await emu?.dispose();
});

const base: QuerySpec = {
  mode: 'query',
  partitionValue: 'p',
  sortValue: '',
  sortValue2: '',
  filters: [],
  projection: [],
  pageSize: 4,
};

describe('reading pages', () => {
  it('fills a page a filter leaves sparse, and counts what it scanned', async () => {
    const info = await describeTable({ region: emu.region, table: TABLE });
    const request = buildReadRequest(
      { ...base, filters: [{ name: 'color', op: '=', type: 'S', value: 'red' }] },
      TABLE,
      info,
      info,
    );
    const page = await readPage({ region: emu.region, request, pageSize: 4, tableKeys: info });
    expect(page.items.map((i) => i.sk)).toEqual([{ N: '0' }, { N: '10' }, { N: '20' }, { N: '30' }]);
    expect(page.requests).toBeGreaterThan(1);
    expect(page.scanned).toBeGreaterThanOrEqual(31);
    // Every page after it continues exactly where it stopped: no row twice, none skipped.
    const seen = page.items.map((i) => ('N' in i.sk! ? i.sk.N : ''));
    let token = page.nextToken;
    while (token) {
      const next = await readPage({ region: emu.region, request, pageSize: 4, token, tableKeys: info });
      seen.push(...next.items.map((i) => ('N' in i.sk! ? i.sk.N : '')));
      token = next.nextToken;
    }
    expect(seen).toEqual(['0', '10', '20', '30', '40', '50', '60', '70', '80', '90']);
  });

  it('cuts a page at the page size on an index, continuing from the cut row', async () => {
    const info = await describeTable({ region: emu.region, table: TABLE });
    const index = info.indexes.find((i) => i.name === 'byColor')!;
    const request = buildReadRequest(
      { ...base, index: 'byColor', partitionValue: 'red', sortOp: '>=', sortValue: '30' },
      TABLE,
      index,
      info,
    );
    const first = await readPage({ region: emu.region, request, pageSize: 3, tableKeys: info, indexKeys: index });
    const second = await readPage({
      region: emu.region,
      request,
      pageSize: 3,
      token: first.nextToken,
      tableKeys: info,
      indexKeys: index,
    });
    expect([...first.items, ...second.items].map((i) => i.sk)).toEqual(
      ['30', '40', '50', '60', '70', '80'].map((N) => ({ N })),
    );
  });
});

describe('saving with a condition', () => {
  const keys = { partition: { name: 'pk', type: 'S' as const }, sort: { name: 'sk', type: 'N' as const } };

  it('saves when nothing changed, refuses when someone changed the item, and keeps their change', async () => {
    const loaded: Item = { pk: { S: 'lock' }, sk: { N: '1' }, n: { N: '1' }, tags: { SS: ['a'] } };
    await ddb.send(new PutItemCommand({ TableName: TABLE, Item: loaded as never }));
    await saveItem({ region: emu.region, table: TABLE, keys, item: { ...loaded, n: { N: '2' } }, expected: loaded });
    const saved = { ...loaded, n: { N: '2' } };

    // Someone else adds a tag.
    await ddb.send(
      new UpdateItemCommand({
        TableName: TABLE,
        Key: { pk: { S: 'lock' }, sk: { N: '1' } },
        UpdateExpression: 'ADD tags :t',
        ExpressionAttributeValues: { ':t': { SS: ['b'] } },
      }),
    );
    const error = await saveItem({
      region: emu.region,
      table: TABLE,
      keys,
      item: { ...saved, n: { N: '3' } },
      expected: saved,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ItemChangedError);
    expect((error as ItemChangedError).current?.tags).toEqual({ SS: ['a', 'b'] });
    const now = await ddb.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 'lock' }, sk: { N: '1' } } }));
    expect(now.Item?.n).toEqual({ N: '2' });

    // A new key that is taken is refused too.
    const taken = await saveItem({
      region: emu.region,
      table: TABLE,
      keys,
      item: { pk: { S: 'lock' }, sk: { N: '1' } },
      expected: undefined,
    }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(KeyTakenError);
  });
});

describe('saving an item of every type', () => {
  it('compares every type in the condition', async () => {
    const keys = { partition: { name: 'pk', type: 'S' as const }, sort: { name: 'sk', type: 'N' as const } };
    const item: Item = {
      pk: { S: 'all' },
      sk: { N: '1' },
      ss: { SS: ['alpha', 'beta'] },
      ns: { NS: ['1', '12345678901234567890123456789012345678', '-0.5'] },
      bs: { BS: [new Uint8Array([1, 2, 3]), new Uint8Array([255])] },
      bin: { B: new Uint8Array([0, 1, 254, 255]) },
      nested: { M: { level1: { M: { level2: { L: [{ N: '9007199254740993' }, { SS: ['x'] }, { NULL: true }] } } } } },
      nothing: { NULL: true },
      note: { S: 'before' },
    };
    await saveItem({ region: emu.region, table: TABLE, keys, item, expected: undefined });
    await saveItem({ region: emu.region, table: TABLE, keys, item: { ...item, note: { S: 'after' } }, expected: item });
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BatchGetItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  PutItemCommand,
  TagResourceCommand,
  TransactWriteItemsCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { errorOf, startTestEmulator, type TestEmulator } from '../../testing.js';
import { createTable } from './test-helpers.js';
import { pinBareRegion } from './regions.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dynamodb-regions-'));
  dirs.push(dir);
  return dir;
};
const clientIn = (emu: TestEmulator, region: string) => new DynamoDBClient({ ...emu.clientConfig, region });

describe('dynamodb tables belong to a region', () => {
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('lists a table created in eu-west-1 there only, with eu-west-1 ARNs, and keeps same-named tables apart', async () => {
    const emu = await startTestEmulator({ dataDir: tempDir() });
    const east = clientIn(emu, 'us-east-1');
    const west = clientIn(emu, 'eu-west-1');
    await createTable(west, 'Orders', {
      GlobalSecondaryIndexes: [
        {
          IndexName: 'bySk',
          KeySchema: [{ AttributeName: 'sk', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });

    expect((await west.send(new ListTablesCommand({}))).TableNames).toEqual(['Orders']);
    expect((await east.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    const described = await west.send(new DescribeTableCommand({ TableName: 'Orders' }));
    expect(described.Table?.TableName).toBe('Orders');
    expect(described.Table?.TableArn).toMatch(/^arn:aws:dynamodb:eu-west-1:\d+:table\/Orders$/);
    expect(described.Table?.GlobalSecondaryIndexes?.[0]?.IndexArn).toMatch(
      /^arn:aws:dynamodb:eu-west-1:\d+:table\/Orders\/index\/bySk$/,
    );
    const missing = await errorOf(east.send(new DescribeTableCommand({ TableName: 'Orders' })));
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.message).not.toContain('!');

    // The same name in us-east-1 is another table with its own items.
    await createTable(east, 'Orders');
    await west.send(new PutItemCommand({ TableName: 'Orders', Item: { pk: { S: 'a' }, sk: { S: 'west' } } }));
    await east.send(new PutItemCommand({ TableName: 'Orders', Item: { pk: { S: 'a' }, sk: { S: 'east' } } }));
    const got = await west.send(
      new BatchGetItemCommand({
        RequestItems: {
          Orders: {
            Keys: [
              { pk: { S: 'a' }, sk: { S: 'west' } },
              { pk: { S: 'a' }, sk: { S: 'east' } },
            ],
          },
        },
      }),
    );
    expect(Object.keys(got.Responses ?? {})).toEqual(['Orders']);
    expect(got.Responses?.Orders?.map((i) => i.sk?.S)).toEqual(['west']);

    // Transactions, TTL settings and tags stay in their region too.
    await west.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Put: {
              TableName: 'Orders',
              Item: { pk: { S: 'b' }, sk: { S: 'west' } },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    expect(
      (await west.send(new GetItemCommand({ TableName: 'Orders', Key: { pk: { S: 'b' }, sk: { S: 'west' } } }))).Item,
    ).toBeDefined();
    expect(
      (await east.send(new GetItemCommand({ TableName: 'Orders', Key: { pk: { S: 'b' }, sk: { S: 'west' } } }))).Item,
    ).toBeUndefined();
    await west.send(
      new UpdateTimeToLiveCommand({
        TableName: 'Orders',
        TimeToLiveSpecification: { AttributeName: 'exp', Enabled: true },
      }),
    );
    const eastTtl = await east.send(new DescribeTimeToLiveCommand({ TableName: 'Orders' }));
    expect(eastTtl.TimeToLiveDescription?.TimeToLiveStatus).toBe('DISABLED');
    const arn = described.Table?.TableArn ?? '';
    await west.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'team', Value: 'west' }] }));
    expect((await west.send(new ListTagsOfResourceCommand({ ResourceArn: arn }))).Tags).toEqual([
      { Key: 'team', Value: 'west' },
    ]);

    const deleted = await west.send(new DeleteTableCommand({ TableName: 'Orders' }));
    expect(deleted.TableDescription?.TableArn).toContain(':eu-west-1:');
    expect((await east.send(new ListTablesCommand({}))).TableNames).toEqual(['Orders']);
    east.destroy();
    west.destroy();
    await emu.dispose();
  });

  it('pages ListTables within a region', async () => {
    const emu = await startTestEmulator({ dataDir: tempDir() });
    const west = clientIn(emu, 'eu-west-1');
    const east = clientIn(emu, 'us-east-1');
    for (const name of ['t-a', 't-b', 't-c']) await createTable(west, name);
    await createTable(east, 't-aa');
    const first = await west.send(new ListTablesCommand({ Limit: 2 }));
    expect(first).toMatchObject({ TableNames: ['t-a', 't-b'], LastEvaluatedTableName: 't-b' });
    const second = await west.send(new ListTablesCommand({ Limit: 2, ExclusiveStartTableName: 't-b' }));
    expect(second.TableNames).toEqual(['t-c']);
    expect(second.LastEvaluatedTableName).toBeUndefined();
    west.destroy();
    east.destroy();
    await emu.dispose();
  });

  it('keeps the tables of a data folder made before regions in us-east-1, where they were created', async () => {
    const dataDir = tempDir();
    const first = await startTestEmulator({ dataDir });
    const east = clientIn(first, 'us-east-1');
    await createTable(east, 'Legacy');
    await east.send(
      new PutItemCommand({ TableName: 'Legacy', Item: { pk: { S: 'k' }, sk: { S: 's' }, n: { N: '7' } } }),
    );
    east.destroy();
    await first.stop();
    // A folder from before regions has no regions.json: its tables are stored under their plain names.
    const marker = join(dataDir, 'dynamodb', 'regions.json');
    expect(JSON.parse(readFileSync(marker, 'utf8'))).toEqual({ bareRegion: 'us-east-1' });
    rmSync(marker);

    const second = await startTestEmulator({ dataDir });
    const again = clientIn(second, 'us-east-1');
    const west = clientIn(second, 'eu-west-1');
    expect((await again.send(new ListTablesCommand({}))).TableNames).toEqual(['Legacy']);
    const item = await again.send(new GetItemCommand({ TableName: 'Legacy', Key: { pk: { S: 'k' }, sk: { S: 's' } } }));
    expect(item.Item?.n).toEqual({ N: '7' });
    expect((await west.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    again.destroy();
    west.destroy();
    await second.stop();
  });

  it('keeps plain-named tables in the region pinned for the folder, whatever the default region', async () => {
    const dataDir = tempDir();
    const first = await startTestEmulator({ dataDir });
    const east = clientIn(first, 'us-east-1');
    await createTable(east, 'Tokyo');
    east.destroy();
    await first.stop();
    // Pretend the folder was made by an emulator whose default region was ap-northeast-1.
    writeFileSync(join(dataDir, 'dynamodb', 'regions.json'), JSON.stringify({ bareRegion: 'ap-northeast-1' }));

    const second = await startTestEmulator({ dataDir });
    const tokyo = clientIn(second, 'ap-northeast-1');
    const again = clientIn(second, 'us-east-1');
    expect((await tokyo.send(new ListTablesCommand({}))).TableNames).toEqual(['Tokyo']);
    expect((await again.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    const d = await tokyo.send(new DescribeTableCommand({ TableName: 'Tokyo' }));
    expect(d.Table?.TableArn).toContain(':ap-northeast-1:');
    tokyo.destroy();
    again.destroy();
    await second.stop();
  });

  it("pins a folder without regions.json to the region in its tables' ARNs, else the default region", () => {
    const dir = tempDir();
    const file = join(dir, 'regions.json');
    expect(pinBareRegion(file, ['arn:aws:dynamodb:eu-central-1:000000000000:table/Old'], 'us-east-1')).toBe(
      'eu-central-1',
    );
    // Once pinned, later starts keep it.
    expect(pinBareRegion(file, [], 'us-east-1')).toBe('eu-central-1');
    expect(pinBareRegion(join(dir, 'fresh.json'), [], 'us-west-2')).toBe('us-west-2');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { errorOf, startTestEmulator, type TestEmulator } from '../../testing.js';
import { createTable } from './test-helpers.js';

const TableName = 'Edges';
const Key = { pk: { S: 'n' }, sk: { S: '1' } };
const DIGITS_38 = '12345678901234567890123456789012345678';

describe('DynamoDB limits at the edges', () => {
  let emu: TestEmulator;
  let ddb: DynamoDBClient;
  beforeAll(async () => {
    emu = await startTestEmulator();
    ddb = new DynamoDBClient(emu.clientConfig);
    await createTable(ddb, TableName);
    await ddb.send(new PutItemCommand({ TableName, Item: { ...Key, n: { N: DIGITS_38 } } }));
  });
  afterAll(() => emu.dispose());

  const stored = async () => (await ddb.send(new GetItemCommand({ TableName, Key, ConsistentRead: true }))).Item?.n?.N;

  it('refuses an ADD or SET arithmetic that would store a 39-digit number, as PutItem does, and keeps the item', async () => {
    const viaPut = await errorOf(
      ddb.send(new PutItemCommand({ TableName, Item: { ...Key, n: { N: `${DIGITS_38}.1` } } })),
    );
    expect(viaPut.message).toBe('Attempting to store more than 38 significant digits in a Number');
    for (const UpdateExpression of ['ADD n :v', 'SET n = n + :v']) {
      const e = await errorOf(
        ddb.send(
          new UpdateItemCommand({
            TableName,
            Key,
            UpdateExpression,
            ExpressionAttributeValues: { ':v': { N: '0.1' } },
          }),
        ),
      );
      expect(e.name).toBe('ValidationException');
      expect(e.message).toBe(viaPut.message);
    }
    expect(await stored()).toBe(DIGITS_38);
    // A sum that fits is stored.
    await ddb.send(
      new UpdateItemCommand({
        TableName,
        Key,
        UpdateExpression: 'ADD n :v',
        ExpressionAttributeValues: { ':v': { N: '2' } },
      }),
    );
    expect(await stored()).toBe('12345678901234567890123456789012345680');
  });

  it('refuses expressions over 4 KB and deep parentheses with ValidationException, never a stack overflow', async () => {
    const values = { ':p': { S: 'n' } };
    const long = `pk = :p AND ${Array.from({ length: 400 }, () => 'sk = :p').join(' OR ')}`;
    const tooLong = await errorOf(
      ddb.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'pk = :p',
          FilterExpression: long,
          ExpressionAttributeValues: values,
        }),
      ),
    );
    expect(tooLong.name).toBe('ValidationException');
    expect(tooLong.message).toMatch(/^Invalid FilterExpression: Expression size has exceeded the maximum allowed size/);
    for (const depth of [5000, 1500]) {
      const nested = `${'('.repeat(depth)}pk = :p${')'.repeat(depth)}`;
      const e = await errorOf(
        ddb.send(new QueryCommand({ TableName, KeyConditionExpression: nested, ExpressionAttributeValues: values })),
      );
      expect(e.name).toBe('ValidationException');
      expect(e.message).not.toMatch(/call stack/i);
      expect(e.message).toMatch(/^Invalid KeyConditionExpression: /);
    }
  });
});

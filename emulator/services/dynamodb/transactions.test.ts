import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactGetCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { startTestEmulator, type TestEmulator } from '../../testing.js';
import { createTable } from './test-helpers.js';

describe('dynamodb transactions and TTL settings', () => {
  let emu: TestEmulator;
  let client: DynamoDBClient;
  let doc: DynamoDBDocumentClient;
  const get = async (TableName: string, pk: string, sk: string) =>
    (await doc.send(new GetCommand({ TableName, Key: { pk, sk } }))).Item;

  beforeAll(async () => {
    emu = await startTestEmulator();
    client = new DynamoDBClient(emu.clientConfig);
    doc = DynamoDBDocumentClient.from(client);
    await Promise.all([createTable(client, 'Accounts'), createTable(client, 'Ledger')]);
  });
  afterAll(async () => {
    client.destroy();
    await emu.dispose();
  });

  it('applies every write of a transaction across tables', async () => {
    await doc.send(new PutCommand({ TableName: 'Accounts', Item: { pk: 'A', sk: 'BAL', balance: 100 } }));
    await doc.send(new PutCommand({ TableName: 'Accounts', Item: { pk: 'OLD', sk: 'X' } }));
    await doc.send(new PutCommand({ TableName: 'Accounts', Item: { pk: 'A', sk: 'LIMITS', open: true } }));
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: 'Accounts',
              Key: { pk: 'A', sk: 'BAL' },
              UpdateExpression: 'SET balance = balance - :amt',
              ConditionExpression: 'balance >= :amt',
              ExpressionAttributeValues: { ':amt': 30 },
            },
          },
          {
            Put: {
              TableName: 'Ledger',
              Item: { pk: 'A', sk: 'TX#1', amount: -30 },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Delete: { TableName: 'Accounts', Key: { pk: 'OLD', sk: 'X' } } },
          {
            ConditionCheck: {
              TableName: 'Accounts',
              Key: { pk: 'A', sk: 'LIMITS' },
              ConditionExpression: '#o = :yes',
              ExpressionAttributeNames: { '#o': 'open' },
              ExpressionAttributeValues: { ':yes': true },
            },
          },
        ],
      }),
    );
    expect((await get('Accounts', 'A', 'BAL'))?.balance).toBe(70);
    expect((await get('Ledger', 'A', 'TX#1'))?.amount).toBe(-30);
    expect(await get('Accounts', 'OLD', 'X')).toBeUndefined();
  });

  it('cancels the whole transaction when one condition fails, with a reason per item', async () => {
    await doc.send(new PutCommand({ TableName: 'Accounts', Item: { pk: 'B', sk: 'BAL', balance: 10 } }));
    const attempt = doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: 'Ledger', Item: { pk: 'B', sk: 'TX#1', amount: -50 } } },
          {
            Update: {
              TableName: 'Accounts',
              Key: { pk: 'B', sk: 'BAL' },
              UpdateExpression: 'SET balance = balance - :amt',
              ConditionExpression: 'balance >= :amt',
              ExpressionAttributeValues: { ':amt': 50 },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
        ],
      }),
    );
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    const canceled = error as TransactionCanceledException;
    expect(canceled.name).toBe('TransactionCanceledException');
    expect(canceled.message).toBe(
      'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]',
    );
    expect(canceled.CancellationReasons?.map((r) => r.Code)).toEqual(['None', 'ConditionalCheckFailed']);
    expect(canceled.CancellationReasons?.[1]?.Item?.balance).toEqual({ N: '10' });
    expect(await get('Ledger', 'B', 'TX#1')).toBeUndefined();
    expect((await get('Accounts', 'B', 'BAL'))?.balance).toBe(10);
  });

  it('rolls back writes already made when a later one fails, and refuses two operations on one item', async () => {
    await doc.send(new PutCommand({ TableName: 'Accounts', Item: { pk: 'C', sk: 'BAL', balance: 'not a number' } }));
    const attempt = doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: 'Ledger', Item: { pk: 'C', sk: 'TX#1', amount: 1 } } },
          {
            Update: {
              TableName: 'Accounts',
              Key: { pk: 'C', sk: 'BAL' },
              UpdateExpression: 'SET balance = balance + :one',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ],
      }),
    );
    await expect(attempt).rejects.toMatchObject({ name: 'ValidationException' });
    expect(await get('Ledger', 'C', 'TX#1')).toBeUndefined();
    expect((await get('Accounts', 'C', 'BAL'))?.balance).toBe('not a number');

    const twice = doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: 'Ledger', Item: { pk: 'D', sk: '1' } } },
          { Delete: { TableName: 'Ledger', Key: { pk: 'D', sk: '1' } } },
        ],
      }),
    );
    await expect(twice).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Transaction request cannot include multiple operations on one item',
    });
    const reserved = doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            ConditionCheck: {
              TableName: 'Ledger',
              Key: { pk: 'D', sk: '1' },
              ConditionExpression: 'attribute_exists(open)',
            },
          },
        ],
      }),
    );
    await expect(reserved).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('reserved keyword'),
    });
    const missingTable = doc.send(
      new TransactWriteCommand({ TransactItems: [{ Put: { TableName: 'Nope', Item: { pk: 'x', sk: 'y' } } }] }),
    );
    await expect(missingTable).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('applies a transaction once per ClientRequestToken, and refuses the token on other items', async () => {
    const write = (amount: number) =>
      new TransactWriteItemsCommand({
        ClientRequestToken: 'token-1',
        TransactItems: [
          {
            Update: {
              TableName: 'Accounts',
              Key: { pk: { S: 'E' }, sk: { S: 'BAL' } },
              UpdateExpression: 'ADD balance :amt',
              ExpressionAttributeValues: { ':amt': { N: String(amount) } },
            },
          },
        ],
      });
    await client.send(write(5));
    await client.send(write(5));
    expect((await get('Accounts', 'E', 'BAL'))?.balance).toBe(5);
    await expect(client.send(write(6))).rejects.toMatchObject({ name: 'IdempotentParameterMismatchException' });
  });

  it('keeps racing transactions atomic: no overdraft, no lost update', async () => {
    await doc.send(new PutCommand({ TableName: 'Accounts', Item: { pk: 'RACE', sk: 'FROM', balance: 10 } }));
    await doc.send(new PutCommand({ TableName: 'Accounts', Item: { pk: 'RACE', sk: 'TO', balance: 0 } }));
    const move = () =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: 'Accounts',
                Key: { pk: 'RACE', sk: 'TO' },
                UpdateExpression: 'SET balance = balance + :one',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
            {
              Update: {
                TableName: 'Accounts',
                Key: { pk: 'RACE', sk: 'FROM' },
                UpdateExpression: 'SET balance = balance - :one',
                ConditionExpression: 'balance >= :one',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
    const outcomes = await Promise.allSettled(Array.from({ length: 16 }, move));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    expect((await get('Accounts', 'RACE', 'FROM'))?.balance).toBe(0);
    expect((await get('Accounts', 'RACE', 'TO'))?.balance).toBe(10);
  });

  it('reads several items at once with TransactGetItems', async () => {
    const out = await doc.send(
      new TransactGetCommand({
        TransactItems: [
          { Get: { TableName: 'Accounts', Key: { pk: 'A', sk: 'BAL' } } },
          { Get: { TableName: 'Ledger', Key: { pk: 'nobody', sk: 'none' } } },
          { Get: { TableName: 'Ledger', Key: { pk: 'A', sk: 'TX#1' }, ProjectionExpression: 'amount' } },
        ],
      }),
    );
    expect(out.Responses).toEqual([{ Item: { pk: 'A', sk: 'BAL', balance: 70 } }, {}, { Item: { amount: -30 } }]);
  });

  it('stores the time-to-live setting and refuses to enable it twice', async () => {
    const before = await client.send(new DescribeTimeToLiveCommand({ TableName: 'Ledger' }));
    expect(before.TimeToLiveDescription?.TimeToLiveStatus).toBe('DISABLED');
    const enabled = await client.send(
      new UpdateTimeToLiveCommand({
        TableName: 'Ledger',
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      }),
    );
    expect(enabled.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    const after = await client.send(new DescribeTimeToLiveCommand({ TableName: 'Ledger' }));
    expect(after.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
    await expect(
      client.send(
        new UpdateTimeToLiveCommand({
          TableName: 'Ledger',
          TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException', message: 'TimeToLive is already enabled' });
    await expect(client.send(new DescribeTimeToLiveCommand({ TableName: 'Nope' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: 'Ledger',
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: false },
      }),
    );
    expect(
      (await client.send(new DescribeTimeToLiveCommand({ TableName: 'Ledger' }))).TimeToLiveDescription
        ?.TimeToLiveStatus,
    ).toBe('DISABLED');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ExecuteStatementCommand,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand as DocQuery,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { startTestEmulator, type TestEmulator } from '../../testing.js';
import { createTable, rawDynamoDb, waitActive } from './test-helpers.js';

describe('dynamodb tables and items', () => {
  let emu: TestEmulator;
  let client: DynamoDBClient;
  let doc: DynamoDBDocumentClient;
  beforeAll(async () => {
    emu = await startTestEmulator();
    client = new DynamoDBClient(emu.clientConfig);
    doc = DynamoDBDocumentClient.from(client);
    await createTable(client, 'Items');
  });
  afterAll(async () => {
    client.destroy();
    await emu.dispose();
  });

  it('creates a table CREATING, then ACTIVE, lists, describes and deletes it', async () => {
    const created = await client.send(
      new CreateTableCommand({
        TableName: 'Lifecycle',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    expect(created.TableDescription?.TableStatus).toBe('CREATING');
    expect(created.TableDescription?.TableArn).toBe(`arn:aws:dynamodb:${emu.region}:${emu.accountId}:table/Lifecycle`);
    await waitActive(client, 'Lifecycle');
    const listed = await client.send(new ListTablesCommand({}));
    expect(listed.TableNames).toEqual(expect.arrayContaining(['Items', 'Lifecycle']));
    const again = client.send(
      new CreateTableCommand({
        TableName: 'Lifecycle',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await expect(again).rejects.toMatchObject({
      name: 'ResourceInUseException',
      message: 'Table already exists: Lifecycle',
    });
    await client.send(new DeleteTableCommand({ TableName: 'Lifecycle' }));
    await expect
      .poll(async () => (await client.send(new ListTablesCommand({}))).TableNames, { interval: 50, timeout: 5000 })
      .not.toContain('Lifecycle');
    await expect(client.send(new DescribeTableCommand({ TableName: 'Lifecycle' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('puts, gets, updates and deletes items through the document client', async () => {
    await doc.send(
      new PutCommand({
        TableName: 'Items',
        Item: {
          pk: 'USER#zed',
          sk: 'PROFILE',
          age: 30,
          tags: new Set(['a', 'b']),
          address: { city: 'Oslo' },
          active: true,
        },
      }),
    );
    const got = await doc.send(new GetCommand({ TableName: 'Items', Key: { pk: 'USER#zed', sk: 'PROFILE' } }));
    expect(got.Item).toEqual({
      pk: 'USER#zed',
      sk: 'PROFILE',
      age: 30,
      tags: new Set(['a', 'b']),
      address: { city: 'Oslo' },
      active: true,
    });
    const updated = await doc.send(
      new UpdateCommand({
        TableName: 'Items',
        Key: { pk: 'USER#zed', sk: 'PROFILE' },
        UpdateExpression: 'SET age = age + :one, address.city = :city',
        ExpressionAttributeValues: { ':one': 1, ':city': 'Lima' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    expect(updated.Attributes).toMatchObject({ age: 31, address: { city: 'Lima' } });
    await doc.send(new DeleteCommand({ TableName: 'Items', Key: { pk: 'USER#zed', sk: 'PROFILE' } }));
    const gone = await doc.send(new GetCommand({ TableName: 'Items', Key: { pk: 'USER#zed', sk: 'PROFILE' } }));
    expect(gone.Item).toBeUndefined();
  });

  it('refuses a conditional write whose condition fails, leaving the item as it was', async () => {
    await doc.send(new PutCommand({ TableName: 'Items', Item: { pk: 'COND', sk: '1', v: 1 } }));
    const put = doc.send(
      new PutCommand({
        TableName: 'Items',
        Item: { pk: 'COND', sk: '1', v: 2 },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    await expect(put).rejects.toMatchObject({
      name: 'ConditionalCheckFailedException',
      message: 'The conditional request failed',
    });
    const update = doc.send(
      new UpdateCommand({
        TableName: 'Items',
        Key: { pk: 'COND', sk: '1' },
        UpdateExpression: 'SET v = :v',
        ConditionExpression: 'v = :expected',
        ExpressionAttributeValues: { ':v': 3, ':expected': 99 },
      }),
    );
    await expect(update).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    const withOld = client.send(
      new PutItemCommand({
        TableName: 'Items',
        Item: { pk: { S: 'COND' }, sk: { S: '1' }, v: { N: '4' } },
        ConditionExpression: 'attribute_not_exists(pk)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    await expect(withOld).rejects.toMatchObject({
      name: 'ConditionalCheckFailedException',
      Item: { pk: { S: 'COND' }, v: { N: '1' } },
    });
    expect((await doc.send(new GetCommand({ TableName: 'Items', Key: { pk: 'COND', sk: '1' } }))).Item?.v).toBe(1);
  });

  it('answers ValidationException and ResourceNotFoundException with the names AWS uses', async () => {
    await expect(
      client.send(new PutItemCommand({ TableName: 'Items', Item: { pk: { S: 'only-hash' } } })),
    ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('Missing the key sk') });
    await expect(
      client.send(new PutItemCommand({ TableName: 'Nope', Item: { pk: { S: 'x' } } })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('queries by key condition, newest first, and on a global secondary index', async () => {
    await createTable(client, 'Posts', {
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'author', AttributeType: 'S' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byAuthor',
          KeySchema: [{ AttributeName: 'author', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
    const items = [
      { pk: 'USER#a', sk: 'PROFILE', author: 'x' },
      { pk: 'USER#a', sk: 'POST#2026-01-01', author: 'a' },
      { pk: 'USER#a', sk: 'POST#2026-02-01', author: 'a' },
      { pk: 'USER#b', sk: 'POST#2026-03-01', author: 'b' },
    ];
    for (const Item of items) await doc.send(new PutCommand({ TableName: 'Posts', Item }));
    const posts = await doc.send(
      new DocQuery({
        TableName: 'Posts',
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :post)',
        ExpressionAttributeValues: { ':pk': 'USER#a', ':post': 'POST#' },
        ScanIndexForward: false,
      }),
    );
    expect(posts.Items?.map((i) => i.sk)).toEqual(['POST#2026-02-01', 'POST#2026-01-01']);
    const byAuthor = await client.send(
      new QueryCommand({
        TableName: 'Posts',
        IndexName: 'byAuthor',
        KeyConditionExpression: 'author = :a',
        ExpressionAttributeValues: { ':a': { S: 'a' } },
      }),
    );
    expect(byAuthor.Count).toBe(2);
    await expect(
      client.send(
        new QueryCommand({
          TableName: 'Posts',
          IndexName: 'nope',
          KeyConditionExpression: 'author = :a',
          ExpressionAttributeValues: { ':a': { S: 'a' } },
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('pages a Scan with Limit and ExclusiveStartKey, seeing every item once', async () => {
    await createTable(client, 'Many');
    const all = Array.from({ length: 230 }, (_, i) => ({ pk: `P${String(i).padStart(3, '0')}`, sk: 'x', n: i }));
    for (let i = 0; i < all.length; i += 25) {
      await client.send(
        new BatchWriteItemCommand({
          RequestItems: {
            Many: all.slice(i, i + 25).map((item) => ({
              PutRequest: { Item: { pk: { S: item.pk }, sk: { S: item.sk }, n: { N: String(item.n) } } },
            })),
          },
        }),
      );
    }
    const seen: string[] = [];
    let start: Record<string, AttributeValue> | undefined;
    let pages = 0;
    do {
      const page = await client.send(new ScanCommand({ TableName: 'Many', Limit: 100, ExclusiveStartKey: start }));
      pages++;
      seen.push(...(page.Items ?? []).map((i) => i.pk?.S ?? ''));
      start = page.LastEvaluatedKey;
      if (start) expect(page.Count).toBe(100);
    } while (start);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(230);
    expect(seen.length).toBe(230);
  });

  it('pages ListTables with Limit and ExclusiveStartTableName, in name order', async () => {
    const first = await client.send(new ListTablesCommand({ Limit: 2 }));
    expect(first.TableNames).toHaveLength(2);
    expect(first.LastEvaluatedTableName).toBe(first.TableNames?.[1]);
    const rest = await client.send(new ListTablesCommand({ ExclusiveStartTableName: first.LastEvaluatedTableName }));
    const all = [...(first.TableNames ?? []), ...(rest.TableNames ?? [])];
    expect(all).toEqual([...all].sort());
    expect(all).toEqual(expect.arrayContaining(['Items', 'Many', 'Posts']));
    expect(new Set(all).size).toBe(all.length);
  });

  it('writes and reads in batches across tables', async () => {
    await client.send(
      new BatchWriteItemCommand({
        RequestItems: {
          Items: [
            { PutRequest: { Item: { pk: { S: 'B' }, sk: { S: '1' } } } },
            { PutRequest: { Item: { pk: { S: 'B' }, sk: { S: '2' } } } },
          ],
          Posts: [{ PutRequest: { Item: { pk: { S: 'B' }, sk: { S: '3' } } } }],
        },
      }),
    );
    const got = await client.send(
      new BatchGetItemCommand({
        RequestItems: {
          Items: {
            Keys: [
              { pk: { S: 'B' }, sk: { S: '1' } },
              { pk: { S: 'B' }, sk: { S: '2' } },
              { pk: { S: 'B' }, sk: { S: 'missing' } },
            ],
          },
          Posts: { Keys: [{ pk: { S: 'B' }, sk: { S: '3' } }] },
        },
      }),
    );
    expect(got.Responses?.Items?.map((i) => i.sk?.S).sort()).toEqual(['1', '2']);
    expect(got.Responses?.Posts).toHaveLength(1);
    await client.send(
      new BatchWriteItemCommand({
        RequestItems: { Items: [{ DeleteRequest: { Key: { pk: { S: 'B' }, sk: { S: '1' } } } }] },
      }),
    );
    const after = await client.send(
      new BatchGetItemCommand({ RequestItems: { Items: { Keys: [{ pk: { S: 'B' }, sk: { S: '1' } }] } } }),
    );
    expect(after.Responses?.Items).toEqual([]);
  });

  it('applies injected throttling, which the SDK retries, and names the error as DynamoDB does', async () => {
    await emu.admin('faults', {
      service: 'dynamodb',
      operation: 'PutItem',
      count: 2,
      error: { code: 'ProvisionedThroughputExceededException' },
    });
    const out = await client.send(
      new PutItemCommand({ TableName: 'Items', Item: { pk: { S: 'retry' }, sk: { S: '1' } } }),
    );
    expect(out.$metadata.attempts).toBe(3);
    await emu.admin('faults', {
      service: 'dynamodb',
      operation: 'GetItem',
      count: 5,
      error: { code: 'InternalServerError' },
    });
    const failing = new DynamoDBClient({ ...emu.clientConfig, maxAttempts: 1 });
    await expect(
      failing.send(new GetItemCommand({ TableName: 'Items', Key: { pk: { S: 'retry' }, sk: { S: '1' } } })),
    ).rejects.toMatchObject({ name: 'InternalServerError', $metadata: { httpStatusCode: 500 } });
    failing.destroy();
    await emu.admin('faults', undefined, 'DELETE');
  });

  it('names ExecuteStatement as unsupported with a ValidationException, not a 500', async () => {
    const run = client.send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM "Items"' }));
    await expect(run).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'ExecuteStatement is not supported by this emulator',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('answers malformed JSON with SerializationException and unknown targets with UnknownOperationException, with CORS', async () => {
    const bad = await rawDynamoDb(emu, 'PutItem', '{"TableName": "Items", ', 'http://localhost:5173');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(((await bad.json()) as { __type: string }).__type).toMatch(/#SerializationException$/);
    const notObject = await rawDynamoDb(emu, 'PutItem', '[1,2]');
    expect(((await notObject.json()) as { __type: string }).__type).toMatch(/#SerializationException$/);
    const wrongTypes = await rawDynamoDb(emu, 'PutItem', '{"TableName": 5, "Item": "x"}');
    expect(wrongTypes.status).toBe(400);
    expect(((await wrongTypes.json()) as { __type: string }).__type).toMatch(/#SerializationException$/);
    const unknown = await rawDynamoDb(emu, 'FlyToTheMoon', '{}');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { __type: string }).__type).toMatch(/#UnknownOperationException$/);
    // Still serving afterwards.
    expect((await client.send(new ListTablesCommand({}))).TableNames).toContain('Items');
  });

  it('lets a browser read the request id and answers with the right content type', async () => {
    const res = await rawDynamoDb(emu, 'ListTables', '{}', 'http://localhost:5173');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(res.headers.get('access-control-expose-headers')).toMatch(/x-amzn-RequestId/i);
    expect(((await res.json()) as { TableNames: string[] }).TableNames).toContain('Items');
  });
});

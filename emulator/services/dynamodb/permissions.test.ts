import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BatchWriteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { EMULATOR_ADMIN_ROLE_NAME } from '../../seed/accounts.js';
import { startTestEmulator, type TestEmulator } from '../../testing.js';
import { createTable } from './test-helpers.js';

/** Narrow the admin role (static keys' role) to a policy, the way a person edits DATA/auth/roles. */
function setRolePolicy(emu: TestEmulator, statements: unknown[]): void {
  const file = join(emu.dataDir, 'auth', 'roles', `${EMULATOR_ADMIN_ROLE_NAME}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      RoleName: EMULATOR_ADMIN_ROLE_NAME,
      PolicyDocument: { Version: '2012-10-17', Statement: statements },
    }),
  );
}

describe('dynamodb asks IAM for the action and ARN AWS would', () => {
  let emu: TestEmulator;
  let client: DynamoDBClient;
  const arn = (suffix: string) => `arn:aws:dynamodb:${emu.region}:${emu.accountId}:table/${suffix}`;

  beforeAll(async () => {
    emu = await startTestEmulator();
    client = new DynamoDBClient(emu.clientConfig);
    const gsi = {
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' as const },
        { AttributeName: 'sk', AttributeType: 'S' as const },
        { AttributeName: 'g', AttributeType: 'S' as const },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byG',
          KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' as const }],
          Projection: { ProjectionType: 'ALL' as const },
        },
      ],
    };
    await Promise.all([createTable(client, 'Open', gsi), createTable(client, 'Closed')]);
    setRolePolicy(emu, [
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'],
        Resource: arn('Open'),
      },
      { Effect: 'Allow', Action: 'dynamodb:Query', Resource: arn('Open/index/byG') },
    ]);
  });
  afterAll(async () => {
    client.destroy();
    await emu.dispose();
  });

  it('allows what the policy names and denies the rest with AccessDeniedException', async () => {
    await client.send(
      new PutItemCommand({ TableName: 'Open', Item: { pk: { S: 'a' }, sk: { S: 'b' }, g: { S: 'x' } } }),
    );
    expect(
      (await client.send(new GetItemCommand({ TableName: 'Open', Key: { pk: { S: 'a' }, sk: { S: 'b' } } }))).Item,
    ).toBeDefined();
    await expect(
      client.send(new GetItemCommand({ TableName: 'Closed', Key: { pk: { S: 'a' }, sk: { S: 'b' } } })),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('dynamodb:GetItem'),
    });
    await expect(client.send(new ListTablesCommand({}))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining(`dynamodb:ListTables on resource: ${arn('*')}`),
    });
  });

  it('checks Query on an index against the index ARN', async () => {
    const onIndex = await client.send(
      new QueryCommand({
        TableName: 'Open',
        IndexName: 'byG',
        KeyConditionExpression: 'g = :g',
        ExpressionAttributeValues: { ':g': { S: 'x' } },
      }),
    );
    expect(onIndex.Count).toBe(1);
    await expect(
      client.send(
        new QueryCommand({
          TableName: 'Open',
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': { S: 'a' } },
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('checks a batch against every table it names, and a transaction per entry', async () => {
    const batch = client.send(
      new BatchWriteItemCommand({
        RequestItems: {
          Open: [{ PutRequest: { Item: { pk: { S: 'b1' }, sk: { S: '1' } } } }],
          Closed: [{ PutRequest: { Item: { pk: { S: 'b1' }, sk: { S: '1' } } } }],
        },
      }),
    );
    await expect(batch).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(
      (await client.send(new GetItemCommand({ TableName: 'Open', Key: { pk: { S: 'b1' }, sk: { S: '1' } } }))).Item,
    ).toBeUndefined();

    await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: 'Open', Item: { pk: { S: 't' }, sk: { S: '1' } } } },
          {
            ConditionCheck: {
              TableName: 'Open',
              Key: { pk: { S: 'a' }, sk: { S: 'b' } },
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
        ],
      }),
    );
    const denied = client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: 'Open', Item: { pk: { S: 't' }, sk: { S: '2' } } } },
          { Delete: { TableName: 'Open', Key: { pk: { S: 'a' }, sk: { S: 'b' } } } },
        ],
      }),
    );
    await expect(denied).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('dynamodb:DeleteItem'),
    });
    expect(
      (await client.send(new GetItemCommand({ TableName: 'Open', Key: { pk: { S: 't' }, sk: { S: '2' } } }))).Item,
    ).toBeUndefined();
  });
});

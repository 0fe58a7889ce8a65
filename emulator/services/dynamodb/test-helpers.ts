import {
  CreateTableCommand,
  DescribeTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { signedRequest, type TestEmulator } from '../../testing.js';

/** Poll DescribeTable until the table is ACTIVE (the SDK waiter's 20 s minimum delay is too slow for tests). */
export async function waitActive(client: DynamoDBClient, TableName: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const out = await client.send(new DescribeTableCommand({ TableName }));
    if (out.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${TableName} never became ACTIVE`);
}

/** A table with a string hash key `pk` and, unless `hashOnly`, a string range key `sk`; waits for ACTIVE. */
export async function createTable(
  client: DynamoDBClient,
  TableName: string,
  extra: Partial<CreateTableCommandInput> = {},
): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      ...extra,
    }),
  );
  await waitActive(client, TableName);
}

/** A raw DynamoDB request signed with the emulator's keys, for bodies the SDK would never send. */
export function rawDynamoDb(emu: TestEmulator, target: string, body: string, origin?: string): Promise<Response> {
  const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${target}` };
  return signedRequest(emu, { service: 'dynamodb', headers: origin ? { ...headers, origin } : headers, body });
}

// DynamoDB on the emulator: a 100-item Scan page over a 1,200-item table (the console's table view),
// plus single-item write and read rates for scale.
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  type AttributeValue,
  type DynamoDBClientConfig,
} from '@aws-sdk/client-dynamodb';

const ITEMS = 1200;
const RUNS = 20;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const round = (n: number) => Math.round(n * 100) / 100;

function item(i: number): Record<string, AttributeValue> {
  return {
    pk: { S: `ITEM#${String(i).padStart(6, '0')}` },
    name: { S: `Item number ${i}` },
    price: { N: String((i % 997) / 10) },
    tags: { SS: ['bench', `t${i % 7}`] },
    meta: { M: { createdBy: { S: 'bench' }, version: { N: String(i % 5) } } },
    active: { BOOL: i % 2 === 0 },
  };
}

export async function benchDynamoDb(clientConfig: DynamoDBClientConfig): Promise<Record<string, number>> {
  const client = new DynamoDBClient(clientConfig);
  const TableName = `bench-scan-${Date.now()}`;
  try {
    await client.send(
      new CreateTableCommand({
        TableName,
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    while ((await client.send(new DescribeTableCommand({ TableName }))).Table?.TableStatus !== 'ACTIVE') {
      await new Promise((r) => setTimeout(r, 50));
    }
    const batches: Array<Record<string, AttributeValue>[]> = [];
    for (let i = 0; i < ITEMS; i += 25)
      batches.push(Array.from({ length: Math.min(25, ITEMS - i) }, (_, j) => item(i + j)));
    for (let i = 0; i < batches.length; i += 4) {
      await Promise.all(
        batches.slice(i, i + 4).map((batch) =>
          client.send(
            new BatchWriteItemCommand({
              RequestItems: { [TableName]: batch.map((Item) => ({ PutRequest: { Item } })) },
            }),
          ),
        ),
      );
    }

    // Walk the table page by page, as the console's "load more" does, timing each 100-item page;
    // past the end, start again from the top.
    const scanTimes: number[] = [];
    let start: Record<string, AttributeValue> | undefined;
    for (let warmup = 2; scanTimes.length < RUNS;) {
      const t = performance.now();
      const page = await client.send(new ScanCommand({ TableName, Limit: 100, ExclusiveStartKey: start }));
      const ms = performance.now() - t;
      start = page.LastEvaluatedKey;
      if (page.Count !== 100) {
        start = undefined;
        continue;
      }
      if (warmup > 0) warmup--;
      else scanTimes.push(ms);
    }

    const putTimes: number[] = [];
    const putStarted = performance.now();
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await client.send(new PutItemCommand({ TableName, Item: item(ITEMS + i) }));
      putTimes.push(performance.now() - t);
    }
    const putSeconds = (performance.now() - putStarted) / 1000;

    const getTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await client.send(
        new GetItemCommand({ TableName, Key: { pk: { S: `ITEM#${String(i * 5).padStart(6, '0')}` } } }),
      );
      getTimes.push(performance.now() - t);
    }

    return {
      'Scan 100-item page, ms (median of 20, 1,200-item table)': round(median(scanTimes)),
      'PutItem, ms (median, fsynced, sequential)': round(median(putTimes)),
      'PutItem/s (sequential)': Math.round(200 / putSeconds),
      'GetItem, ms (median)': round(median(getTimes)),
    };
  } finally {
    await client.send(new DeleteTableCommand({ TableName })).catch(() => undefined);
    client.destroy();
  }
}

import { toAppError } from '../errors';
import type {
  AttributeValue,
  DeleteItemCommandInput,
  PutItemCommandInput,
  TableDescription,
  WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { pageOf, type Page } from '../paging';
import { send } from '../send';
import { formatItem, parseItem, valuesEqual, type Item } from './attribute-value';
import type { KeySchemaInfo, ReadRequest, ScalarType } from './expressions';
import { keyOf, unchangedSince } from './optimistic-lock';

// Our AttrValue and the SDK's AttributeValue are the same JSON shape (N as text, B as bytes); the SDK's
// union only adds an `$unknown` member for types newer than the client.
const toSdk = (item: Item) => item as unknown as Record<string, AttributeValue>;
const fromSdk = (item: Record<string, AttributeValue>) => item as unknown as Item;

export async function listTableNames(
  params: { region: string; token?: string | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<Page<string>> {
  const out = await send(
    'dynamodb',
    params.region,
    (ddb) => new ddb.ListTablesCommand({ ExclusiveStartTableName: params.token, Limit: params.limit ?? 100 }),
    signal,
  );
  return pageOf(out.TableNames ?? [], out.LastEvaluatedTableName);
}

export interface IndexInfo extends KeySchemaInfo {
  name: string;
  kind: 'global' | 'local';
  /** ALL, KEYS_ONLY, or INCLUDE with the names. */
  projection: string;
  status?: string;
}

export interface TableInfo extends KeySchemaInfo {
  name: string;
  arn?: string;
  status: string;
  itemCount?: number;
  sizeBytes?: number;
  billingMode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  readCapacity?: number;
  writeCapacity?: number;
  createdAt?: Date;
  indexes: IndexInfo[];
}

function keysOf(
  schema: Array<{ AttributeName?: string; KeyType?: string }> | undefined,
  types: Map<string, ScalarType>,
): KeySchemaInfo {
  const hash = schema?.find((k) => k.KeyType === 'HASH')?.AttributeName ?? '';
  const range = schema?.find((k) => k.KeyType === 'RANGE')?.AttributeName;
  return {
    partition: { name: hash, type: types.get(hash) ?? 'S' },
    ...(range ? { sort: { name: range, type: types.get(range) ?? 'S' } } : {}),
  };
}

export function tableInfoOf(t: TableDescription): TableInfo {
  const types = new Map<string, ScalarType>(
    (t.AttributeDefinitions ?? []).map((a) => [a.AttributeName ?? '', (a.AttributeType ?? 'S') as ScalarType]),
  );
  const projection = (p: { ProjectionType?: string; NonKeyAttributes?: string[] } | undefined) =>
    p?.ProjectionType === 'INCLUDE' ? `INCLUDE ${(p.NonKeyAttributes ?? []).join(', ')}` : (p?.ProjectionType ?? 'ALL');
  const indexes: IndexInfo[] = [
    ...(t.GlobalSecondaryIndexes ?? []).map((g) => ({
      name: g.IndexName ?? '',
      kind: 'global' as const,
      projection: projection(g.Projection),
      ...(g.IndexStatus ? { status: g.IndexStatus } : {}),
      ...keysOf(g.KeySchema, types),
    })),
    ...(t.LocalSecondaryIndexes ?? []).map((l) => ({
      name: l.IndexName ?? '',
      kind: 'local' as const,
      projection: projection(l.Projection),
      ...keysOf(l.KeySchema, types),
    })),
  ];
  const provisioned =
    t.BillingModeSummary?.BillingMode !== 'PAY_PER_REQUEST' && (t.ProvisionedThroughput?.ReadCapacityUnits ?? 0) > 0;
  return {
    name: t.TableName ?? '',
    ...(t.TableArn ? { arn: t.TableArn } : {}),
    status: t.TableStatus ?? 'UNKNOWN',
    ...(t.ItemCount !== undefined ? { itemCount: t.ItemCount } : {}),
    ...(t.TableSizeBytes !== undefined ? { sizeBytes: t.TableSizeBytes } : {}),
    billingMode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
    ...(provisioned
      ? {
          readCapacity: t.ProvisionedThroughput?.ReadCapacityUnits ?? 0,
          writeCapacity: t.ProvisionedThroughput?.WriteCapacityUnits ?? 0,
        }
      : {}),
    ...(t.CreationDateTime ? { createdAt: t.CreationDateTime } : {}),
    indexes,
    ...keysOf(t.KeySchema, types),
  };
}

export async function describeTable(
  params: { region: string; table: string },
  signal?: AbortSignal,
): Promise<TableInfo> {
  const out = await send(
    'dynamodb',
    params.region,
    (ddb) => new ddb.DescribeTableCommand({ TableName: params.table }),
    signal,
  );
  if (!out.Table) throw new Error(`DescribeTable returned no table for ${params.table}`);
  return tableInfoOf(out.Table);
}

export interface CreateTableSpec {
  name: string;
  partition: { name: string; type: ScalarType };
  sort?: { name: string; type: ScalarType };
  billingMode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  readCapacity?: number;
  writeCapacity?: number;
  gsi?: { name: string; partition: { name: string; type: ScalarType }; sort?: { name: string; type: ScalarType } };
}

export async function createTable(
  params: { region: string; spec: CreateTableSpec },
  signal?: AbortSignal,
): Promise<TableInfo> {
  const { spec } = params;
  const attrs = new Map<string, ScalarType>();
  const schema = (k: { partition: { name: string; type: ScalarType }; sort?: { name: string; type: ScalarType } }) => {
    attrs.set(k.partition.name, k.partition.type);
    if (k.sort) attrs.set(k.sort.name, k.sort.type);
    return [
      { AttributeName: k.partition.name, KeyType: 'HASH' as const },
      ...(k.sort ? [{ AttributeName: k.sort.name, KeyType: 'RANGE' as const }] : []),
    ];
  };
  const provisioned = spec.billingMode === 'PROVISIONED';
  const throughput = provisioned
    ? {
        ProvisionedThroughput: {
          ReadCapacityUnits: spec.readCapacity ?? 5,
          WriteCapacityUnits: spec.writeCapacity ?? 5,
        },
      }
    : {};
  const keySchema = schema(spec);
  const gsi = spec.gsi
    ? [
        {
          IndexName: spec.gsi.name,
          KeySchema: schema(spec.gsi),
          Projection: { ProjectionType: 'ALL' as const },
          ...throughput,
        },
      ]
    : undefined;
  const out = await send(
    'dynamodb',
    params.region,
    (ddb) =>
      new ddb.CreateTableCommand({
        TableName: spec.name,
        KeySchema: keySchema,
        AttributeDefinitions: [...attrs].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
        BillingMode: spec.billingMode,
        ...throughput,
        ...(gsi ? { GlobalSecondaryIndexes: gsi } : {}),
      }),
    signal,
  );
  if (!out.TableDescription) throw new Error('CreateTable returned no description');
  return tableInfoOf(out.TableDescription);
}

export async function deleteTable(params: { region: string; table: string }, signal?: AbortSignal): Promise<void> {
  await send('dynamodb', params.region, (ddb) => new ddb.DeleteTableCommand({ TableName: params.table }), signal);
}

// ---------- reading items ----------

/** A page token: the LastEvaluatedKey as DynamoDB JSON (never put in the URL). */
export function encodeToken(key: Item): string {
  return formatItem(key, 'dynamodb', 0);
}
export function decodeToken(token: string): Item {
  return parseItem(token, 'dynamodb');
}

export interface ItemPage extends Page<Item> {
  /** Items DynamoDB read for this page (before the filter). */
  scanned: number;
  /** Requests this page took (a sparse filter takes several). */
  requests: number;
  /** True when the page stopped at the request cap with fewer rows than asked for. */
  isCapped: boolean;
}

/** Requests one page may take to fill itself when a filter leaves pages sparse. */
export const MAX_REQUESTS_PER_PAGE = 10;

/**
 * One page of a Query or Scan: follows LastEvaluatedKey until `pageSize` items matched, the results end,
 * or the request cap is reached. A page is cut at exactly `pageSize` rows, its token then being the key
 * of the last row kept (table keys plus the index's), which is what DynamoDB's own LastEvaluatedKey holds.
 */
export async function readPage(
  params: {
    region: string;
    request: ReadRequest;
    pageSize: number;
    token?: string | undefined;
    tableKeys: KeySchemaInfo;
    indexKeys?: KeySchemaInfo | undefined;
  },
  signal?: AbortSignal,
): Promise<ItemPage> {
  const { request, pageSize } = params;
  const { operation, ...input } = request;
  const items: Item[] = [];
  let scanned = 0;
  let requests = 0;
  let start: Item | undefined = params.token ? decodeToken(params.token) : undefined;
  for (;;) {
    const common = {
      ...input,
      ...(input.ExpressionAttributeValues ? { ExpressionAttributeValues: toSdk(input.ExpressionAttributeValues) } : {}),
      Limit: pageSize,
      ...(start ? { ExclusiveStartKey: toSdk(start) } : {}),
    };
    const out = await send(
      'dynamodb',
      params.region,
      (ddb) => (operation === 'Query' ? new ddb.QueryCommand(common) : new ddb.ScanCommand(common)),
      signal,
    );
    requests++;
    scanned += out.ScannedCount ?? 0;
    const got = (out.Items ?? []).map(fromSdk);
    const room = pageSize - items.length;
    if (got.length > room) {
      items.push(...got.slice(0, room));
      const last = items[items.length - 1]!;
      const cut = { ...keyOf(last, params.tableKeys), ...(params.indexKeys ? keyOf(last, params.indexKeys) : {}) };
      return { items, nextToken: encodeToken(cut), scanned, requests, isCapped: false };
    }
    items.push(...got);
    start = out.LastEvaluatedKey ? fromSdk(out.LastEvaluatedKey) : undefined;
    const nextToken = start ? encodeToken(start) : undefined;
    if (!start || items.length >= pageSize || requests >= MAX_REQUESTS_PER_PAGE) {
      const isCapped = start !== undefined && items.length < pageSize;
      return { ...pageOf(items, nextToken), scanned, requests, isCapped };
    }
  }
}

export async function getItem(
  params: { region: string; table: string; key: Item },
  signal?: AbortSignal,
): Promise<Item | undefined> {
  const out = await send(
    'dynamodb',
    params.region,
    (ddb) => new ddb.GetItemCommand({ TableName: params.table, Key: toSdk(params.key), ConsistentRead: true }),
    signal,
  );
  return out.Item ? fromSdk(out.Item) : undefined;
}

// ---------- writing items ----------

/** A save refused because the item is no longer as it was loaded; `current` is what is there now. */
export class ItemChangedError extends Error {
  constructor(readonly current: Item | undefined) {
    super(current ? 'Someone changed this item after you loaded it' : 'This item was deleted after you loaded it');
    this.name = 'ItemChangedError';
  }
}

/** A new key that is already taken. */
export class KeyTakenError extends Error {
  constructor(readonly current: Item) {
    super('An item with this key already exists');
    this.name = 'KeyTakenError';
  }
}

/** What a save sends: the item, on condition that it is still as loaded (or absent, for a new one). */
export function putItemInput(params: {
  table: string;
  keys: KeySchemaInfo;
  item: Item;
  expected: Item | undefined;
}): PutItemCommandInput {
  const condition = unchangedSince(params.expected, params.keys, params.item);
  return {
    TableName: params.table,
    Item: toSdk(params.item),
    ConditionExpression: condition.ConditionExpression,
    ExpressionAttributeNames: condition.ExpressionAttributeNames,
    ...(condition.ExpressionAttributeValues
      ? { ExpressionAttributeValues: toSdk(condition.ExpressionAttributeValues) }
      : {}),
  };
}

/** What a delete sends: the key, on condition that the item is still as loaded (when `expected` is given). */
export function deleteItemInput(params: {
  table: string;
  keys: KeySchemaInfo;
  key: Item;
  expected?: Item;
}): DeleteItemCommandInput {
  const condition = params.expected ? unchangedSince(params.expected, params.keys) : undefined;
  return {
    TableName: params.table,
    Key: toSdk(params.key),
    ...(condition
      ? {
          ConditionExpression: condition.ConditionExpression,
          ExpressionAttributeNames: condition.ExpressionAttributeNames,
          ...(condition.ExpressionAttributeValues
            ? { ExpressionAttributeValues: toSdk(condition.ExpressionAttributeValues) }
            : {}),
        }
      : {}),
  };
}

/**
 * PutItem on condition that the item under its key is still `expected` (undefined: that no item is
 * there). A consistent read first catches attributes others added (a condition cannot name attributes
 * it does not know); the condition then guards the moment of the write.
 */
export async function saveItem(
  params: { region: string; table: string; keys: KeySchemaInfo; item: Item; expected: Item | undefined },
  signal?: AbortSignal,
): Promise<void> {
  const { region, table, keys, item, expected } = params;
  const key = keyOf(item, keys);
  const now = await getItem({ region, table, key }, signal);
  const isSame =
    expected === undefined
      ? now === undefined
      : now !== undefined &&
        Object.keys(now).length === Object.keys(expected).length &&
        Object.entries(expected).every(([k, v]) => valuesEqual(v, now[k]));
  if (!isSame) {
    if (expected === undefined && now) throw new KeyTakenError(now);
    throw new ItemChangedError(now);
  }
  try {
    await send('dynamodb', region, (ddb) => new ddb.PutItemCommand(putItemInput(params)), signal);
  } catch (e) {
    if (toAppError(e).code !== 'ConditionalCheckFailedException') throw e;
    const current = await getItem({ region, table, key }, signal);
    if (expected === undefined && current) throw new KeyTakenError(current);
    throw new ItemChangedError(current);
  }
}

/** DeleteItem on condition that the item is still as loaded (when `expected` is given). */
export async function deleteItem(
  params: { region: string; table: string; keys: KeySchemaInfo; key: Item; expected?: Item },
  signal?: AbortSignal,
): Promise<void> {
  const { region, table } = params;
  try {
    await send('dynamodb', region, (ddb) => new ddb.DeleteItemCommand(deleteItemInput(params)), signal);
  } catch (e) {
    if (toAppError(e).code !== 'ConditionalCheckFailedException') throw e;
    throw new ItemChangedError(await getItem({ region, table, key: params.key }, signal));
  }
}

export interface BatchProgress {
  signal?: AbortSignal;
  onProgress?: (done: number) => void;
  /** Called for each item that could not be written after every retry. */
  onFailure?: (item: Item, message: string) => void;
  /** Back-off base in ms (tests use less). */
  backoffMs?: number;
}

const BATCH = 25;
const MAX_BATCH_ATTEMPTS = 8;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
      },
      { once: true },
    );
  });
}

/**
 * BatchWriteItem in batches of 25; UnprocessedItems are sent again with exponential back-off (and
 * jitter) up to 8 attempts; what is still unprocessed, or a batch refused outright, is reported per item.
 */
export async function batchWrite(
  params: { region: string; table: string; requests: Array<{ put: Item } | { delete: Item }> },
  progress: BatchProgress = {},
): Promise<{ written: number; failed: number }> {
  const { region, table } = params;
  const base = progress.backoffMs ?? 100;
  let written = 0;
  let failed = 0;
  const sdkRequest = (r: { put: Item } | { delete: Item }): WriteRequest =>
    'put' in r ? { PutRequest: { Item: toSdk(r.put) } } : { DeleteRequest: { Key: toSdk(r.delete) } };
  for (let i = 0; i < params.requests.length; i += BATCH) {
    const batch = params.requests.slice(i, i + BATCH);
    let pending: WriteRequest[] = batch.map(sdkRequest);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_BATCH_ATTEMPTS) {
        for (const r of pending) {
          failed++;
          progress.onFailure?.(
            fromSdk(r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {}),
            'still unprocessed after 8 attempts',
          );
        }
        break;
      }
      if (attempt > 0) await sleep(Math.min(base * 2 ** attempt, 5000) * (0.5 + Math.random() / 2), progress.signal);
      let out;
      try {
        out = await send(
          'dynamodb',
          region,
          (ddb) => new ddb.BatchWriteItemCommand({ RequestItems: { [table]: pending } }),
          progress.signal,
        );
      } catch (e) {
        const failure = toAppError(e);
        if (failure.code === 'AbortError') throw e;
        // Throttling and 5xx are worth another attempt; anything else fails the whole batch.
        if (failure.kind === 'throttled' || (failure.status ?? 0) >= 500) continue;
        for (const r of pending) {
          failed++;
          progress.onFailure?.(fromSdk(r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {}), (e as Error).message);
        }
        break;
      }
      const left = out.UnprocessedItems?.[table] ?? [];
      written += pending.length - left.length;
      progress.onProgress?.(written);
      pending = left;
    }
  }
  return { written, failed };
}

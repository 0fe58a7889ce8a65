import { AwsError } from '../../core/errors.js';
import { DynamoDbError } from './dynamodb-error.js';
import type { DynaliteEngine, DynaliteOperation, Input, Item, TableDescription } from './dynalite-engine.js';

export interface CancellationReason {
  Code: string;
  Message?: string;
  Item?: Item;
}

/** TransactionCanceledException carries one reason per entry, in request order. */
export class TransactionCanceled extends DynamoDbError {
  constructor(reasons: CancellationReason[]) {
    super(
      'TransactionCanceledException',
      `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
      { CancellationReasons: reasons },
    );
  }
}

const WRITE_KINDS: Record<string, DynaliteOperation> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  // A condition check validates like a DeleteItem with a condition, and writes nothing.
  ConditionCheck: 'DeleteItem',
};

interface Step {
  kind: string;
  operation: DynaliteOperation;
  data: Input;
  table: TableDescription;
  key: Item;
  returnOld: boolean;
  existing?: Item;
}

const validation = (message: string) => new AwsError('ValidationException', message);
const isRecord = (v: unknown): v is Input => !!v && typeof v === 'object' && !Array.isArray(v);

function entriesOf(input: Input, kinds: string[]): Array<[string, Input]> {
  const items = input.TransactItems;
  if (!Array.isArray(items))
    throw validation("The parameter 'TransactItems' is required but was not present in the request");
  if (items.length === 0 || items.length > 100) {
    throw validation(
      `1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100 and greater than or equal to 1`,
    );
  }
  return items.map((entry) => {
    const present = isRecord(entry) ? kinds.filter((k) => isRecord(entry[k])) : [];
    const [kind] = present;
    if (present.length !== 1 || !kind || !isRecord(entry)) {
      throw validation(`TransactItems can only contain one of ${kinds.join(', ')}`);
    }
    return [kind, { ...(entry[kind] as Input) }];
  });
}

/** The key attributes of an item or key, checked against the table's key schema. */
export function keyOf(table: TableDescription, source: Input, isItem: boolean): Item {
  const key: Item = {};
  for (const { AttributeName } of table.KeySchema) {
    if (source[AttributeName] == null) {
      throw validation(
        isItem
          ? `One or more parameter values were invalid: Missing the key ${AttributeName} in the item`
          : 'The provided key element does not match the schema',
      );
    }
    key[AttributeName] = source[AttributeName];
  }
  if (!isItem && Object.keys(source).length !== table.KeySchema.length) {
    throw validation('The provided key element does not match the schema');
  }
  return key;
}

/**
 * TransactWriteItems, all or nothing: every condition is checked before anything is written; if a write
 * still fails (an update expression on a wrong type), the ones already made are rolled back.
 * The caller holds the exclusive write lock.
 */
export async function transactWriteItems(engine: DynaliteEngine, input: Input): Promise<Input> {
  const steps: Step[] = [];
  const seen = new Set<string>();
  for (const [kind, body] of entriesOf(input, Object.keys(WRITE_KINDS))) {
    const returnOld = body.ReturnValuesOnConditionCheckFailure === 'ALL_OLD';
    delete body.ReturnValuesOnConditionCheckFailure;
    if (kind === 'ConditionCheck' && typeof body.ConditionExpression !== 'string') {
      throw validation("The parameter 'ConditionExpression' is required but was not present in the request");
    }
    const operation = WRITE_KINDS[kind] as DynaliteOperation;
    const data = engine.validate(operation, body);
    const table = await engine.table(String(data.TableName));
    const key = keyOf(table, (kind === 'Put' ? data.Item : data.Key) as Input, kind === 'Put');
    const id = `${table.TableName}\u0000${engine.itemKey(table, key)}`;
    if (seen.has(id)) throw validation('Transaction request cannot include multiple operations on one item');
    seen.add(id);
    steps.push({ kind, operation, data, table, key, returnOld });
  }

  for (const step of steps) step.existing = await engine.currentItem(step.table, step.key);
  const reasons = steps.map((step): CancellationReason => {
    if (engine.conditionHolds(step.data, step.existing)) return { Code: 'None' };
    return {
      Code: 'ConditionalCheckFailed',
      Message: 'The conditional request failed',
      ...(step.returnOld && step.existing ? { Item: step.existing } : {}),
    };
  });
  if (reasons.some((r) => r.Code !== 'None')) throw new TransactionCanceled(reasons);

  const applied: Step[] = [];
  try {
    for (const step of steps) {
      if (step.kind === 'ConditionCheck') continue;
      await engine.run(step.operation, step.data);
      applied.push(step);
    }
  } catch (e) {
    for (const step of applied.reverse()) await restore(engine, step);
    throw e;
  }
  return {};
}

/** Put back the item as it was before the transaction touched it. */
async function restore(engine: DynaliteEngine, step: Step): Promise<void> {
  const TableName = step.table.TableName;
  if (step.existing) await engine.invoke('PutItem', { TableName, Item: step.existing });
  else await engine.invoke('DeleteItem', { TableName, Key: step.key });
}

/** TransactGetItems: a GetItem per entry, read together while no write runs (the caller holds the lock). */
export async function transactGetItems(engine: DynaliteEngine, input: Input): Promise<Input> {
  const responses: Input[] = [];
  for (const [, body] of entriesOf(input, ['Get'])) {
    const out = await engine.invoke('GetItem', { ...body, ConsistentRead: true });
    responses.push(out.Item ? { Item: out.Item } : {});
  }
  return { Responses: responses };
}

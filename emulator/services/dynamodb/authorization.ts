import type { Call, Grant } from '../../core/operations.js';
import type { Input } from './dynalite-engine.js';

const TRANSACT_WRITE_ACTIONS: Record<string, string> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};

const asRecord = (v: unknown): Input => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Input) : {});
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const nameOf = (v: unknown): string => (typeof v === 'string' ? v : '');

type ResourceOf = (input: Input, call: Call<null>) => string | string[];
type GrantsOf = (input: Input, call: Call<null>) => Grant[];

/**
 * The ARN(s) each kind of operation applies to (AWS's Service Authorization Reference for DynamoDB), for
 * the operation table: the table, its index for Query/Scan on one, every table of a batch, each entry's
 * own action in a transaction.
 */
export function dynamoDbResources(accountId: string): {
  table: ResourceOf;
  tableOrIndex: ResourceOf;
  allTables: ResourceOf;
  batchTables: ResourceOf;
  taggedResource: ResourceOf;
  transactGet: GrantsOf;
  transactWrite: GrantsOf;
} {
  const tableArn = (region: string, name: unknown) => `arn:aws:dynamodb:${region}:${accountId}:table/${nameOf(name)}`;
  return {
    table: (input, call) => tableArn(call.region, input.TableName),
    tableOrIndex: (input, call) => {
      const index = nameOf(input.IndexName);
      const table = tableArn(call.region, input.TableName);
      return index ? `${table}/index/${index}` : table;
    },
    // IAM matches "*"; AWS's denial message names the account's table/* ARN, so do the same.
    allTables: (_input, call) => tableArn(call.region, '*'),
    batchTables: (input, call) => Object.keys(asRecord(input.RequestItems)).map((name) => tableArn(call.region, name)),
    taggedResource: (input) => nameOf(input.ResourceArn) || '*',
    transactGet: (input, call) => {
      const tables = asList(input.TransactItems).map((entry) => asRecord(asRecord(entry).Get).TableName);
      return [{ action: 'dynamodb:GetItem', resources: [...new Set(tables.map((t) => tableArn(call.region, t)))] }];
    },
    transactWrite: (input, call) => {
      const byAction = new Map<string, Set<string>>();
      for (const entry of asList(input.TransactItems)) {
        for (const [kind, body] of Object.entries(asRecord(entry))) {
          const entryAction = Object.hasOwn(TRANSACT_WRITE_ACTIONS, kind) ? TRANSACT_WRITE_ACTIONS[kind] : undefined;
          if (!entryAction) continue;
          const set = byAction.get(entryAction) ?? new Set<string>();
          set.add(tableArn(call.region, asRecord(body).TableName));
          byAction.set(entryAction, set);
        }
      }
      return [...byAction].map(([a, arns]) => ({ action: a, resources: [...arns] }));
    },
  };
}

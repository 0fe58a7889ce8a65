import type { Input } from './dynalite-engine.js';

/** One IAM check: the action and every resource it applies to. */
export interface Grant {
  action: string;
  resources: string[];
}

const TRANSACT_WRITE_ACTIONS: Record<string, string> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};

const asRecord = (v: unknown): Input => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Input) : {});
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const nameOf = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The IAM actions and ARNs an operation needs (AWS's Service Authorization Reference for DynamoDB):
 * the table, its index for Query/Scan on one, every table of a batch, each entry's own action in a transaction.
 */
export function grantsFor(operation: string, input: Input, region: string, accountId: string): Grant[] {
  const tableArn = (name: unknown) => `arn:aws:dynamodb:${region}:${accountId}:table/${nameOf(name)}`;
  const action = `dynamodb:${operation}`;
  switch (operation) {
    case 'ListTables':
      // IAM matches "*"; AWS's denial message names the account's table/* ARN, so do the same.
      return [{ action, resources: [tableArn('*')] }];
    case 'DescribeLimits':
    case 'DescribeEndpoints':
      return [{ action, resources: ['*'] }];
    case 'TagResource':
    case 'UntagResource':
    case 'ListTagsOfResource':
      return [{ action, resources: [nameOf(input.ResourceArn) || '*'] }];
    case 'Query':
    case 'Scan': {
      const index = nameOf(input.IndexName);
      return [
        { action, resources: [index ? `${tableArn(input.TableName)}/index/${index}` : tableArn(input.TableName)] },
      ];
    }
    case 'BatchGetItem':
    case 'BatchWriteItem':
      return [{ action, resources: Object.keys(asRecord(input.RequestItems)).map(tableArn) }];
    case 'TransactGetItems': {
      const tables = asList(input.TransactItems).map((entry) => asRecord(asRecord(entry).Get).TableName);
      return [{ action: 'dynamodb:GetItem', resources: [...new Set(tables.map(tableArn))] }];
    }
    case 'TransactWriteItems': {
      const byAction = new Map<string, Set<string>>();
      for (const entry of asList(input.TransactItems)) {
        for (const [kind, body] of Object.entries(asRecord(entry))) {
          const entryAction = Object.hasOwn(TRANSACT_WRITE_ACTIONS, kind) ? TRANSACT_WRITE_ACTIONS[kind] : undefined;
          if (!entryAction) continue;
          const set = byAction.get(entryAction) ?? new Set<string>();
          set.add(tableArn(asRecord(body).TableName));
          byAction.set(entryAction, set);
        }
      }
      return [...byAction].map(([a, arns]) => ({ action: a, resources: [...arns] }));
    }
    default:
      return [{ action, resources: [tableArn(input.TableName)] }];
  }
}

import { AwsError } from '../../core/errors.js';
import type { Operation } from '../../core/operations.js';
import { dynamoDbResources } from './authorization.js';
import type { DynaliteOperation, Input } from './dynalite-engine.js';

/** Operations of the DynamoDB API that dynalite and this emulator do not provide. */
export const UNSUPPORTED_OPERATIONS = new Set([
  'ExecuteStatement',
  'BatchExecuteStatement',
  'ExecuteTransaction',
  'CreateBackup',
  'DeleteBackup',
  'DescribeBackup',
  'ListBackups',
  'RestoreTableFromBackup',
  'RestoreTableToPointInTime',
  'UpdateContinuousBackups',
  'CreateGlobalTable',
  'DescribeGlobalTable',
  'DescribeGlobalTableSettings',
  'ListGlobalTables',
  'UpdateGlobalTable',
  'UpdateGlobalTableSettings',
  'DescribeKinesisStreamingDestination',
  'EnableKinesisStreamingDestination',
  'DisableKinesisStreamingDestination',
  'UpdateKinesisStreamingDestination',
  'ExportTableToPointInTime',
  'DescribeExport',
  'ListExports',
  'ImportTable',
  'DescribeImport',
  'ListImports',
  'DescribeContributorInsights',
  'ListContributorInsights',
  'UpdateContributorInsights',
  'DescribeTableReplicaAutoScaling',
  'UpdateTableReplicaAutoScaling',
  'GetResourcePolicy',
  'PutResourcePolicy',
  'DeleteResourcePolicy',
]);

/** dynalite operations that change data or tables: they run beside each other but never inside a transaction. */
export const WRITE_OPERATIONS = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'CreateTable',
  'UpdateTable',
  'DeleteTable',
  'TagResource',
  'UntagResource',
]);

/** What the table's operations run: dynalite's operations, and the ones answered here. */
export interface DynamoDbRuns {
  /** Runs `fn` against the tables of `region` (regions.ts). */
  inRegion<T>(region: string, fn: () => Promise<T>): Promise<T>;
  dynalite(operation: DynaliteOperation, input: Input): Promise<Input>;
  transactWriteItems(input: Input): Promise<Input>;
  transactGetItems(input: Input): Promise<Input>;
  describeTimeToLive(input: Input): Promise<Input>;
  updateTimeToLive(input: Input): Promise<Input>;
  describeContinuousBackups(input: Input): Promise<Input>;
  describeEndpoints(): Input;
}

type DynamoDbOperation = Operation<null, Input>;

/** Every operation by name, each with the IAM action and ARN(s) it needs: dynalite's, our own, the unsupported. */
export function dynamoDbOperations(runs: DynamoDbRuns, accountId: string): Record<string, DynamoDbOperation> {
  const on = dynamoDbResources(accountId);
  const inRegion =
    (fn: (input: Input) => Promise<Input> | Input): DynamoDbOperation['run'] =>
    (input, call) =>
      runs.inRegion(call.region, async () => fn(input));
  const dynalite = (operation: DynaliteOperation, resource: DynamoDbOperation['resource']): DynamoDbOperation => ({
    action: `dynamodb:${operation}`,
    resource,
    run: inRegion((input) => runs.dynalite(operation, input)),
  });
  const operations: Record<string, DynamoDbOperation> = {
    BatchGetItem: dynalite('BatchGetItem', on.batchTables),
    BatchWriteItem: dynalite('BatchWriteItem', on.batchTables),
    CreateTable: dynalite('CreateTable', on.table),
    DeleteItem: dynalite('DeleteItem', on.table),
    DeleteTable: dynalite('DeleteTable', on.table),
    DescribeTable: dynalite('DescribeTable', on.table),
    GetItem: dynalite('GetItem', on.table),
    ListTables: dynalite('ListTables', on.allTables),
    PutItem: dynalite('PutItem', on.table),
    Query: dynalite('Query', on.tableOrIndex),
    Scan: dynalite('Scan', on.tableOrIndex),
    TagResource: dynalite('TagResource', on.taggedResource),
    UntagResource: dynalite('UntagResource', on.taggedResource),
    ListTagsOfResource: dynalite('ListTagsOfResource', on.taggedResource),
    UpdateItem: dynalite('UpdateItem', on.table),
    UpdateTable: dynalite('UpdateTable', on.table),
    // A transaction needs each entry's own action on its table, not an action of its own.
    TransactWriteItems: {
      action: 'dynamodb:TransactWriteItems',
      grants: on.transactWrite,
      run: inRegion(runs.transactWriteItems),
    },
    TransactGetItems: {
      action: 'dynamodb:TransactGetItems',
      grants: on.transactGet,
      run: inRegion(runs.transactGetItems),
    },
    UpdateTimeToLive: { action: 'dynamodb:UpdateTimeToLive', resource: on.table, run: inRegion(runs.updateTimeToLive) },
    DescribeTimeToLive: {
      action: 'dynamodb:DescribeTimeToLive',
      resource: on.table,
      run: inRegion(runs.describeTimeToLive),
    },
    DescribeContinuousBackups: {
      action: 'dynamodb:DescribeContinuousBackups',
      resource: on.table,
      run: inRegion(runs.describeContinuousBackups),
    },
    DescribeLimits: { action: 'dynamodb:DescribeLimits', run: inRegion(() => ACCOUNT_LIMITS) },
    DescribeEndpoints: { action: 'dynamodb:DescribeEndpoints', run: inRegion(runs.describeEndpoints) },
  };
  for (const operation of UNSUPPORTED_OPERATIONS) {
    operations[operation] = {
      action: null,
      run() {
        throw new AwsError('ValidationException', `${operation} is not supported by this emulator`);
      },
    };
  }
  return operations;
}

const ACCOUNT_LIMITS = {
  AccountMaxReadCapacityUnits: 80000,
  AccountMaxWriteCapacityUnits: 80000,
  TableMaxReadCapacityUnits: 40000,
  TableMaxWriteCapacityUnits: 40000,
};

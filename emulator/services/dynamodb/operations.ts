/** Operations of the DynamoDB API that dynalite and this emulator do not provide. */
export const UNSUPPORTED_OPERATIONS = new Set([
  'ExecuteStatement', 'BatchExecuteStatement', 'ExecuteTransaction',
  'CreateBackup', 'DeleteBackup', 'DescribeBackup', 'ListBackups', 'RestoreTableFromBackup', 'RestoreTableToPointInTime',
  'UpdateContinuousBackups', 'CreateGlobalTable', 'DescribeGlobalTable', 'DescribeGlobalTableSettings', 'ListGlobalTables',
  'UpdateGlobalTable', 'UpdateGlobalTableSettings', 'DescribeKinesisStreamingDestination',
  'EnableKinesisStreamingDestination', 'DisableKinesisStreamingDestination', 'UpdateKinesisStreamingDestination',
  'ExportTableToPointInTime', 'DescribeExport', 'ListExports', 'ImportTable', 'DescribeImport', 'ListImports',
  'DescribeContributorInsights', 'ListContributorInsights', 'UpdateContributorInsights',
  'DescribeTableReplicaAutoScaling', 'UpdateTableReplicaAutoScaling', 'GetResourcePolicy', 'PutResourcePolicy',
  'DeleteResourcePolicy',
]);

/** dynalite operations that change data or tables: they run beside each other but never inside a transaction. */
export const WRITE_OPERATIONS = new Set([
  'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'CreateTable', 'UpdateTable', 'DeleteTable',
  'TagResource', 'UntagResource',
]);

/** Answered here, not by dynalite. */
export const OWN_OPERATIONS = new Set([
  'TransactWriteItems', 'TransactGetItems', 'UpdateTimeToLive', 'DescribeTimeToLive', 'DescribeLimits',
  'DescribeEndpoints', 'DescribeContinuousBackups',
]);

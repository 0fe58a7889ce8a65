import type { CodeService } from './call';

interface ServiceInfo {
  /** `aws <cli> ...` */
  cli: string;
  /** `boto3.client("<boto3>")` */
  boto3: string;
  /** The SDK v3 package and its client class. */
  sdkPackage: string;
  sdkClient: string;
  /** Error codes a script would handle as "not found". */
  notFound: readonly string[];
}

export const SERVICES: Readonly<Record<CodeService, ServiceInfo>> = {
  s3: {
    cli: 's3api',
    boto3: 's3',
    sdkPackage: '@aws-sdk/client-s3',
    sdkClient: 'S3Client',
    notFound: ['NoSuchBucket', 'NoSuchKey', 'NoSuchUpload', 'NotFound', '404'],
  },
  ec2: {
    cli: 'ec2',
    boto3: 'ec2',
    sdkPackage: '@aws-sdk/client-ec2',
    sdkClient: 'EC2Client',
    notFound: ['InvalidInstanceID.NotFound', 'InvalidInstanceID.Malformed'],
  },
  dynamodb: {
    cli: 'dynamodb',
    boto3: 'dynamodb',
    sdkPackage: '@aws-sdk/client-dynamodb',
    sdkClient: 'DynamoDBClient',
    notFound: ['ResourceNotFoundException'],
  },
  // boto3 reports SQS's query-compatible code; the SDK v3 reports the JSON name.
  sqs: {
    cli: 'sqs',
    boto3: 'sqs',
    sdkPackage: '@aws-sdk/client-sqs',
    sdkClient: 'SQSClient',
    notFound: ['AWS.SimpleQueueService.NonExistentQueue', 'QueueDoesNotExist'],
  },
  sts: { cli: 'sts', boto3: 'sts', sdkPackage: '@aws-sdk/client-sts', sdkClient: 'STSClient', notFound: [] },
  lambda: {
    cli: 'lambda',
    boto3: 'lambda',
    sdkPackage: '@aws-sdk/client-lambda',
    sdkClient: 'LambdaClient',
    notFound: ['ResourceNotFoundException'],
  },
  secretsmanager: {
    cli: 'secretsmanager',
    boto3: 'secretsmanager',
    sdkPackage: '@aws-sdk/client-secrets-manager',
    sdkClient: 'SecretsManagerClient',
    notFound: ['ResourceNotFoundException'],
  },
  logs: {
    cli: 'logs',
    boto3: 'logs',
    sdkPackage: '@aws-sdk/client-cloudwatch-logs',
    sdkClient: 'CloudWatchLogsClient',
    notFound: ['ResourceNotFoundException'],
  },
};

/** The service of an SDK client class name (what a middleware sees), e.g. "SecretsManagerClient". */
export function serviceOfClient(clientName: string): CodeService | undefined {
  for (const [service, info] of Object.entries(SERVICES))
    if (info.sdkClient === clientName) return service as CodeService;
  return undefined;
}

export const DENIED_CODES = ['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation'] as const;

/** Codes worth their own branch for one operation (a condition that failed, a state that forbids it). */
export const OPERATION_ERRORS: Readonly<Record<string, readonly string[]>> = {
  PutItem: ['ConditionalCheckFailedException'],
  UpdateItem: ['ConditionalCheckFailedException'],
  DeleteItem: ['ConditionalCheckFailedException'],
  StartInstances: ['IncorrectInstanceState'],
  StopInstances: ['IncorrectInstanceState'],
  RebootInstances: ['IncorrectInstanceState'],
  CreateBucket: ['BucketAlreadyOwnedByYou', 'BucketAlreadyExists'],
  DeleteBucket: ['BucketNotEmpty'],
  CreateSecret: ['ResourceExistsException'],
  CreateQueue: ['QueueAlreadyExists', 'QueueNameExists'],
  PurgeQueue: ['AWS.SimpleQueueService.PurgeQueueInProgress', 'PurgeQueueInProgress'],
};

/**
 * Lists that paginate, as botocore's paginators and the CLI see them (same names in the SDK v3 where
 * `sdk` is true): the token the paginator owns, its page-size member, and the keys that hold the rows.
 */
export interface Paging {
  inputTokens: readonly string[];
  limitKey?: string;
  items: readonly string[];
  sdk: boolean;
}

const p = (inputTokens: string[], limitKey: string | undefined, items: string[], sdk = true): Paging => ({
  inputTokens,
  ...(limitKey ? { limitKey } : {}),
  items,
  sdk,
});

export const PAGING: Readonly<Partial<Record<CodeService, Readonly<Record<string, Paging>>>>> = {
  s3: {
    ListObjectsV2: p(['ContinuationToken'], 'MaxKeys', ['CommonPrefixes', 'Contents']),
    ListParts: p(['PartNumberMarker'], 'MaxParts', ['Parts']),
    ListMultipartUploads: p(['KeyMarker', 'UploadIdMarker'], 'MaxUploads', ['CommonPrefixes', 'Uploads'], false),
    ListObjectVersions: p(
      ['KeyMarker', 'VersionIdMarker'],
      'MaxKeys',
      ['Versions', 'DeleteMarkers', 'CommonPrefixes'],
      false,
    ),
  },
  ec2: {
    DescribeInstances: p(['NextToken'], 'MaxResults', ['Reservations']),
    DescribeInstanceStatus: p(['NextToken'], 'MaxResults', ['InstanceStatuses']),
  },
  dynamodb: {
    ListTables: p(['ExclusiveStartTableName'], 'Limit', ['TableNames']),
    Query: p(['ExclusiveStartKey'], 'Limit', ['Items']),
    Scan: p(['ExclusiveStartKey'], 'Limit', ['Items']),
  },
  sqs: {
    ListQueues: p(['NextToken'], 'MaxResults', ['QueueUrls']),
    ListDeadLetterSourceQueues: p(['NextToken'], 'MaxResults', ['queueUrls']),
  },
  lambda: {
    ListFunctions: p(['Marker'], 'MaxItems', ['Functions']),
    ListVersionsByFunction: p(['Marker'], 'MaxItems', ['Versions']),
    ListAliases: p(['Marker'], 'MaxItems', ['Aliases']),
  },
  secretsmanager: { ListSecrets: p(['NextToken'], 'MaxResults', ['SecretList']) },
  logs: {
    DescribeLogGroups: p(['nextToken'], 'limit', ['logGroups']),
    DescribeLogStreams: p(['nextToken'], 'limit', ['logStreams']),
    FilterLogEvents: p(['nextToken'], 'limit', ['events']),
  },
};

export function pagingOf(service: CodeService, operation: string): Paging | undefined {
  const table = PAGING[service];
  return table && Object.hasOwn(table, operation) ? table[operation] : undefined;
}

/** botocore's xform_name: "ListObjectsV2" -> "list_objects_v2", "DescribeDBInstances" -> "describe_db_instances". */
export function snakeCase(name: string, sep = '_'): string {
  let n = name;
  const special = /[A-Z]{2,}s$/.exec(n);
  if (special) n = `${n.slice(0, -special[0].length)}${sep}${special[0].toLowerCase()}`;
  return n
    .replace(/(.)([A-Z][a-z]+)/g, `$1${sep}$2`)
    .replace(/([a-z0-9])([A-Z])/g, `$1${sep}$2`)
    .toLowerCase();
}

/** Operations whose output streams to a file the CLI names as a positional argument. */
export function outfileOf(call: {
  service: CodeService;
  operation: string;
  input: Readonly<Record<string, unknown>>;
}): string | undefined {
  if (call.service === 's3' && call.operation === 'GetObject')
    return baseName(String(call.input.Key ?? '')) || 'object.out';
  if (call.service === 'lambda' && call.operation === 'Invoke') return 'response.json';
  return undefined;
}

export function baseName(key: string): string {
  const parts = key.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

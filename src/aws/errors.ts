/** The only place that reads SDK error names and $metadata: every failure becomes an AppError. */
export type AppErrorKind =
  'forbidden' | 'not-found' | 'throttled' | 'expired' | 'network' | 'invalid' | 'conflict' | 'unknown';

export interface AppError {
  kind: AppErrorKind;
  message: string;
  /** AWS's error name (e.g. AccessDenied), when there was one. */
  code?: string;
  status?: number;
  /** Set when getting credentials failed (the identity pool), rather than the call itself. */
  source?: 'credentials';
  /** IAM action and resource parsed from an AccessDenied message. */
  action?: string;
  resource?: string;
  retryable: boolean;
}

const FORBIDDEN = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'NotAuthorizedException',
  'AllAccessDisabled',
  'Forbidden',
]);
const EXPIRED = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
  'TokenRefreshRequired',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'ExpiredTokenError',
]);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'SlowDown',
  'RequestLimitExceededException',
  'LimitExceededException',
]);
const CONFLICT = new Set([
  'BucketAlreadyExists',
  'BucketAlreadyOwnedByYou',
  'BucketNotEmpty',
  'ConditionalCheckFailedException',
  'ResourceInUseException',
  'TransactionConflictException',
  'QueueNameExists',
  'QueueAlreadyExists',
  'IncorrectInstanceState',
  'OperationAborted',
  'PreconditionFailed',
  'ConflictException',
]);

function isNotFoundName(name: string): boolean {
  return /NotFound|NoSuch|NonExistent|DoesNotExist/i.test(name) || name === 'ResourceNotFoundException';
}

interface SdkLikeError {
  name?: unknown;
  message?: unknown;
  Code?: unknown;
  $metadata?: { httpStatusCode?: number };
  $response?: unknown;
}

/** "... is not authorized to perform: s3:ListAllMyBuckets on resource: arn:aws:s3:::* because ..." */
export function parseAccessDenied(message: string): { action?: string; resource?: string } {
  const action = /perform:\s*([\w-]+:[\w*-]+)/.exec(message)?.[1];
  // The whole ARN as sent, spaces and quotes of an object key included: it ends where AWS's wording resumes.
  const rest =
    /on resource:\s*(.*?)(?:\s+because\s.*|\s+with an explicit deny\b.*|\.?\s+Encoded authorization failure message:.*)?$/s.exec(
      message,
    )?.[1];
  const resource = rest && /^".*"$/s.test(rest) ? rest.slice(1, -1) : rest;
  return { ...(action ? { action } : {}), ...(resource ? { resource } : {}) };
}

export function isAppError(e: unknown): e is AppError {
  return typeof e === 'object' && e !== null && 'kind' in e && 'retryable' in e && 'message' in e;
}

export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  const err = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as SdkLikeError;
  // The identity pool's own error decides the kind; the page must still not blame the call it stopped.
  if (err.name === 'CredentialsUnavailable' && e instanceof Error)
    return { ...toAppError(e.cause), message: e.message, source: 'credentials' };
  const rawName = typeof err.Code === 'string' ? err.Code : typeof err.name === 'string' ? err.name : 'Error';
  const name = rawName.replace(/^com\.amazonaws\.[\w.]+#/, '').replace(/^AWS\.SimpleQueueService\./, '');
  const message = typeof err.message === 'string' && err.message ? err.message : name;
  const status = err.$metadata?.httpStatusCode;
  const base = { message, code: name, ...(status !== undefined ? { status } : {}) };

  if (name === 'AbortError') return { ...base, kind: 'unknown', retryable: false };
  if (FORBIDDEN.has(name) || (status === 403 && !EXPIRED.has(name) && !THROTTLED.has(name)))
    return { ...base, kind: 'forbidden', retryable: false, ...parseAccessDenied(message) };
  if (EXPIRED.has(name)) return { ...base, kind: 'expired', retryable: true };
  if (THROTTLED.has(name) || status === 429 || status === 503) return { ...base, kind: 'throttled', retryable: true };
  if (isNotFoundName(name) || status === 404) return { ...base, kind: 'not-found', retryable: false };
  if (CONFLICT.has(name) || status === 409) return { ...base, kind: 'conflict', retryable: false };
  // fetch() failing outright (CORS refusal, DNS, connection refused) gives a TypeError and no HTTP status.
  if (status === undefined && (name === 'TypeError' || /fetch|network|ECONNREFUSED|Load failed/i.test(message)))
    return { ...base, kind: 'network', retryable: true };
  if (status !== undefined && status >= 400 && status < 500) return { ...base, kind: 'invalid', retryable: false };
  return { ...base, kind: 'unknown', retryable: status === undefined || status >= 500 };
}

/** What to tell the user about a network error, for the service that failed. */
export function networkHint(service: string, endpoint: string | undefined, origin: string): string {
  const target = endpoint ?? 'the AWS endpoint';
  const isLocal = endpoint !== undefined && /^https?:\/\/(localhost|127\.|\[::1\])/.test(endpoint);
  if (isLocal) return `Could not reach ${target}. Is the local endpoint running?`;
  if (service === 's3')
    return (
      `The browser could not read S3's answer. On AWS this usually means CORS: the bucket does not allow ` +
      `the origin ${origin}. Add a CORS rule to the bucket allowing ${origin} (methods GET, PUT, POST, DELETE, ` +
      `HEAD; allowed headers: the signed headers; expose ETag). ListBuckets cannot be called from a browser on AWS: ` +
      `list bucket names in config.json "buckets".`
    );
  if (endpoint === undefined)
    return (
      `The browser could not reach ${service.toUpperCase()} in this region. AWS answers browsers for this service, ` +
      `so check the network (a proxy or firewall blocking *.amazonaws.com), the region, and the page's ` +
      `Content-Security-Policy connect-src.`
    );
  return (
    `The browser could not read the answer from ${target}. The endpoint must answer CORS preflights from ${origin} ` +
    `(allow the AWS SDK's headers: authorization, content-type, x-amz-*, amz-sdk-*), or it is not reachable.`
  );
}

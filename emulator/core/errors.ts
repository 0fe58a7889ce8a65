/**
 * An error a service answers with. Each protocol serializer turns it into that protocol's AWS error
 * shape, so SDK clients see the same `error.name` as against AWS.
 */
export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  /** Query/EC2 protocols say whether the caller or the service was at fault. */
  readonly fault: 'Sender' | 'Receiver';
  /** Extra fields some error shapes carry (S3's BucketName, Key, ...). */
  readonly extra: Record<string, string>;

  constructor(code: string, message: string, status = 400, extra: Record<string, string> = {}) {
    super(message);
    this.name = 'AwsError';
    this.code = code;
    this.status = status;
    this.fault = status >= 500 ? 'Receiver' : 'Sender';
    this.extra = extra;
  }
}

export function isAwsError(e: unknown): e is AwsError {
  return e instanceof AwsError;
}

/** Thrown by fault injection to make the server destroy the socket without answering. */
export class DropConnection extends Error {
  constructor() {
    super('connection dropped by fault injection');
    this.name = 'DropConnection';
  }
}

/** Wrap anything thrown by a handler: AwsErrors pass through, the rest become InternalError. */
export function toAwsError(e: unknown): AwsError {
  if (e instanceof AwsError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new AwsError('InternalError', `We encountered an internal error: ${message}`, 500);
}

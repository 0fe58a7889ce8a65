import type { ServerResponse } from 'node:http';
import { AwsError } from '../core/errors.js';

/** JSON 1.0 / 1.1 protocols (DynamoDB, SQS, Cognito): X-Amz-Target names the operation. */

export function operationFromTarget(target: string | string[] | undefined, prefix: string): string {
  if (typeof target !== 'string' || !target.startsWith(prefix)) {
    throw new AwsError('UnknownOperationException', 'Missing or unknown X-Amz-Target header');
  }
  return target.slice(prefix.length);
}

/** Parse a JSON request body into an object, or throw the protocol's SerializationException. */
export function parseJsonBody(body: Buffer | null): Record<string, unknown> {
  if (!body || body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new AwsError('SerializationException', 'Start of structure or map found where not expected, or malformed JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AwsError('SerializationException', 'Request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export function sendJson(
  res: ServerResponse,
  body: unknown,
  opts: { version: '1.0' | '1.1'; requestId: string; status?: number; headers?: Record<string, string> },
): void {
  const payload = Buffer.from(JSON.stringify(body ?? {}));
  res.writeHead(opts.status ?? 200, {
    'Content-Type': `application/x-amz-json-${opts.version}`,
    'Content-Length': String(payload.length),
    'x-amzn-RequestId': opts.requestId,
    ...opts.headers,
  });
  res.end(payload);
}

/**
 * AWS JSON error shape. `typePrefix` is the service's shape namespace (e.g.
 * 'com.amazonaws.dynamodb.v20120810#'); SDKs take the part after '#'.
 */
export function sendJsonError(
  res: ServerResponse,
  error: AwsError,
  opts: { version: '1.0' | '1.1'; requestId: string; typePrefix: string; headers?: Record<string, string> },
): void {
  sendJson(
    res,
    { __type: `${opts.typePrefix}${error.code}`, message: error.message, ...error.extra },
    {
      version: opts.version,
      requestId: opts.requestId,
      status: error.status,
      headers: { 'x-amzn-ErrorType': error.code, ...opts.headers },
    },
  );
}

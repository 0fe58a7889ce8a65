import type { ServerResponse } from 'node:http';
import { crc32 } from 'node:zlib';
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
    throw new AwsError(
      'SerializationException',
      'Start of structure or map found where not expected, or malformed JSON',
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AwsError('SerializationException', 'Request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export interface JsonWriteOptions {
  /** JSON 1.0 / 1.1, or 'rest' for REST-JSON's plain application/json. */
  version: '1.0' | '1.1' | 'rest';
  requestId: string;
  status?: number;
  headers?: Record<string, string>;
  /** DynamoDB: older SDKs check the body against an x-amz-crc32 header. */
  crc32?: boolean;
}

/** The one JSON writer: every JSON 1.0, 1.1 and REST-JSON answer goes through here. */
export function sendJson(res: ServerResponse, body: unknown, opts: JsonWriteOptions): void {
  const payload = Buffer.from(body === undefined ? '{}' : JSON.stringify(body));
  res.writeHead(opts.status ?? 200, {
    'Content-Type': opts.version === 'rest' ? 'application/json' : `application/x-amz-json-${opts.version}`,
    'Content-Length': String(payload.length),
    'x-amzn-RequestId': opts.requestId,
    ...(opts.crc32 ? { 'x-amz-crc32': String(crc32(payload)) } : {}),
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
  opts: Omit<JsonWriteOptions, 'status'> & { typePrefix: string; fields?: Record<string, unknown> },
): void {
  const { typePrefix, fields, ...write } = opts;
  sendJson(
    res,
    { __type: `${typePrefix}${error.code}`, message: error.message, ...error.extra, ...fields },
    {
      ...write,
      status: error.status,
      headers: { 'x-amzn-ErrorType': error.code, ...opts.headers },
    },
  );
}

import { AwsError } from '../core/errors.js';
import { internalCall, lookupOperation, runOperation, type OperationTable } from '../core/operations.js';
import type { RequestContext, Service } from '../core/types.js';
import { operationFromTarget, parseJsonBody, sendJson, sendJsonError } from './json.js';

/** What a JSON 1.0 / 1.1 service declares; the protocol (targets, bodies, error shape) is handled here. */
export interface JsonServiceSpec<S, I> extends Omit<Service, 'handle' | 'writeError'> {
  version: '1.0' | '1.1';
  /** e.g. 'secretsmanager.' for `X-Amz-Target: secretsmanager.GetSecretValue`. */
  targetPrefix: string;
  /** The error `__type` namespace (e.g. 'com.amazonaws.dynamodb.v20120810#'); SDKs read the part after '#'. */
  typePrefix: string;
  state: S;
  operations: OperationTable<S, I>;
  /** Turn the parsed body into the operations' input (Cognito wraps it in typed readers). */
  input(body: Record<string, unknown>): I;
  crc32?: boolean;
  /** Rename error codes on the way out (DynamoDB says InternalServerError). */
  errorCode?(code: string): string;
  /** Extra members of the error body (DynamoDB's CancellationReasons). */
  errorFields?(error: AwsError): Record<string, unknown>;
  /** Before each operation runs, after authorization. */
  afterAuthorize?(input: I, name: string): void;
}

/** A JSON 1.0 / 1.1 service from its operation table: X-Amz-Target names the operation (own properties only). */
export function jsonService<S, I>(spec: JsonServiceSpec<S, I>): Service {
  const {
    version,
    targetPrefix,
    typePrefix,
    state,
    operations,
    input,
    crc32,
    errorCode,
    errorFields,
    afterAuthorize,
    ...rest
  } = spec;
  return {
    ...rest,
    async handle(ctx: RequestContext) {
      const name = operationFromTarget(ctx.req.headers['x-amz-target'], targetPrefix);
      const op = lookupOperation(operations, name);
      if (!op) throw new AwsError('UnknownOperationException', `Unknown operation ${name}`);
      const out = await runOperation(
        op,
        name,
        ctx,
        state,
        () => input(parseJsonBody(ctx.body)),
        afterAuthorize && ((i) => afterAuthorize(i, name)),
      );
      if (ctx.res.destroyed) return;
      sendJson(ctx.res, out, { version, requestId: ctx.requestId, crc32 });
    },
    writeError(ctx, error) {
      const code = errorCode ? errorCode(error.code) : error.code;
      const renamed = code === error.code ? error : new AwsError(code, error.message, error.status, error.extra);
      sendJsonError(ctx.res, renamed, {
        version,
        requestId: ctx.requestId,
        typePrefix,
        crc32,
        fields: errorFields?.(error),
      });
    },
    internal:
      rest.internal ??
      (async (name, body, region) => {
        const op = lookupOperation(operations, name);
        if (!op) throw new AwsError('UnknownOperationException', `Unknown operation ${name}`);
        return op.run(input(body), internalCall(state, region));
      }),
  };
}

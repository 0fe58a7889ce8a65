import { AwsError } from '../core/errors.js';
import type { RequestContext, Service } from '../core/types.js';
import { operationFromTarget, parseJsonBody, sendJson, sendJsonError } from '../protocols/json.js';
import { JsonInput } from './json-input.js';

export type JsonOperation = (input: JsonInput, ctx: RequestContext) => Promise<unknown>;

/** A JSON 1.1 service (the Cognito APIs): X-Amz-Target picks the operation from a table. */
export function jsonOperationService(name: string, targetPrefix: string, operations: Record<string, JsonOperation>): Service {
  return {
    name,
    async handle(ctx) {
      const operation = operationFromTarget(ctx.req.headers['x-amz-target'], targetPrefix);
      // Own properties only: `constructor` or `__proto__` as an operation name is unknown, not Object's.
      const run = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
      if (!run) throw new AwsError('UnknownOperationException', `The emulator does not support ${operation}`, 400);
      await ctx.begin(operation);
      const out = await run(new JsonInput(parseJsonBody(ctx.body)), ctx);
      sendJson(ctx.res, out, { version: '1.1', requestId: ctx.requestId });
    },
    writeError(ctx, error) {
      sendJsonError(ctx.res, error, { version: '1.1', requestId: ctx.requestId, typePrefix: '' });
    },
    reset: async () => {},
    close: async () => {},
  };
}

import { AwsError } from '../../core/errors.js';
import type { RequestContext, Service } from '../../core/types.js';
import { operationFromTarget, parseJsonBody, sendJson, sendJsonError } from '../../protocols/json.js';
import { JsonInput } from '../../auth/json-input.js';
import { userPoolOperations, type UserPoolDeps } from './operations.js';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

/** Cognito user pools, JSON 1.1: user administration and InitiateAuth. */
export function createCognitoIdpService(deps: UserPoolDeps): Service {
  const operations = userPoolOperations(deps);
  return {
    name: 'cognito-idp',
    async handle(ctx: RequestContext) {
      const operation = operationFromTarget(ctx.req.headers['x-amz-target'], TARGET_PREFIX);
      const run = operations[operation];
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

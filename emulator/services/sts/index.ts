import { AwsError } from '../../core/errors.js';
import { lookupOperation, runOperation, type Operation } from '../../core/operations.js';
import type { Service } from '../../core/types.js';
import { parseQueryParams, type QueryParams } from '../../protocols/query-params.js';
import { sendXml, xmlDocument } from '../../protocols/xml.js';
import { assumeRoleOperation, type StsDeps } from './assume-role.js';

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

const operationsOf = (deps: StsDeps): Record<string, Operation<null, QueryParams>> => ({
  AssumeRole: assumeRoleOperation(deps),
  // GetCallerIdentity needs no permission on AWS; checking it still lets a policy deny it explicitly.
  GetCallerIdentity: {
    action: 'sts:GetCallerIdentity',
    run: (_params, { caller }) => ({ Arn: caller.arn, UserId: caller.userId, Account: caller.accountId }),
  },
});

/** STS: GetCallerIdentity, answered from the verified caller, and AssumeRole (query protocol, XML). */
export function createStsService(deps: StsDeps): Service {
  const OPERATIONS = operationsOf(deps);
  return {
    name: 'sts',
    async handle(ctx) {
      const params = parseQueryParams(ctx.body, ctx.url);
      const action = params.get('Action') ?? '';
      const op = lookupOperation(OPERATIONS, action);
      if (!op)
        throw new AwsError(
          'InvalidAction',
          `Could not find operation ${action || '(none)'} for version 2011-06-15`,
          400,
        );
      const result = (await runOperation(op, action, ctx, null, () => params)) as Record<string, string>;
      const body = { [`${action}Result`]: result, ResponseMetadata: { RequestId: ctx.requestId } };
      sendXml(ctx.res, 200, xmlDocument(`${action}Response`, body, XMLNS), ctx.requestId);
    },
    writeError(ctx, error) {
      const body = { Error: { Type: error.fault, Code: error.code, Message: error.message }, RequestId: ctx.requestId };
      sendXml(ctx.res, error.status, xmlDocument('ErrorResponse', body, XMLNS), ctx.requestId);
    },
    reset: async () => {},
    close: async () => {},
  };
}

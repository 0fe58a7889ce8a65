import { AwsError } from '../../core/errors.js';
import type { RequestContext, Service } from '../../core/types.js';
import { xmlDocument } from '../../protocols/xml.js';

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function sendXml(ctx: RequestContext, status: number, xml: string): void {
  const payload = Buffer.from(xml);
  ctx.res.writeHead(status, { 'Content-Type': 'text/xml', 'Content-Length': String(payload.length), 'x-amzn-RequestId': ctx.requestId });
  ctx.res.end(payload);
}

/** The query-protocol Action, from the form body (POST) or the URL (GET). */
function actionOf(ctx: RequestContext): string {
  const form = new URLSearchParams(ctx.body?.toString('utf8') ?? '');
  return form.get('Action') ?? ctx.url.searchParams.get('Action') ?? '';
}

/** STS: GetCallerIdentity, answered from the verified caller (query protocol, XML). */
export function createStsService(): Service {
  return {
    name: 'sts',
    async handle(ctx) {
      const action = actionOf(ctx);
      if (action !== 'GetCallerIdentity') {
        throw new AwsError('InvalidAction', `Could not find operation ${action || '(none)'} for version 2011-06-15`, 400);
      }
      await ctx.begin(action);
      // GetCallerIdentity needs no permission on AWS; checking it still lets a policy deny it explicitly.
      ctx.authorize('sts:GetCallerIdentity', '*');
      const { caller } = ctx;
      sendXml(
        ctx,
        200,
        xmlDocument(
          'GetCallerIdentityResponse',
          {
            GetCallerIdentityResult: { Arn: caller.arn, UserId: caller.userId, Account: caller.accountId },
            ResponseMetadata: { RequestId: ctx.requestId },
          },
          XMLNS,
        ),
      );
    },
    writeError(ctx, error) {
      sendXml(
        ctx,
        error.status,
        xmlDocument(
          'ErrorResponse',
          { Error: { Type: error.fault, Code: error.code, Message: error.message }, RequestId: ctx.requestId },
          XMLNS,
        ),
      );
    },
    reset: async () => {},
    close: async () => {},
  };
}

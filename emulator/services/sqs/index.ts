import { AwsError } from '../../core/errors.js';
import type { RequestContext, ServiceFactory } from '../../core/types.js';
import { operationFromTarget, parseJsonBody, sendJson, sendJsonError } from '../../protocols/json.js';
import { queryErrorDocument, queryResponseDocument, queryTree } from '../../protocols/aws-query.js';
import { parseQueryParams } from '../../protocols/query-params.js';
import { sendXml } from '../../protocols/xml.js';
import { internalCall, lookupOperation, runOperation } from '../../core/operations.js';
import { seedSqs } from '../../seed/sqs.js';
import { queryCodeOf } from './errors.js';
import type { Input } from './input.js';
import { expireMessages } from './message-ops.js';
import { MoveTasks } from './move-tasks.js';
import { OPERATIONS, type Sqs } from './operations.js';
import { NO_RESULT, queryToInput, toXmlNode } from './query-shapes.js';
import { SqsState } from './state.js';

const XMLNS = 'http://queue.amazonaws.com/doc/2012-11-05/';
const SWEEP_MS = 60_000;

/** JSON 1.0 (X-Amz-Target: AmazonSQS.*) for current SDKs; otherwise the form-encoded query protocol. */
function isJson(ctx: RequestContext): boolean {
  return typeof ctx.req.headers['x-amz-target'] === 'string';
}

function readRequest(ctx: RequestContext): { action: string; input: () => Input } {
  if (isJson(ctx)) {
    const action = operationFromTarget(ctx.req.headers['x-amz-target'], 'AmazonSQS.');
    return { action, input: () => parseJsonBody(ctx.body) };
  }
  const params = parseQueryParams(ctx.body, ctx.url);
  const action = params.get('Action');
  if (!action) throw new AwsError('MissingAction', 'The request must contain the parameter Action.');
  return {
    action,
    input: () => {
      const input = queryToInput(action, queryTree(params));
      // Older clients post to the queue's own URL instead of sending QueueUrl.
      if (input.QueueUrl === undefined && /^\/\d{12}\/[^/]+\/?$/.test(ctx.url.pathname)) input.QueueUrl = ctx.url.href;
      return input;
    },
  };
}

export const createSqsService: ServiceFactory = async (env) => {
  const state = new SqsState(env);
  const tasks = new MoveTasks(state);
  tasks.resume();
  const sweep = setInterval(() => {
    state.st.expireDedup.run(Date.now());
    for (const q of state.all()) expireMessages(state, q);
  }, SWEEP_MS);
  sweep.unref();
  const sqs: Sqs = { queues: state, tasks };

  return {
    name: 'sqs',
    async handle(ctx) {
      const { action, input: readInput } = readRequest(ctx);
      const op = lookupOperation(OPERATIONS, action);
      if (!op) {
        if (isJson(ctx)) throw new AwsError('UnknownOperationException', `Unknown operation ${action}`);
        throw new AwsError('InvalidAction', `The action ${action} is not valid for this endpoint.`);
      }
      const output = (await runOperation(op, action, ctx, sqs, readInput)) as Record<string, unknown>;
      if (ctx.res.destroyed) return;
      if (isJson(ctx)) {
        sendJson(ctx.res, output, { version: '1.0', requestId: ctx.requestId });
      } else {
        const result = NO_RESULT.has(action) ? null : toXmlNode(action, output);
        sendXml(ctx.res, 200, queryResponseDocument(action, result, XMLNS, ctx.requestId), ctx.requestId);
      }
    },
    writeError(ctx, error) {
      const legacy = queryCodeOf(error.code);
      if (isJson(ctx)) {
        sendJsonError(ctx.res, error, {
          version: '1.0',
          requestId: ctx.requestId,
          typePrefix: 'com.amazonaws.sqs#',
          headers: { 'x-amzn-query-error': `${legacy};${error.fault}` },
        });
      } else {
        sendXml(ctx.res, error.status, queryErrorDocument(legacy, error, XMLNS, ctx.requestId), ctx.requestId);
      }
    },
    async internal(operation, input, region) {
      const op = lookupOperation(OPERATIONS, operation);
      if (!op) throw new AwsError('UnknownOperationException', `Unknown operation ${operation}`);
      return op.run(input, internalCall(sqs, region, env.accountId));
    },
    async reset() {
      tasks.stopAll();
      state.wipe();
    },
    async seed() {
      seedSqs(state, env.defaultRegion);
    },
    async close() {
      clearInterval(sweep);
      tasks.stopAll();
      state.close();
    },
  };
};

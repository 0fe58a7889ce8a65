import { randomUUID } from 'node:crypto';
import { AwsError } from '../../core/errors.js';
import { internalCall, lookupOperation } from '../../core/operations.js';
import type { ServiceFactory } from '../../core/types.js';
import { restInput, restJsonService, type RestRoute } from '../../protocols/rest-json-service.js';
import { seedLambda } from '../../seed/lambda.js';
import { ALIAS_AND_TAG_OPERATIONS } from './aliases-tags.js';
import { AsyncQueue } from './async-queue.js';
import { EventWorker } from './event-worker.js';
import { Executor, type LogSink } from './executor.js';
import { FUNCTION_OPERATIONS } from './functions.js';
import { invokeOperation, MAX_SYNC_PAYLOAD } from './invoke.js';
import { findFunction, targetOf, type LambdaState } from './state.js';
import { FunctionStore } from './store.js';

const F = '/2015-03-31/functions';
const ROUTES: RestRoute[] = [
  { method: 'POST', path: F, operation: 'CreateFunction', status: 201 },
  { method: 'GET', path: F, operation: 'ListFunctions' },
  { method: 'GET', path: `${F}/{FunctionName}`, operation: 'GetFunction' },
  { method: 'DELETE', path: `${F}/{FunctionName}`, operation: 'DeleteFunction' },
  { method: 'GET', path: `${F}/{FunctionName}/configuration`, operation: 'GetFunctionConfiguration' },
  { method: 'PUT', path: `${F}/{FunctionName}/configuration`, operation: 'UpdateFunctionConfiguration' },
  { method: 'PUT', path: `${F}/{FunctionName}/code`, operation: 'UpdateFunctionCode' },
  { method: 'POST', path: `${F}/{FunctionName}/invocations`, operation: 'Invoke' },
  { method: 'POST', path: `${F}/{FunctionName}/versions`, operation: 'PublishVersion', status: 201 },
  { method: 'GET', path: `${F}/{FunctionName}/versions`, operation: 'ListVersionsByFunction' },
  { method: 'POST', path: `${F}/{FunctionName}/aliases`, operation: 'CreateAlias', status: 201 },
  { method: 'GET', path: `${F}/{FunctionName}/aliases`, operation: 'ListAliases' },
  { method: 'GET', path: `${F}/{FunctionName}/aliases/{Name}`, operation: 'GetAlias' },
  { method: 'PUT', path: `${F}/{FunctionName}/aliases/{Name}`, operation: 'UpdateAlias' },
  { method: 'DELETE', path: `${F}/{FunctionName}/aliases/{Name}`, operation: 'DeleteAlias' },
  { method: 'PUT', path: '/2017-10-31/functions/{FunctionName}/concurrency', operation: 'PutFunctionConcurrency' },
  { method: 'GET', path: '/2019-09-30/functions/{FunctionName}/concurrency', operation: 'GetFunctionConcurrency' },
  {
    method: 'DELETE',
    path: '/2017-10-31/functions/{FunctionName}/concurrency',
    operation: 'DeleteFunctionConcurrency',
  },
  {
    method: 'PUT',
    path: '/2019-09-25/functions/{FunctionName}/event-invoke-config',
    operation: 'PutFunctionEventInvokeConfig',
  },
  {
    method: 'GET',
    path: '/2019-09-25/functions/{FunctionName}/event-invoke-config',
    operation: 'GetFunctionEventInvokeConfig',
  },
  { method: 'POST', path: '/2017-03-31/tags/{Resource}', operation: 'TagResource' },
  { method: 'DELETE', path: '/2017-03-31/tags/{Resource}', operation: 'UntagResource' },
  { method: 'GET', path: '/2017-03-31/tags/{Resource}', operation: 'ListTags' },
  { method: 'GET', path: '/2016-08-19/account-settings', operation: 'GetAccountSettings' },
];

/**
 * Lambda (REST-JSON): functions as zips in the data folder, run as Node.js child processes speaking the
 * Runtime API to the emulator on loopback; Event invocations queued durably.
 */
export const createLambdaService: ServiceFactory = async (env) => {
  const store = new FunctionStore(env.dataDir);
  const queue = new AsyncQueue(env.dataDir);
  const knownStreams = new Set<string>();
  // Function logs go to CloudWatch Logs: /aws/lambda/NAME, one stream per instance.
  const sink: LogSink = (region, group, stream, lines) => {
    const logs = env.peer?.('logs');
    if (!logs?.internal) return;
    const key = `${region}\u0000${group}\u0000${stream}`;
    const put = () =>
      logs.internal?.('PutLogEvents', { logGroupName: group, logStreamName: stream, logEvents: lines }, region);
    const ensure = async () => {
      await logs.internal?.('CreateLogGroup', { logGroupName: group }, region).catch(() => undefined);
      await logs
        .internal?.('CreateLogStream', { logGroupName: group, logStreamName: stream }, region)
        .catch(() => undefined);
      knownStreams.add(key);
    };
    const write = async () => {
      if (!knownStreams.has(key)) await ensure();
      // Someone may have deleted the group or stream since: create them again once.
      await put()?.catch(async () => {
        await ensure();
        await put();
      });
    };
    write().catch((e: unknown) => env.log(`could not write function logs: ${(e as Error).message}`));
  };
  const executor = new Executor(env, store, sink);
  const worker = new EventWorker(() => state, queue);
  const state: LambdaState = { env, store, executor, queue, kick: () => worker.kick() };
  worker.start();
  const operations = { ...FUNCTION_OPERATIONS, ...ALIAS_AND_TAG_OPERATIONS, Invoke: invokeOperation };

  return restJsonService({
    name: 'lambda',
    // A zip of up to 50 MB arrives base64-encoded in CreateFunction's JSON.
    maxBody: 70 * 1024 * 1024 + MAX_SYNC_PAYLOAD,
    routes: ROUTES,
    state,
    operations,
    // In-process calls from other services (Secrets Manager's rotation): Invoke takes { FunctionName, Payload }.
    async internal(operation, input, region) {
      const call = internalCall(state, region, env.accountId);
      const functionName = String(input.FunctionName ?? '');
      if (operation === 'Invoke') {
        const { rec, qualifier } = findFunction(call, functionName);
        const result = await executor.invoke(
          targetOf(rec, env.accountId, qualifier),
          randomUUID(),
          Buffer.from(String(input.Payload ?? '{}')),
        );
        return { FunctionError: result.errorType ? 'Unhandled' : undefined, Payload: result.payload.toString('utf8') };
      }
      const op = lookupOperation(operations, operation);
      if (!op) throw new AwsError('UnknownOperationException', `Unknown operation ${operation}`);
      return op.run(restInput(Buffer.from(JSON.stringify(input)), { FunctionName: functionName }), call);
    },
    demoGrants: {
      admin: [{ Sid: 'Lambda', Effect: 'Allow', Action: 'lambda:*', Resource: '*' }],
      viewer: [{ Sid: 'LambdaReadOnly', Effect: 'Allow', Action: ['lambda:List*', 'lambda:Get*'], Resource: '*' }],
    },
    async reset() {
      worker.stop();
      executor.stopAll();
      store.wipe();
      queue.wipe();
      knownStreams.clear();
      worker.start();
    },
    async seed() {
      await seedLambda(store, env);
    },
    async close() {
      worker.stop();
      executor.close();
    },
  });
};

import { randomUUID } from 'node:crypto';
import { AwsError } from '../../core/errors.js';
import type { Operation } from '../../core/operations.js';
import { RestAnswer, type RestInput } from '../../protocols/rest-json-service.js';
import type { QueuedEvent } from './async-queue.js';
import { SETTLE_MS } from './model.js';
import { arnOfRequest, findFunction, targetOf, type LambdaState } from './state.js';

/** AWS's payload limits: 6 MB for a synchronous request, 1 MB for an Event. */
export const MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
export const MAX_ASYNC_PAYLOAD = 1024 * 1024;

function header(input: RestInput, name: string): string | undefined {
  const v = input.headers[name];
  return typeof v === 'string' ? v : undefined;
}

/** X-Amz-Client-Context: base64 of a JSON object, handed to the handler as context.clientContext. */
function clientContextOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const text = /^[A-Za-z0-9+/]*={0,2}$/.test(raw) ? Buffer.from(raw, 'base64').toString('utf8') : '';
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return text;
  } catch {
    // fall through
  }
  throw new AwsError(
    'InvalidRequestContentException',
    'Client context must be a valid Base64-encoded JSON object.',
    400,
  );
}

/** Invoke: RequestResponse runs and answers the payload; Event queues durably (202); DryRun checks only (204). */
export const invokeOperation: Operation<LambdaState, RestInput> = {
  action: 'lambda:InvokeFunction',
  resource: (input, call) => arnOfRequest(call, input.path.FunctionName ?? ''),
  async run(input, call) {
    const type = header(input, 'x-amz-invocation-type') ?? 'RequestResponse';
    if (!['RequestResponse', 'Event', 'DryRun'].includes(type)) {
      throw new AwsError(
        'ValidationException',
        `1 validation error detected: Value '${type}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
      );
    }
    const logType = header(input, 'x-amz-log-type') ?? 'None';
    if (logType !== 'None' && logType !== 'Tail') {
      throw new AwsError(
        'ValidationException',
        `1 validation error detected: Value '${logType}' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [None, Tail]`,
      );
    }
    const { rec, qualifier } = findFunction(call, input.path.FunctionName ?? '', input.query.get('Qualifier'));
    const target = targetOf(rec, call.state.env.accountId, qualifier);
    const limit = type === 'Event' ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD;
    if (input.body.length > limit) {
      throw new AwsError(
        'RequestTooLargeException',
        `Request must be smaller than ${limit} bytes for the InvokeFunction operation`,
        413,
      );
    }
    const payload = input.body.length ? input.body : Buffer.from('{}');
    try {
      JSON.parse(payload.toString('utf8'));
    } catch {
      throw new AwsError(
        'InvalidRequestContentException',
        'Could not parse request body into json: Could not parse payload into json',
        400,
      );
    }
    if (target.version === '$LATEST' && Date.now() - rec.changedAt < SETTLE_MS) {
      throw new AwsError(
        'ResourceConflictException',
        `The operation cannot be performed at this time. The function is currently in the following state: Pending`,
        409,
      );
    }
    if (type === 'DryRun') return new RestAnswer(204, null);
    if (type === 'Event') {
      const now = Date.now();
      const ev: QueuedEvent = {
        id: `${now.toString(36).padStart(9, '0')}-${randomUUID()}`,
        region: call.region,
        functionName: rec.name,
        qualifier: qualifier ?? '$LATEST',
        payload: payload.toString('base64'),
        attempts: 0,
        notBefore: now,
        enqueuedAt: now,
      };
      call.state.queue.add(ev);
      call.state.kick();
      return new RestAnswer(202, null, { 'x-amzn-RequestId': ev.id.slice(10) });
    }
    const requestId = randomUUID();
    const clientContext = clientContextOf(header(input, 'x-amz-client-context'));
    const result = await call.state.executor.invoke(target, requestId, payload, clientContext);
    const headers: Record<string, string> = { 'X-Amz-Executed-Version': target.version, 'x-amzn-RequestId': requestId };
    if (result.errorType) headers['X-Amz-Function-Error'] = 'Unhandled';
    if (logType === 'Tail') headers['X-Amz-Log-Result'] = result.tail;
    return new RestAnswer(200, result.payload, headers);
  },
};

import { AwsError } from '../../core/errors.js';
import type { AsyncQueue, QueuedEvent } from './async-queue.js';
import { functionArn } from './model.js';
import type { LambdaState } from './state.js';
import { targetOf } from './state.js';

/** Delays before the second and third attempt (AWS waits about 1 and 2 minutes; a local emulator should not). */
export const RETRY_DELAYS_MS = [1000, 2000];
/** When every instance is busy, try again this much later (not counted as an attempt). */
const THROTTLE_DELAY_MS = 500;
const POLL_MS = 250;

/**
 * Runs queued Event invocations: each attempt as a normal invocation; on a function error, up to two
 * retries; then the event goes to the function's on-failure destination or dead-letter queue.
 */
export class EventWorker {
  private timer: NodeJS.Timeout | null = null;
  private readonly running = new Set<string>();
  private stopped = false;

  constructor(
    private readonly state: () => LambdaState,
    private readonly queue: AsyncQueue,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  kick(): void {
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), ms);
    this.timer.unref();
  }

  private tick(): void {
    this.timer = null;
    for (const ev of this.queue.due(Date.now())) {
      if (this.running.has(ev.id)) continue;
      this.running.add(ev.id);
      this.attempt(ev).finally(() => {
        this.running.delete(ev.id);
        this.kick();
      });
    }
    if (this.queue.size() > 0) this.schedule(POLL_MS);
  }

  private async attempt(ev: QueuedEvent): Promise<void> {
    const state = this.state();
    const rec = state.store.get(ev.region, ev.functionName);
    if (!rec) {
      this.queue.done(ev.id);
      return;
    }
    let target;
    try {
      target = targetOf(rec, state.env.accountId, ev.qualifier === '$LATEST' ? undefined : ev.qualifier);
    } catch {
      this.queue.done(ev.id);
      return;
    }
    if (!state.executor.hasRoom(target)) {
      this.queue.save({ ...ev, notBefore: Date.now() + THROTTLE_DELAY_MS });
      return;
    }
    let error: { errorType: string; errorMessage: string } | null = null;
    let response: unknown = null;
    try {
      const result = await state.executor.invoke(target, ev.id.slice(10), Buffer.from(ev.payload, 'base64'));
      if (result.errorType) {
        const doc = JSON.parse(result.payload.toString('utf8')) as { errorType: string; errorMessage: string };
        error = { errorType: doc.errorType, errorMessage: doc.errorMessage };
        response = doc;
      }
    } catch (e) {
      if (e instanceof AwsError && e.code === 'TooManyRequestsException') {
        this.queue.save({ ...ev, notBefore: Date.now() + THROTTLE_DELAY_MS });
        return;
      }
      error = { errorType: e instanceof AwsError ? e.code : 'ServiceException', errorMessage: (e as Error).message };
    }
    if (!error) {
      this.queue.done(ev.id);
      return;
    }
    const attempts = ev.attempts + 1;
    if (attempts <= rec.maximumRetryAttempts) {
      this.queue.save({
        ...ev,
        attempts,
        lastError: error,
        notBefore: Date.now() + (RETRY_DELAYS_MS[attempts - 1] ?? 2000),
      });
      return;
    }
    await this.sendToFailure(ev, attempts, error, response, target.version).catch((e: unknown) => {
      state.env.log(`could not deliver failed event ${ev.id} of ${ev.functionName}: ${(e as Error).message}`);
    });
    this.queue.done(ev.id);
  }

  private async sendToFailure(
    ev: QueuedEvent,
    attempts: number,
    error: { errorType: string; errorMessage: string },
    response: unknown,
    version: string,
  ): Promise<void> {
    const state = this.state();
    const rec = state.store.get(ev.region, ev.functionName);
    if (!rec) return;
    const sqs = state.env.peer?.('sqs');
    const send = async (arn: string, body: string, attributes?: Record<string, unknown>) => {
      const [, , , region, account, name] = arn.split(':');
      await sqs?.internal?.(
        'SendMessage',
        {
          QueueUrl: `http://local/${account}/${name}`,
          MessageBody: body,
          ...(attributes ? { MessageAttributes: attributes } : {}),
        },
        region ?? ev.region,
      );
    };
    const payloadText = Buffer.from(ev.payload, 'base64').toString('utf8');
    if (rec.onFailure) {
      const record = {
        version: '1.0',
        timestamp: new Date().toISOString(),
        requestContext: {
          requestId: ev.id.slice(10),
          functionArn: functionArn(ev.region, state.env.accountId, ev.functionName, ev.qualifier),
          condition: 'RetriesExhausted',
          approximateInvokeCount: attempts,
        },
        requestPayload: JSON.parse(payloadText) as unknown,
        responseContext: { statusCode: 200, executedVersion: version, functionError: 'Unhandled' },
        responsePayload: response ?? error,
      };
      await send(rec.onFailure, JSON.stringify(record));
    } else if (rec.deadLetterArn) {
      await send(rec.deadLetterArn, payloadText, {
        RequestID: { DataType: 'String', StringValue: ev.id.slice(10) },
        ErrorCode: { DataType: 'Number', StringValue: '200' },
        ErrorMessage: { DataType: 'String', StringValue: error.errorMessage.slice(0, 1000) || error.errorType },
      });
    }
  }
}

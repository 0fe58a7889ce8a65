import { toAppError } from '../errors';
import { send } from '../send';
import { decodeLogTail, parseReport, type ReportFigures } from './report';

/** AWS's payload limits: 6 MB for a synchronous request or response, 1 MB for an Event. */
export const MAX_SYNC_PAYLOAD_BYTES = 6 * 1024 * 1024;
export const MAX_EVENT_PAYLOAD_BYTES = 1024 * 1024;
/** Throttled invokes are tried again this many times, waiting longer each time. */
export const THROTTLE_RETRIES = 4;

export type InvocationType = 'RequestResponse' | 'Event';

export interface InvokeParams {
  region: string;
  name: string;
  /** A version number or an alias; $LATEST when absent. */
  qualifier?: string | undefined;
  /** The payload as the user typed it; must be JSON. */
  payload: string;
  type: InvocationType;
  /** Told before each wait after a TooManyRequestsException, so the page can say so. */
  onRetry?: (retry: { attempt: number; delayMs: number; reason: string }) => void;
  /** Base of the growing back-off (tests shorten it). */
  backoffMs?: number;
}

export interface FunctionErrorInfo {
  /** As AWS says it in X-Amz-Function-Error: Unhandled (the runtime caught it) or Handled. */
  kind: string;
  type: string;
  message: string;
  trace: string[];
  /** The failure in plain words ("The function timed out after 2.00 seconds"). */
  summary: string;
}

export interface InvokeResult {
  type: InvocationType;
  status: number;
  requestId?: string;
  executedVersion?: string;
  /** The answer as text; `json` holds it parsed when it is JSON. */
  payloadText: string;
  isJson: boolean;
  json?: unknown;
  payloadBytes: number;
  error?: FunctionErrorInfo;
  /** The decoded `LogType: Tail` (last 4 KB of the log), RequestResponse only. */
  logTail?: string;
  report?: ReportFigures;
  /** Wall-clock round trip of the last attempt, in ms. */
  roundTripMs: number;
  /** How many throttled attempts came before this answer. */
  retries: number;
}

/** A payload refused before any call, with why. */
export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}

const count = (n: number) => n.toLocaleString('en-US');

/** The payload's UTF-8 bytes, or a PayloadError naming what is wrong (not JSON, too large for the type). */
export function checkPayload(text: string, type: InvocationType): Uint8Array {
  const trimmed = text.trim();
  if (trimmed !== '') {
    try {
      JSON.parse(trimmed);
    } catch (e) {
      throw new PayloadError(`The payload is not JSON: ${(e as Error).message}`);
    }
  }
  const bytes = new TextEncoder().encode(trimmed === '' ? '{}' : text);
  const limit = type === 'Event' ? MAX_EVENT_PAYLOAD_BYTES : MAX_SYNC_PAYLOAD_BYTES;
  if (bytes.length > limit)
    throw new PayloadError(
      `The payload is ${count(bytes.length)} bytes; Lambda accepts at most ${limit / 1024 / 1024} MB ` +
        `(${count(limit)} bytes) for ${type === 'Event' ? 'an Event' : 'a synchronous'} invoke.`,
    );
  return bytes;
}

/** A function error in words a person can act on, from AWS's { errorType, errorMessage } document. */
export function explainFunctionError(type: string, message: string, report?: ReportFigures): string {
  if (type === 'Sandbox.Timedout' || /Task timed out after/.test(message)) {
    const secs = /after ([\d.]+) seconds/.exec(message)?.[1];
    return `The function timed out${secs ? ` after ${secs} seconds` : ''} and was stopped.`;
  }
  if (type === 'Runtime.OutOfMemory')
    return `The function ran out of memory${report ? ` (${report.maxMemoryUsedMb} of ${report.memorySizeMb} MB used)` : ''} and was stopped.`;
  if (type === 'Function.ResponseSizeTooLarge')
    return 'The function returned more than Lambda allows (6 MB); nothing was returned.';
  if (type === 'Runtime.ExitError') return `The function's process exited before answering: ${message}`;
  if (type.startsWith('Runtime.')) return `The runtime failed (${type}): ${message}`;
  return `The function threw ${type}: ${message}`;
}

function functionErrorOf(kind: string, text: string, report: ReportFigures | undefined): FunctionErrorInfo {
  let type = kind;
  let message = text;
  let trace: string[] = [];
  try {
    const doc = JSON.parse(text) as { errorType?: unknown; errorMessage?: unknown; trace?: unknown };
    if (typeof doc.errorType === 'string') type = doc.errorType;
    if (typeof doc.errorMessage === 'string') message = doc.errorMessage;
    if (Array.isArray(doc.trace)) trace = doc.trace.filter((t): t is string => typeof t === 'string');
  } catch {
    // Not a JSON error document: keep the text as the message.
  }
  return { kind, type, message, trace, summary: explainFunctionError(type, message, report) };
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      },
      { once: true },
    );
  });

/**
 * Invoke a function. RequestResponse asks for the log tail and reads the REPORT line from it; Event
 * answers 202 at once. A throttled call (TooManyRequestsException) is tried again with growing back-off,
 * and `onRetry` hears of each wait; any other failure is thrown at once.
 */
export async function invokeFunction(params: InvokeParams, signal?: AbortSignal): Promise<InvokeResult> {
  const bytes = checkPayload(params.payload, params.type);
  const base = params.backoffMs ?? 1000;
  for (let attempt = 0; ; attempt++) {
    const started = performance.now();
    try {
      const out = await send(
        'lambda',
        params.region,
        (l) =>
          new l.InvokeCommand({
            FunctionName: params.name,
            InvocationType: params.type,
            Payload: bytes,
            ...(params.type === 'RequestResponse' ? { LogType: 'Tail' } : {}),
            ...(params.qualifier ? { Qualifier: params.qualifier } : {}),
          }),
        signal,
      );
      const roundTripMs = performance.now() - started;
      const payloadBytes = out.Payload?.length ?? 0;
      const payloadText = out.Payload ? new TextDecoder().decode(out.Payload) : '';
      const logTail = decodeLogTail(out.LogResult);
      const report = logTail ? parseReport(logTail) : undefined;
      let json: unknown;
      let isJson = false;
      if (payloadText.trim() !== '') {
        try {
          json = JSON.parse(payloadText);
          isJson = true;
        } catch {
          // A function may answer plain text (a string handler result is JSON, a raw stream is not).
        }
      }
      return {
        type: params.type,
        status: out.StatusCode ?? 0,
        payloadText,
        isJson,
        ...(isJson ? { json } : {}),
        payloadBytes,
        roundTripMs,
        retries: attempt,
        ...(out.$metadata.requestId ? { requestId: out.$metadata.requestId } : {}),
        ...(out.ExecutedVersion ? { executedVersion: out.ExecutedVersion } : {}),
        ...(out.FunctionError ? { error: functionErrorOf(out.FunctionError, payloadText, report) } : {}),
        ...(logTail !== undefined ? { logTail } : {}),
        ...(report ? { report } : {}),
      };
    } catch (e) {
      const err = toAppError(e);
      if (err.code !== 'TooManyRequestsException' || attempt >= THROTTLE_RETRIES) throw e;
      const delayMs = Math.min(base * 2 ** attempt, 15_000) * (0.75 + Math.random() / 2);
      const reason = (e as { Reason?: unknown }).Reason;
      params.onRetry?.({ attempt: attempt + 1, delayMs, reason: typeof reason === 'string' ? reason : err.message });
      await sleep(delayMs, signal);
    }
  }
}

/** Ask Lambda whether this session may invoke the function, without running it (InvocationType DryRun). */
export async function probeInvoke(
  params: { region: string; name: string },
  signal?: AbortSignal,
): Promise<{ isAllowed: boolean; reason?: string }> {
  try {
    await send(
      'lambda',
      params.region,
      (l) => new l.InvokeCommand({ FunctionName: params.name, InvocationType: 'DryRun' }),
      signal,
    );
    return { isAllowed: true };
  } catch (e) {
    const err = toAppError(e);
    if (err.kind !== 'forbidden') return { isAllowed: true };
    return { isAllowed: false, reason: `Your role does not allow ${err.action ?? 'lambda:InvokeFunction'}` };
  }
}

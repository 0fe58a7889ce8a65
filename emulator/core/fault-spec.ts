import { AwsError } from './errors.js';
import type { FaultSpec } from './faults.js';

/** Longest injected delay: past the 60 s idle timeout a "latency" is a hung request, not a slow one. */
export const MAX_FAULT_LATENCY_MS = 60_000;
const FIELDS = new Set(['service', 'operation', 'count', 'error', 'drop', 'latencyMs']);
const ERROR_FIELDS = new Set(['code', 'status', 'message']);
/** A name as AWS spells service names, operations and error codes: no spaces, no CR/LF to split a header. */
const NAME = /^[A-Za-z0-9][\w.:-]{0,127}$/;

function invalid(field: string, why: string): AwsError {
  return new AwsError('ValidationException', `fault field "${field}" ${why}`);
}

/** A fault the injector can honour, or a 400 naming the first field that is wrong. */
export function parseFaultSpec(input: unknown): FaultSpec {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw invalid('(body)', 'must be a JSON object');
  const spec = input as Record<string, unknown>;
  for (const key of Object.keys(spec)) if (!FIELDS.has(key)) throw invalid(key, 'is not a fault field');
  const { service, operation, count, error, drop, latencyMs } = spec;
  if (service !== undefined && (typeof service !== 'string' || !NAME.test(service)))
    throw invalid('service', 'must be a service signing name such as "sqs"');
  if (typeof operation !== 'string' || !(operation === '*' || NAME.test(operation)))
    throw invalid('operation', 'must be an operation name such as "ReceiveMessage", or "*"');
  if (count !== undefined && (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1_000_000))
    throw invalid('count', 'must be a whole number from 1 to 1000000');
  if (drop !== undefined && typeof drop !== 'boolean') throw invalid('drop', 'must be true or false');
  if (
    latencyMs !== undefined &&
    (typeof latencyMs !== 'number' || !Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > MAX_FAULT_LATENCY_MS)
  )
    throw invalid('latencyMs', `must be a whole number of milliseconds from 0 to ${MAX_FAULT_LATENCY_MS}`);
  let parsedError: FaultSpec['error'];
  if (error !== undefined) {
    if (!error || typeof error !== 'object' || Array.isArray(error))
      throw invalid('error', 'must be an object such as {"code": "ThrottlingException"}');
    const e = error as Record<string, unknown>;
    for (const key of Object.keys(e))
      if (!ERROR_FIELDS.has(key)) throw invalid(`error.${key}`, 'is not an error field');
    if (typeof e.code !== 'string' || !NAME.test(e.code))
      throw invalid('error.code', 'must be an error code of letters, digits and ._:- (no spaces or line breaks)');
    if (
      e.status !== undefined &&
      (typeof e.status !== 'number' || !Number.isInteger(e.status) || e.status < 400 || e.status > 599)
    )
      throw invalid('error.status', 'must be an HTTP error status from 400 to 599');
    if (e.message !== undefined && (typeof e.message !== 'string' || e.message.length > 1024))
      throw invalid('error.message', 'must be a string of at most 1024 characters');
    parsedError = {
      code: e.code,
      ...(e.status !== undefined ? { status: e.status } : {}),
      ...(e.message !== undefined ? { message: e.message } : {}),
    };
  }
  if (!parsedError && !drop && latencyMs === undefined) throw invalid('error', 'is needed, or "drop" or "latencyMs"');
  return {
    operation,
    ...(service !== undefined ? { service } : {}),
    ...(count !== undefined ? { count } : {}),
    ...(parsedError ? { error: parsedError } : {}),
    ...(drop !== undefined ? { drop } : {}),
    ...(latencyMs !== undefined ? { latencyMs } : {}),
  };
}

import type { Caller, RequestContext } from './types.js';

/** One IAM check: an action and every resource ARN it applies to. */
export interface Grant {
  action: string;
  resources: string[];
  /** Condition keys a policy may test for this check (S3's s3:prefix on ListBucket). */
  context?: Record<string, string>;
}

/** What an operation gets besides its input: the request's region and caller, the service's state. */
export interface Call<S> {
  state: S;
  region: string;
  caller: Caller;
  requestId: string;
  /** Aborted when the client goes away (long polls stop early). */
  signal: AbortSignal;
  /** Per-item checks inside one call (BatchGetSecretValue): whether the caller may, without throwing. */
  isAllowed(action: string, resource: string): boolean;
}

/**
 * One operation of a service, as data: the IAM action and resource it needs, then `run`, which returns
 * the output (or throws an AwsError) and never writes HTTP. Authorization happens once, before `run`.
 */
export interface Operation<S, I> {
  /**
   * The IAM action AWS checks; null when the request as a whole needs none: the few calls AWS serves
   * without a signature (Cognito sign-in), and S3 DeleteObjects, whose keys `run` checks one by one.
   */
  action: string | null;
  /** The resource ARN(s) the action applies to (may read and validate the input). Default '*'. */
  resource?(input: I, call: Call<S>): string | string[];
  /** For operations that need several actions (DynamoDB transactions): every check, instead of action/resource. */
  grants?(input: I, call: Call<S>): Grant[];
  run(input: I, call: Call<S>): unknown;
}

export type OperationTable<S, I> = Record<string, Operation<S, I>>;

/** The operation of that name, by own property only: `constructor` or `__proto__` find nothing. */
export function lookupOperation<T>(table: Record<string, T>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

export function callOf<S>(ctx: RequestContext, state: S): Call<S> {
  const aborted = new AbortController();
  ctx.res.on('close', () => aborted.abort());
  return {
    state,
    region: ctx.region,
    caller: ctx.caller,
    requestId: ctx.requestId,
    signal: aborted.signal,
    isAllowed: (a, r) => ctx.isAllowed(a, r),
  };
}

/** The call of an in-process operation (one service using another): the service itself, never aborted. */
export function internalCall<S>(state: S, region: string, accountId = ''): Call<S> {
  return {
    state,
    region,
    caller: { accessKeyId: '', arn: 'internal', accountId, userId: 'internal', roleName: null, anonymous: false },
    requestId: 'internal',
    signal: new AbortController().signal,
    isAllowed: () => true,
  };
}

/** The checks an operation needs for this input. */
export function grantsOf<S, I>(op: Operation<S, I>, input: I, call: Call<S>): Grant[] {
  if (op.grants) return op.grants(input, call);
  if (op.action === null) return [];
  const resource = op.resource ? op.resource(input, call) : '*';
  return [{ action: op.action, resources: Array.isArray(resource) ? resource : [resource] }];
}

/**
 * The one path every table-driven service takes: fault injection, input, authorization, run.
 * `readInput` runs after fault injection so an injected fault wins over bad input, as before; it may be
 * async where the input is read from a stream before the caller is known (S3 POST Object's form).
 */
export async function runOperation<S, I>(
  op: Operation<S, I>,
  name: string,
  ctx: RequestContext,
  state: S,
  readInput: () => I | Promise<I>,
  afterAuthorize?: (input: I) => void,
): Promise<unknown> {
  await ctx.begin(name);
  const input = await readInput();
  const call = callOf(ctx, state);
  for (const grant of grantsOf(op, input, call)) ctx.authorize(grant.action, grant.resources, grant.context);
  afterAuthorize?.(input);
  return op.run(input, call);
}

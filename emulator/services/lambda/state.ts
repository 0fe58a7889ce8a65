import { AwsError } from '../../core/errors.js';
import type { Call } from '../../core/operations.js';
import type { ServiceEnv } from '../../core/types.js';
import type { AsyncQueue } from './async-queue.js';
import type { Executor, Target } from './executor.js';
import { functionArn, notFound, parseFunctionName } from './model.js';
import type { FunctionRecord, FunctionStore } from './store.js';

/** What every Lambda operation shares. */
export interface LambdaState {
  env: ServiceEnv;
  store: FunctionStore;
  executor: Executor;
  queue: AsyncQueue;
  /** Wake the Event worker (a new event is queued). */
  kick(): void;
}

export type LambdaCall = Call<LambdaState>;

/** The function a request names (path parameter plus an optional Qualifier), which must exist. */
export function findFunction(
  call: LambdaCall,
  raw: string,
  qualifierParam?: string | null,
): { rec: FunctionRecord; qualifier?: string } {
  const { name, qualifier } = parseFunctionName(raw, call.state.env.accountId);
  const rec = call.state.store.get(call.region, name);
  if (!rec) throw notFound(functionArn(call.region, call.state.env.accountId, name));
  const q = qualifierParam ?? qualifier;
  if (qualifierParam && qualifier && qualifierParam !== qualifier) {
    throw new AwsError(
      'InvalidParameterValueException',
      'The derived qualifier from the function name does not match the specified qualifier.',
    );
  }
  return { rec, qualifier: q ?? undefined };
}

/** The unqualified ARN of the function a request names (the resource IAM checks). */
export function arnOfRequest(call: LambdaCall, raw: string): string {
  const { name } = parseFunctionName(raw, call.state.env.accountId);
  return functionArn(call.region, call.state.env.accountId, name);
}

/** What a qualifier runs: $LATEST, a published version, or the version an alias points at. */
export function targetOf(rec: FunctionRecord, accountId: string, qualifier?: string): Target {
  let version = qualifier ?? '$LATEST';
  if (version !== '$LATEST' && !/^\d+$/.test(version)) {
    const alias = rec.aliases.find((a) => a.name === version);
    if (!alias) throw notFound(functionArn(rec.region, accountId, rec.name, version));
    version = alias.functionVersion;
  }
  if (version === '$LATEST') {
    return {
      region: rec.region,
      name: rec.name,
      version,
      settings: rec,
      reservedConcurrency: rec.reservedConcurrency,
      arn: functionArn(rec.region, accountId, rec.name, qualifier),
    };
  }
  const published = rec.versions.find((v) => v.version === version);
  if (!published) throw notFound(functionArn(rec.region, accountId, rec.name, version));
  return {
    region: rec.region,
    name: rec.name,
    version,
    settings: published,
    reservedConcurrency: rec.reservedConcurrency,
    arn: functionArn(rec.region, accountId, rec.name, qualifier),
  };
}

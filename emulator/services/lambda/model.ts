import { randomUUID } from 'node:crypto';
import { AwsError } from '../../core/errors.js';
import type { FunctionRecord, FunctionSettings, PublishedVersion } from './store.js';

export const RUNTIMES = ['nodejs20.x', 'nodejs22.x'];
/** A function is Pending (or its update InProgress) this long after a change, then Active / Successful. */
export const SETTLE_MS = 150;

export function functionArn(region: string, accountId: string, name: string, qualifier?: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${name}${qualifier ? `:${qualifier}` : ''}`;
}

/** Lambda's timestamp form: 2026-11-30T19:00:00.000+0000. */
export function lambdaTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/**
 * A FunctionName as callers give it: a name, `name:qualifier`, a partial ARN (ACCOUNT:function:NAME)
 * or a full ARN, each optionally qualified.
 */
export function parseFunctionName(raw: string, accountId: string): { name: string; qualifier?: string } {
  const parts = raw.split(':');
  let name: string | undefined;
  let qualifier: string | undefined;
  if (parts[0] === 'arn') {
    if (parts.length < 7 || parts[2] !== 'lambda' || parts[5] !== 'function') throw badName(raw);
    if (parts[4] !== accountId) throw notFound(raw);
    [name, qualifier] = [parts[6], parts[7]];
  } else if (parts.length >= 3 && parts[1] === 'function') {
    if (parts[0] !== accountId) throw notFound(raw);
    [name, qualifier] = [parts[2], parts[3]];
  } else if (parts.length <= 2) {
    [name, qualifier] = [parts[0], parts[1]];
  }
  if (!name || !/^[a-zA-Z0-9-_]{1,64}$/.test(name)) throw badName(raw);
  if (qualifier !== undefined && !/^(\$LATEST|[a-zA-Z0-9-_]{1,128})$/.test(qualifier)) throw badName(raw);
  return { name, qualifier };
}

function badName(raw: string): AwsError {
  return new AwsError(
    'ValidationException',
    `1 validation error detected: Value '${raw.slice(0, 200)}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
  );
}

export function notFound(what: string): AwsError {
  return new AwsError('ResourceNotFoundException', `Function not found: ${what}`, 404);
}

export function newRevision(): string {
  return randomUUID();
}

/** The FunctionConfiguration document of $LATEST or of a published version. */
export function configuration(
  rec: FunctionRecord,
  accountId: string,
  version?: PublishedVersion,
): Record<string, unknown> {
  const s: FunctionSettings = version ?? rec;
  const settled = Date.now() - rec.changedAt >= SETTLE_MS;
  const qualifier = version?.version;
  return {
    FunctionName: rec.name,
    FunctionArn: functionArn(rec.region, accountId, rec.name, qualifier),
    Runtime: s.runtime,
    Role: s.role,
    Handler: s.handler,
    CodeSize: s.codeSize,
    Description: s.description,
    Timeout: s.timeout,
    MemorySize: s.memorySize,
    LastModified: lambdaTime(s.lastModified),
    CodeSha256: s.codeSha256,
    Version: qualifier ?? '$LATEST',
    Environment: { Variables: s.environment },
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: s.revisionId,
    State: version || settled ? 'Active' : 'Pending',
    ...(version || settled ? {} : { StateReason: 'The function is being created.', StateReasonCode: 'Creating' }),
    LastUpdateStatus: version || settled ? 'Successful' : 'InProgress',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
    ...(s.deadLetterArn ? { DeadLetterConfig: { TargetArn: s.deadLetterArn } } : {}),
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${rec.name}` },
  };
}

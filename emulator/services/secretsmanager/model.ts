import { randomBytes, randomUUID } from 'node:crypto';
import { AwsError } from '../../core/errors.js';
import type { Call } from '../../core/operations.js';
import type { ServiceEnv } from '../../core/types.js';
import type { JsonInput } from '../../protocols/json-input.js';
import type { SecretRow, SecretStore, VersionRow } from './store.js';
import type { Vault } from './vault.js';

export interface Secrets {
  store: SecretStore;
  vault: Vault;
  env: ServiceEnv;
}
export type SecretsCall = Call<Secrets>;

export const MAX_VALUE_BYTES = 65_536;
export const CURRENT = 'AWSCURRENT';
export const PREVIOUS = 'AWSPREVIOUS';
export const PENDING = 'AWSPENDING';
const NAME = /^[a-zA-Z0-9/_+=.@-]{1,512}$/;
const TOKEN = /^[a-zA-Z0-9-]{32,64}$/;

const seconds = (ms: number | null) => (ms === null ? undefined : ms / 1000);
export { seconds };

export function checkName(name: string): string {
  if (!NAME.test(name)) {
    throw new AwsError(
      'ValidationException',
      `1 validation error detected: Value at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9/_+=.@-]+$ and have length between 1 and 512`,
    );
  }
  return name;
}

export function nameArn(call: SecretsCall, name: string): string {
  return `arn:aws:secretsmanager:${call.region}:${call.state.env.accountId}:secret:${name}`;
}

export function newArn(call: SecretsCall, name: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const suffix = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
  return `${nameArn(call, name)}-${suffix}`;
}

/** The secret a SecretId names: its name, its full ARN, or its ARN without the random suffix. */
export function lookup(call: SecretsCall, secretId: string): SecretRow | undefined {
  const { store } = call.state;
  store.purge(Date.now());
  if (secretId.startsWith('arn:')) {
    return store.byArn(secretId) ?? store.byArnPrefix(call.region, secretId);
  }
  return store.byName(call.region, secretId);
}

export function notFound(): AwsError {
  return new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
}

export function find(call: SecretsCall, input: JsonInput): SecretRow {
  const secret = lookup(call, input.str('SecretId'));
  if (!secret) throw notFound();
  return secret;
}

/** A secret that may be read or changed: not scheduled for deletion. */
export function live(call: SecretsCall, input: JsonInput): SecretRow {
  const secret = find(call, input);
  if (secret.deletion !== null) {
    throw new AwsError(
      'InvalidRequestException',
      "You can't perform this operation on the secret because it was marked for deletion.",
    );
  }
  return secret;
}

/** The resource ARN IAM checks: the secret's own ARN, or the name's ARN when there is no such secret. */
export function resourceOf(call: SecretsCall, input: JsonInput): string {
  const id = input.str('SecretId');
  return lookup(call, id)?.arn ?? (id.startsWith('arn:') ? id : nameArn(call, id));
}

export function stagesOf(v: VersionRow): string[] {
  return JSON.parse(v.stages) as string[];
}

export interface SecretValue {
  kind: 'string' | 'binary';
  bytes: Buffer;
}

/** SecretString or SecretBinary (base64), one of them, at most 64 KB; undefined when neither. */
export function valueOf(input: JsonInput): SecretValue | undefined {
  const text = input.optStr('SecretString');
  const binary = input.optStr('SecretBinary');
  if (text !== undefined && binary !== undefined) {
    throw new AwsError(
      'InvalidParameterException',
      "You can't specify both a binary secret value and a string secret value in the same secret.",
    );
  }
  if (text === undefined && binary === undefined) return undefined;
  const value: SecretValue =
    text !== undefined
      ? { kind: 'string', bytes: Buffer.from(text) }
      : { kind: 'binary', bytes: Buffer.from(binary ?? '', 'base64') };
  if (value.bytes.length > MAX_VALUE_BYTES) {
    throw new AwsError(
      'ValidationException',
      `1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length less than or equal to ${MAX_VALUE_BYTES}`,
    );
  }
  return value;
}

export function tokenOf(input: JsonInput): string {
  const token = input.optStr('ClientRequestToken');
  if (token === undefined) return randomUUID();
  if (!TOKEN.test(token))
    throw new AwsError(
      'ValidationException',
      "1 validation error detected: Value at 'clientRequestToken' failed to satisfy constraint: Member must have length between 32 and 64",
    );
  return token;
}

/**
 * Store a new version and move stages as AWS does: the given stages (AWSCURRENT by default) leave the
 * versions that had them; when AWSCURRENT moves, the version that had it becomes AWSPREVIOUS.
 * Idempotent by ClientRequestToken: the same token and value again is a no-op, another value a conflict.
 */
export function putVersion(
  call: SecretsCall,
  secret: SecretRow,
  token: string,
  value: SecretValue,
  stages: string[],
): VersionRow {
  const { store, vault } = call.state;
  const existing = store.version(secret.arn, token);
  if (existing) {
    const same =
      existing.kind === value.kind && vault.open(existing.sealed, `${secret.arn}\u0000${token}`).equals(value.bytes);
    if (!same)
      throw new AwsError(
        'ResourceExistsException',
        "You can't modify an existing version, you can only create a new version.",
      );
    return existing;
  }
  const now = Date.now();
  const row: VersionRow = {
    arn: secret.arn,
    version_id: token,
    created: now,
    accessed: null,
    stages: '[]',
    kind: value.kind,
    sealed: vault.seal(value.bytes, `${secret.arn}\u0000${token}`),
  };
  store.transaction(() => {
    store.putVersion(row);
    for (const stage of stages) moveStage(call, secret, stage, token);
    store.update({ ...secret, changed: now });
  });
  return store.version(secret.arn, token) ?? row;
}

/** Attach `stage` to `toVersion` (detaching it elsewhere); AWSCURRENT's old holder becomes AWSPREVIOUS. */
export function moveStage(
  call: SecretsCall,
  secret: SecretRow,
  stage: string,
  toVersion: string | null,
  fromVersion?: string,
): void {
  const { store } = call.state;
  const versions = store.versions(secret.arn);
  const holder = versions.find((v) => stagesOf(v).includes(stage));
  if (fromVersion !== undefined && holder?.version_id !== fromVersion) {
    throw new AwsError(
      'InvalidParameterException',
      `The staging label ${stage} is currently attached to version ${holder?.version_id ?? '(none)'}, not to ${fromVersion}.`,
    );
  }
  if (holder && holder.version_id === toVersion) return;
  if (holder)
    store.setStages(
      secret.arn,
      holder.version_id,
      stagesOf(holder).filter((s) => s !== stage),
    );
  if (toVersion) {
    const target = store.version(secret.arn, toVersion);
    if (!target)
      throw new AwsError(
        'ResourceNotFoundException',
        `Secrets Manager can't find the specified secret version: ${toVersion}`,
      );
    store.setStages(secret.arn, toVersion, [...stagesOf(target).filter((s) => s !== stage), stage]);
  }
  if (stage === CURRENT && holder && toVersion) moveStage(call, secret, PREVIOUS, holder.version_id);
}

export function versionStages(call: SecretsCall, secret: SecretRow): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const v of call.state.store.versions(secret.arn)) {
    const stages = stagesOf(v);
    if (stages.length) out[v.version_id] = stages;
  }
  return out;
}

export interface Tag {
  Key: string;
  Value: string;
}

export function tagsOf(secret: SecretRow): Tag[] {
  return JSON.parse(secret.tags) as Tag[];
}

export function checkTags(raw: unknown): Tag[] {
  if (raw === undefined || raw === null) return [];
  if (
    !Array.isArray(raw) ||
    !raw.every(
      (t) =>
        t &&
        typeof t === 'object' &&
        typeof (t as Tag).Key === 'string' &&
        typeof ((t as Tag).Value ?? '') === 'string',
    )
  ) {
    throw new AwsError('InvalidParameterException', 'Tags must be a list of { Key, Value }');
  }
  const tags = (raw as Tag[]).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
  if (tags.some((t) => t.Key.length < 1 || t.Key.length > 128 || t.Value.length > 256))
    throw new AwsError('ValidationException', 'Tag keys are 1-128 characters, values up to 256');
  return tags;
}

export function describe(call: SecretsCall, secret: SecretRow): Record<string, unknown> {
  const rotation = secret.rotation
    ? (JSON.parse(secret.rotation) as { lambdaArn: string; rules: Record<string, unknown>; enabled: boolean })
    : null;
  const tags = tagsOf(secret);
  return {
    ARN: secret.arn,
    Name: secret.name,
    Description: secret.description || undefined,
    KmsKeyId: secret.kms_key_id ?? undefined,
    RotationEnabled: rotation?.enabled ?? false,
    RotationLambdaARN: rotation?.lambdaArn,
    RotationRules: rotation?.rules,
    LastRotatedDate: seconds(secret.rotated),
    LastChangedDate: seconds(secret.changed),
    LastAccessedDate: secret.accessed === null ? undefined : Math.floor(secret.accessed / 86_400_000) * 86_400,
    DeletedDate: seconds(secret.deletion),
    Tags: tags.length ? tags : undefined,
    VersionIdsToStages: versionStages(call, secret),
    CreatedDate: seconds(secret.created),
  };
}

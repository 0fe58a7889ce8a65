import { toAppError } from '../errors';
import { pageOf, type Page } from '../paging';
import { send } from '../send';
import type { SealedValue } from './sealed-value';

export interface SecretTag {
  key: string;
  value: string;
}

/** A secret's metadata as ListSecrets and DescribeSecret give it; never its value. */
export interface SecretSummary {
  name: string;
  arn: string;
  description?: string;
  kmsKeyId?: string;
  createdAt?: Date;
  lastChangedAt?: Date;
  /** AWS keeps only the day of the last read. */
  lastAccessedAt?: Date;
  isRotationEnabled: boolean;
  rotationLambdaArn?: string;
  rotationDays?: number;
  lastRotatedAt?: Date;
  nextRotationAt?: Date;
  /** Set while the secret is scheduled for deletion: the day it goes. */
  deletionAt?: Date;
  tags: SecretTag[];
  /** Version id -> its staging labels (versions without a label are left out by AWS). */
  versionStages: Record<string, string[]>;
}

export interface SecretVersion {
  id: string;
  stages: string[];
  createdAt?: Date;
  lastAccessedAt?: Date;
}

/** A value GetSecretValue answered: text, or binary bytes as base64 with their size. */
export type RevealedValue =
  | { kind: 'string'; versionId: string; stages: string[]; text: string }
  | { kind: 'binary'; versionId: string; stages: string[]; base64: string; size: number };

/** ListSecrets filter keys, as the API takes them (each value matches as a prefix; `!` negates). */
export type SecretFilterKey = 'name' | 'description' | 'tag-key' | 'tag-value' | 'all';
export interface SecretFilter {
  key: SecretFilterKey;
  values: string[];
}

interface SdkSecret {
  ARN?: string | undefined;
  Name?: string | undefined;
  Description?: string | undefined;
  KmsKeyId?: string | undefined;
  CreatedDate?: Date | undefined;
  LastChangedDate?: Date | undefined;
  LastAccessedDate?: Date | undefined;
  RotationEnabled?: boolean | undefined;
  RotationLambdaARN?: string | undefined;
  RotationRules?: { AutomaticallyAfterDays?: number | undefined } | undefined;
  LastRotatedDate?: Date | undefined;
  NextRotationDate?: Date | undefined;
  DeletedDate?: Date | undefined;
  Tags?: Array<{ Key?: string | undefined; Value?: string | undefined }> | undefined;
}

function summaryOf(s: SdkSecret, stages: Record<string, string[]> | undefined): SecretSummary {
  const days = s.RotationRules?.AutomaticallyAfterDays;
  return {
    name: s.Name ?? '',
    arn: s.ARN ?? '',
    ...(s.Description ? { description: s.Description } : {}),
    ...(s.KmsKeyId ? { kmsKeyId: s.KmsKeyId } : {}),
    ...(s.CreatedDate ? { createdAt: s.CreatedDate } : {}),
    ...(s.LastChangedDate ? { lastChangedAt: s.LastChangedDate } : {}),
    ...(s.LastAccessedDate ? { lastAccessedAt: s.LastAccessedDate } : {}),
    isRotationEnabled: s.RotationEnabled ?? false,
    ...(s.RotationLambdaARN ? { rotationLambdaArn: s.RotationLambdaARN } : {}),
    ...(days !== undefined ? { rotationDays: days } : {}),
    ...(s.LastRotatedDate ? { lastRotatedAt: s.LastRotatedDate } : {}),
    ...(s.NextRotationDate ? { nextRotationAt: s.NextRotationDate } : {}),
    ...(s.DeletedDate ? { deletionAt: s.DeletedDate } : {}),
    tags: (s.Tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })),
    versionStages: stages ?? {},
  };
}

const toSdkTags = (tags: SecretTag[]) => tags.map((t) => ({ Key: t.key, Value: t.value }));

export interface ListSecretsParams {
  region: string;
  filters?: SecretFilter[];
  token?: string | undefined;
  limit?: number;
}

/** One page of secrets, those scheduled for deletion included (marked by `deletionAt`). */
export async function listSecrets(params: ListSecretsParams, signal?: AbortSignal): Promise<Page<SecretSummary>> {
  const filters = (params.filters ?? []).filter((f) => f.values.length > 0);
  const out = await send(
    'secretsmanager',
    params.region,
    (sm) =>
      new sm.ListSecretsCommand({
        IncludePlannedDeletion: true,
        MaxResults: params.limit ?? 100,
        NextToken: params.token,
        ...(filters.length ? { Filters: filters.map((f) => ({ Key: f.key, Values: f.values })) } : {}),
      }),
    signal,
  );
  return pageOf(
    (out.SecretList ?? []).map((s) => summaryOf(s, s.SecretVersionsToStages)),
    out.NextToken,
  );
}

export interface SecretParams {
  region: string;
  /** Name or ARN. */
  secretId: string;
}

export async function describeSecret(params: SecretParams, signal?: AbortSignal): Promise<SecretSummary> {
  const out = await send(
    'secretsmanager',
    params.region,
    (sm) => new sm.DescribeSecretCommand({ SecretId: params.secretId }),
    signal,
  );
  return summaryOf(out, out.VersionIdsToStages);
}

/** Every version of a secret with its stages, labelled versions first; deprecated ones when asked. */
export async function listSecretVersions(
  params: SecretParams & { includeDeprecated?: boolean; token?: string | undefined },
  signal?: AbortSignal,
): Promise<Page<SecretVersion>> {
  const out = await send(
    'secretsmanager',
    params.region,
    (sm) =>
      new sm.ListSecretVersionIdsCommand({
        SecretId: params.secretId,
        IncludeDeprecated: params.includeDeprecated ?? false,
        MaxResults: 100,
        NextToken: params.token,
      }),
    signal,
  );
  const items = (out.Versions ?? []).map((v): SecretVersion => ({
    id: v.VersionId ?? '',
    stages: v.VersionStages ?? [],
    ...(v.CreatedDate ? { createdAt: v.CreatedDate } : {}),
    ...(v.LastAccessedDate ? { lastAccessedAt: v.LastAccessedDate } : {}),
  }));
  return pageOf(items, out.NextToken);
}

/**
 * GetSecretValue for a version or a stage (AWSCURRENT when neither). Deliberately not a query: the
 * caller keeps the answer in component memory only, so no cache ever holds a value.
 */
export async function getSecretValue(
  params: SecretParams & { versionId?: string | undefined; stage?: string | undefined },
  signal?: AbortSignal,
): Promise<RevealedValue> {
  const out = await send(
    'secretsmanager',
    params.region,
    (sm) =>
      new sm.GetSecretValueCommand({
        SecretId: params.secretId,
        ...(params.versionId ? { VersionId: params.versionId } : {}),
        ...(params.stage ? { VersionStage: params.stage } : {}),
      }),
    signal,
  );
  const base = { versionId: out.VersionId ?? '', stages: out.VersionStages ?? [] };
  if (out.SecretBinary !== undefined) {
    return { kind: 'binary', ...base, base64: base64Of(out.SecretBinary), size: out.SecretBinary.byteLength };
  }
  return { kind: 'string', ...base, text: out.SecretString ?? '' };
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface CreateSecretParams {
  region: string;
  name: string;
  description?: string;
  kmsKeyId?: string;
  tags?: SecretTag[];
  value: SealedValue;
}

export async function createSecret(
  params: CreateSecretParams,
  signal?: AbortSignal,
): Promise<{ arn: string; name: string; versionId?: string }> {
  const out = await send(
    'secretsmanager',
    params.region,
    (sm) =>
      new sm.CreateSecretCommand({
        Name: params.name,
        ...(params.description ? { Description: params.description } : {}),
        ...(params.kmsKeyId ? { KmsKeyId: params.kmsKeyId } : {}),
        ...(params.tags?.length ? { Tags: toSdkTags(params.tags) } : {}),
        SecretString: params.value.open(),
      }),
    signal,
  );
  return { arn: out.ARN ?? '', name: out.Name ?? params.name, ...(out.VersionId ? { versionId: out.VersionId } : {}) };
}

/** PutSecretValue: a new version; AWSCURRENT moves to it unless other stages are given. */
export async function putSecretValue(
  params: SecretParams & { value: SealedValue; stages?: string[] },
  signal?: AbortSignal,
): Promise<SecretVersion> {
  const out = await send(
    'secretsmanager',
    params.region,
    (sm) =>
      new sm.PutSecretValueCommand({
        SecretId: params.secretId,
        SecretString: params.value.open(),
        ...(params.stages?.length ? { VersionStages: params.stages } : {}),
      }),
    signal,
  );
  return { id: out.VersionId ?? '', stages: out.VersionStages ?? [] };
}

/** UpdateSecret for metadata only (description, KMS key): no value, so no new version. */
export async function updateSecretMetadata(
  params: SecretParams & { description?: string; kmsKeyId?: string },
  signal?: AbortSignal,
): Promise<void> {
  await send(
    'secretsmanager',
    params.region,
    (sm) =>
      new sm.UpdateSecretCommand({
        SecretId: params.secretId,
        ...(params.description !== undefined ? { Description: params.description } : {}),
        ...(params.kmsKeyId ? { KmsKeyId: params.kmsKeyId } : {}),
      }),
    signal,
  );
}

export async function tagSecret(params: SecretParams & { tags: SecretTag[] }, signal?: AbortSignal): Promise<void> {
  await send(
    'secretsmanager',
    params.region,
    (sm) => new sm.TagResourceCommand({ SecretId: params.secretId, Tags: toSdkTags(params.tags) }),
    signal,
  );
}

export async function untagSecret(params: SecretParams & { keys: string[] }, signal?: AbortSignal): Promise<void> {
  await send(
    'secretsmanager',
    params.region,
    (sm) => new sm.UntagResourceCommand({ SecretId: params.secretId, TagKeys: params.keys }),
    signal,
  );
}

/** Schedule deletion after a recovery window of 7-30 days, or (force) delete at once with no way back. */
export async function deleteSecret(
  params: SecretParams & ({ recoveryDays: number; force?: false } | { force: true }),
  signal?: AbortSignal,
): Promise<{ deletionAt?: Date }> {
  const out = await send(
    'secretsmanager',
    params.region,
    (sm) =>
      new sm.DeleteSecretCommand({
        SecretId: params.secretId,
        ...(params.force ? { ForceDeleteWithoutRecovery: true } : { RecoveryWindowInDays: params.recoveryDays }),
      }),
    signal,
  );
  return out.DeletionDate ? { deletionAt: out.DeletionDate } : {};
}

export async function restoreSecret(params: SecretParams, signal?: AbortSignal): Promise<void> {
  await send(
    'secretsmanager',
    params.region,
    (sm) => new sm.RestoreSecretCommand({ SecretId: params.secretId }),
    signal,
  );
}

/**
 * RotateSecret: with a function ARN it (re)configures rotation; without, it rotates now with the
 * function already set. Answers the version id the rotation is creating.
 */
export async function rotateSecret(
  params: SecretParams & { lambdaArn?: string; days?: number; rotateImmediately?: boolean },
  signal?: AbortSignal,
): Promise<{ versionId?: string }> {
  const out = await send(
    'secretsmanager',
    params.region,
    (sm) =>
      new sm.RotateSecretCommand({
        SecretId: params.secretId,
        ...(params.lambdaArn ? { RotationLambdaARN: params.lambdaArn } : {}),
        ...(params.days !== undefined ? { RotationRules: { AutomaticallyAfterDays: params.days } } : {}),
        ...(params.rotateImmediately !== undefined ? { RotateImmediately: params.rotateImmediately } : {}),
      }),
    signal,
  );
  return out.VersionId ? { versionId: out.VersionId } : {};
}

export interface RandomPasswordParams {
  region: string;
  length?: number;
  excludePunctuation?: boolean;
  excludeCharacters?: string;
}

export async function getRandomPassword(params: RandomPasswordParams, signal?: AbortSignal): Promise<string> {
  const out = await send(
    'secretsmanager',
    params.region,
    (sm) =>
      new sm.GetRandomPasswordCommand({
        PasswordLength: params.length ?? 32,
        ...(params.excludePunctuation ? { ExcludePunctuation: true } : {}),
        ...(params.excludeCharacters ? { ExcludeCharacters: params.excludeCharacters } : {}),
      }),
    signal,
  );
  return out.RandomPassword ?? '';
}

/** A version id no secret has (GetSecretValue wants 32-64 characters). */
const PROBE_VERSION = '00000000-0000-4000-8000-000000000000';

/**
 * May this role read the secret's value? Asks GetSecretValue for a version that cannot exist: IAM
 * answers AccessDenied before any lookup, and otherwise AWS answers not-found, so no value ever comes
 * back (Secrets Manager has no DryRun). undefined when the answer says neither.
 */
export async function probeGetSecretValue(
  params: SecretParams,
  signal?: AbortSignal,
): Promise<{ isAllowed: boolean; action?: string } | undefined> {
  try {
    await send(
      'secretsmanager',
      params.region,
      (sm) => new sm.GetSecretValueCommand({ SecretId: params.secretId, VersionId: PROBE_VERSION }),
      signal,
    );
    return { isAllowed: true };
  } catch (e) {
    const error = toAppError(e);
    if (error.kind === 'forbidden')
      return { isAllowed: false, action: error.action ?? 'secretsmanager:GetSecretValue' };
    if (error.kind === 'not-found' || error.kind === 'invalid') return { isAllowed: true };
    return undefined;
  }
}

import { randomInt } from 'node:crypto';
import { AwsError } from '../../core/errors.js';
import type { Operation } from '../../core/operations.js';
import type { JsonInput } from '../../protocols/json-input.js';
import {
  CURRENT,
  PENDING,
  checkName,
  checkTags,
  describe,
  find,
  live,
  lookup,
  moveStage,
  nameArn,
  newArn,
  putVersion,
  resourceOf,
  seconds,
  stagesOf,
  tagsOf,
  tokenOf,
  valueOf,
  type Secrets,
  type SecretsCall,
} from './model.js';
import type { SecretRow, VersionRow } from './store.js';
import { rotateSecret } from './rotation.js';

type SecretsOperation = Operation<Secrets, JsonInput>;

const onSecret = (action: string, run: SecretsOperation['run']): SecretsOperation => ({
  action,
  resource: (input, call) => resourceOf(call, input),
  run,
});
const DAY = 86_400_000;

function readVersion(call: SecretsCall, secret: SecretRow, versionId?: string, stage?: string): VersionRow {
  const versions = call.state.store.versions(secret.arn);
  let found: VersionRow | undefined;
  if (versionId !== undefined) {
    found = versions.find((v) => v.version_id === versionId);
    if (found && stage !== undefined && !stagesOf(found).includes(stage)) found = undefined;
  } else found = versions.find((v) => stagesOf(v).includes(stage ?? CURRENT));
  if (!found) {
    throw new AwsError(
      'ResourceNotFoundException',
      `Secrets Manager can't find the specified secret value for ${versionId !== undefined ? `VersionId: ${versionId}` : `staging label: ${stage ?? CURRENT}`}`,
    );
  }
  return found;
}

function valueShape(call: SecretsCall, secret: SecretRow, version: VersionRow): Record<string, unknown> {
  const bytes = call.state.vault.open(version.sealed, `${secret.arn}\u0000${version.version_id}`);
  call.state.store.touch(secret.arn, version.version_id, Date.now());
  return {
    ARN: secret.arn,
    Name: secret.name,
    VersionId: version.version_id,
    ...(version.kind === 'string'
      ? { SecretString: bytes.toString('utf8') }
      : { SecretBinary: bytes.toString('base64') }),
    VersionStages: stagesOf(version),
    CreatedDate: seconds(version.created),
  };
}

interface Filter {
  Key: string;
  Values: string[];
}

function filtersOf(input: JsonInput): Filter[] {
  const raw = input.raw('Filters');
  if (raw === undefined || raw === null) return [];
  const keys = ['description', 'name', 'tag-key', 'tag-value', 'primary-region', 'owning-service', 'all'];
  if (
    !Array.isArray(raw) ||
    !raw.every(
      (f) =>
        f &&
        typeof f === 'object' &&
        keys.includes((f as Filter).Key) &&
        Array.isArray((f as Filter).Values) &&
        (f as Filter).Values.every((v) => typeof v === 'string'),
    )
  ) {
    throw new AwsError(
      'InvalidParameterException',
      `Filters must be a list of { Key: ${keys.join(' | ')}, Values: [strings] }`,
    );
  }
  return raw as Filter[];
}

/** ListSecrets filters: values match as prefixes, case-insensitively; a leading ! negates. */
function matches(secret: SecretRow, filters: Filter[]): boolean {
  const fields = (key: string): string[] => {
    const tags = tagsOf(secret);
    switch (key) {
      case 'name':
        return [secret.name];
      case 'description':
        return [secret.description];
      case 'tag-key':
        return tags.map((t) => t.Key);
      case 'tag-value':
        return tags.map((t) => t.Value);
      case 'primary-region':
        return [secret.region];
      case 'owning-service':
        return [];
      default:
        return [secret.name, secret.description, ...tags.flatMap((t) => [t.Key, t.Value])];
    }
  };
  return filters.every((f) =>
    f.Values.some((v) => {
      const negate = v.startsWith('!');
      const want = (negate ? v.slice(1) : v).toLowerCase();
      const hit = fields(f.Key).some((x) => x.toLowerCase().startsWith(want));
      return negate ? !hit : hit;
    }),
  );
}

function page(input: JsonInput, max: number): { start: number; limit: number } {
  const limit = input.optNum('MaxResults') ?? max;
  if (!Number.isInteger(limit) || limit < 1 || limit > max)
    throw new AwsError('InvalidParameterException', `MaxResults must be between 1 and ${max}`);
  const token = input.optStr('NextToken');
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^p:/, ''));
  if (!Number.isInteger(start) || start < 0)
    throw new AwsError('InvalidNextTokenException', 'The NextToken value is invalid.');
  return { start, limit };
}
const nextToken = (start: number, limit: number, total: number) =>
  start + limit < total ? Buffer.from(`p:${start + limit}`).toString('base64url') : undefined;

function createVersionOnChange(call: SecretsCall, input: JsonInput, secret: SecretRow): VersionRow | undefined {
  const value = valueOf(input);
  return value ? putVersion(call, secret, tokenOf(input), value, [CURRENT]) : undefined;
}

export const SECRETS_OPERATIONS: Record<string, SecretsOperation> = {
  CreateSecret: {
    action: 'secretsmanager:CreateSecret',
    resource: (input, call) => nameArn(call, checkName(input.str('Name'))),
    async run(input, call) {
      const name = checkName(input.str('Name'));
      const value = valueOf(input);
      const tags = checkTags(input.raw('Tags'));
      const description = input.optStr('Description') ?? '';
      if (description.length > 2048)
        throw new AwsError('ValidationException', 'Description must be at most 2048 characters');
      const existing = lookup(call, name);
      if (existing?.deletion)
        throw new AwsError(
          'InvalidRequestException',
          "You can't create this secret because a secret with this name is already scheduled for deletion.",
        );
      if (existing)
        throw new AwsError(
          'ResourceExistsException',
          `The operation failed because the secret ${name} already exists.`,
        );
      const now = Date.now();
      const secret: SecretRow = {
        region: call.region,
        name,
        arn: newArn(call, name),
        description,
        kms_key_id: input.optStr('KmsKeyId') ?? null,
        created: now,
        changed: now,
        accessed: null,
        deletion: null,
        tags: JSON.stringify(tags),
        rotation: null,
        rotated: null,
      };
      call.state.store.insert(secret);
      const version = value ? putVersion(call, secret, tokenOf(input), value, [CURRENT]) : undefined;
      return { ARN: secret.arn, Name: name, VersionId: version?.version_id };
    },
  },
  DescribeSecret: onSecret('secretsmanager:DescribeSecret', async (input, call) => describe(call, find(call, input))),
  GetSecretValue: onSecret('secretsmanager:GetSecretValue', async (input, call) => {
    const secret = live(call, input);
    return valueShape(call, secret, readVersion(call, secret, input.optStr('VersionId'), input.optStr('VersionStage')));
  }),
  BatchGetSecretValue: {
    action: 'secretsmanager:BatchGetSecretValue',
    async run(input, call) {
      const ids = input.strList('SecretIdList');
      const filters = filtersOf(input);
      if (ids.length && filters.length)
        throw new AwsError('InvalidParameterException', 'Either SecretIdList or Filters, not both.');
      if (!ids.length && !filters.length)
        throw new AwsError('InvalidParameterException', 'SecretIdList or Filters is required.');
      if (ids.length > 20) throw new AwsError('InvalidParameterException', 'SecretIdList holds at most 20 ids.');
      const values: unknown[] = [];
      const errors: unknown[] = [];
      let token: string | undefined;
      const targets: Array<{ id: string; secret: SecretRow | undefined }> = [];
      if (ids.length) for (const id of ids) targets.push({ id, secret: lookup(call, id) });
      else {
        const all = call.state.store
          .list(call.region)
          .filter((s) => s.deletion === null && matches(s, filters))
          .sort((a, b) => a.created - b.created);
        const { start, limit } = page(input, 20);
        for (const s of all.slice(start, start + limit)) targets.push({ id: s.name, secret: s });
        token = nextToken(start, limit, all.length);
      }
      for (const { id, secret } of targets) {
        if (!secret || !call.isAllowed('secretsmanager:GetSecretValue', secret?.arn ?? nameArn(call, id))) {
          errors.push(
            secret
              ? {
                  SecretId: id,
                  ErrorCode: 'AccessDeniedException',
                  Message: `not authorized to perform: secretsmanager:GetSecretValue on resource: ${secret.arn}`,
                }
              : {
                  SecretId: id,
                  ErrorCode: 'ResourceNotFoundException',
                  Message: "Secrets Manager can't find the specified secret.",
                },
          );
          continue;
        }
        if (secret.deletion !== null) {
          errors.push({
            SecretId: id,
            ErrorCode: 'InvalidRequestException',
            Message: "You can't perform this operation on the secret because it was marked for deletion.",
          });
          continue;
        }
        try {
          values.push(valueShape(call, secret, readVersion(call, secret)));
        } catch (e) {
          errors.push({ SecretId: id, ErrorCode: (e as AwsError).code, Message: (e as Error).message });
        }
      }
      return { SecretValues: values, Errors: errors, NextToken: token };
    },
  },
  PutSecretValue: onSecret('secretsmanager:PutSecretValue', async (input, call) => {
    const secret = live(call, input);
    const value = valueOf(input);
    if (!value)
      throw new AwsError('InvalidParameterException', 'You must provide either SecretString or SecretBinary.');
    const stages = input.strList('VersionStages');
    const version = putVersion(call, secret, tokenOf(input), value, stages.length ? stages : [CURRENT]);
    return { ARN: secret.arn, Name: secret.name, VersionId: version.version_id, VersionStages: stagesOf(version) };
  }),
  UpdateSecret: onSecret('secretsmanager:UpdateSecret', async (input, call) => {
    const secret = live(call, input);
    const description = input.optStr('Description');
    const kms = input.optStr('KmsKeyId');
    const version = createVersionOnChange(call, input, secret);
    const fresh = lookup(call, secret.arn) ?? secret;
    call.state.store.update({
      ...fresh,
      description: description ?? fresh.description,
      kms_key_id: kms ?? fresh.kms_key_id,
      changed: Date.now(),
    });
    return { ARN: secret.arn, Name: secret.name, VersionId: version?.version_id };
  }),
  UpdateSecretVersionStage: onSecret('secretsmanager:UpdateSecretVersionStage', async (input, call) => {
    const secret = live(call, input);
    const stage = input.str('VersionStage');
    const to = input.optStr('MoveToVersionId');
    const from = input.optStr('RemoveFromVersionId');
    if (to === undefined && from === undefined)
      throw new AwsError('InvalidParameterException', 'Give MoveToVersionId, RemoveFromVersionId or both.');
    if (to === undefined && stage === CURRENT)
      throw new AwsError(
        'InvalidParameterException',
        'AWSCURRENT cannot be removed without moving it to another version.',
      );
    call.state.store.transaction(() => moveStage(call, secret, stage, to ?? null, from));
    return { ARN: secret.arn, Name: secret.name };
  }),
  ListSecrets: {
    action: 'secretsmanager:ListSecrets',
    async run(input, call) {
      lookup(call, '');
      const filters = filtersOf(input);
      const order = input.optStr('SortOrder') ?? 'asc';
      if (order !== 'asc' && order !== 'desc')
        throw new AwsError('InvalidParameterException', 'SortOrder must be asc or desc');
      const includeDeleted = input.optBool('IncludePlannedDeletion') ?? false;
      const all = call.state.store
        .list(call.region)
        .filter((s) => (includeDeleted || s.deletion === null) && matches(s, filters))
        .sort((a, b) => (a.created - b.created || (a.name < b.name ? -1 : 1)) * (order === 'asc' ? 1 : -1));
      const { start, limit } = page(input, 100);
      return {
        SecretList: all.slice(start, start + limit).map((s) => {
          const { VersionIdsToStages, ...rest } = describe(call, s);
          return { ...rest, SecretVersionsToStages: VersionIdsToStages };
        }),
        NextToken: nextToken(start, limit, all.length),
      };
    },
  },
  ListSecretVersionIds: onSecret('secretsmanager:ListSecretVersionIds', async (input, call) => {
    const secret = find(call, input);
    const includeDeprecated = input.optBool('IncludeDeprecated') ?? false;
    const versions = call.state.store.versions(secret.arn).filter((v) => includeDeprecated || stagesOf(v).length > 0);
    const { start, limit } = page(input, 100);
    return {
      Versions: versions.slice(start, start + limit).map((v) => ({
        VersionId: v.version_id,
        VersionStages: stagesOf(v),
        CreatedDate: seconds(v.created),
        LastAccessedDate: v.accessed === null ? undefined : Math.floor(v.accessed / DAY) * 86_400,
      })),
      NextToken: nextToken(start, limit, versions.length),
      ARN: secret.arn,
      Name: secret.name,
    };
  }),
  DeleteSecret: onSecret('secretsmanager:DeleteSecret', async (input, call) => {
    const secret = find(call, input);
    const force = input.optBool('ForceDeleteWithoutRecovery') ?? false;
    const windowDays = input.optNum('RecoveryWindowInDays');
    if (force && windowDays !== undefined)
      throw new AwsError(
        'InvalidParameterException',
        "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
      );
    if (windowDays !== undefined && (!Number.isInteger(windowDays) || windowDays < 7 || windowDays > 30)) {
      throw new AwsError(
        'InvalidParameterException',
        'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).',
      );
    }
    if (secret.deletion !== null && !force)
      throw new AwsError(
        'InvalidRequestException',
        "You can't perform this operation on the secret because it was already scheduled for deletion.",
      );
    const now = Date.now();
    if (force) {
      call.state.store.remove(secret.arn);
      return { ARN: secret.arn, Name: secret.name, DeletionDate: now / 1000 };
    }
    const deletion = now + (windowDays ?? 30) * DAY;
    call.state.store.update({ ...secret, deletion });
    return { ARN: secret.arn, Name: secret.name, DeletionDate: deletion / 1000 };
  }),
  RestoreSecret: onSecret('secretsmanager:RestoreSecret', async (input, call) => {
    const secret = find(call, input);
    call.state.store.update({ ...secret, deletion: null });
    return { ARN: secret.arn, Name: secret.name };
  }),
  TagResource: onSecret('secretsmanager:TagResource', async (input, call) => {
    const secret = live(call, input);
    const tags = checkTags(input.raw('Tags'));
    const merged = new Map(tagsOf(secret).map((t) => [t.Key, t.Value]));
    for (const t of tags) merged.set(t.Key, t.Value);
    if (merged.size > 50) throw new AwsError('ValidationException', 'A secret may have at most 50 tags.');
    call.state.store.update({ ...secret, tags: JSON.stringify([...merged].map(([Key, Value]) => ({ Key, Value }))) });
    return {};
  }),
  UntagResource: onSecret('secretsmanager:UntagResource', async (input, call) => {
    const secret = live(call, input);
    const keys = input.strList('TagKeys');
    call.state.store.update({ ...secret, tags: JSON.stringify(tagsOf(secret).filter((t) => !keys.includes(t.Key))) });
    return {};
  }),
  GetRandomPassword: {
    action: 'secretsmanager:GetRandomPassword',
    async run(input) {
      return { RandomPassword: randomPassword(input) };
    },
  },
  RotateSecret: onSecret('secretsmanager:RotateSecret', async (input, call) => {
    const secret = live(call, input);
    return rotateSecret(call, input, secret);
  }),
  CancelRotateSecret: onSecret('secretsmanager:CancelRotateSecret', async (input, call) => {
    const secret = live(call, input);
    const pending = call.state.store.versions(secret.arn).find((v) => stagesOf(v).includes(PENDING));
    if (pending) call.state.store.transaction(() => moveStage(call, secret, PENDING, null));
    const rotation = secret.rotation ? { ...(JSON.parse(secret.rotation) as object), enabled: false } : null;
    call.state.store.update({
      ...(lookup(call, secret.arn) ?? secret),
      rotation: rotation ? JSON.stringify(rotation) : null,
    });
    return { ARN: secret.arn, Name: secret.name, VersionId: pending?.version_id };
  }),
};

const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

export function randomPassword(input: JsonInput): string {
  const length = input.optNum('PasswordLength') ?? 32;
  if (!Number.isInteger(length) || length < 1 || length > 4096)
    throw new AwsError('InvalidParameterException', 'PasswordLength must be between 1 and 4096');
  const exclude = input.optStr('ExcludeCharacters') ?? '';
  const sets = [
    input.optBool('ExcludeLowercase') ? '' : 'abcdefghijklmnopqrstuvwxyz',
    input.optBool('ExcludeUppercase') ? '' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    input.optBool('ExcludeNumbers') ? '' : '0123456789',
    input.optBool('ExcludePunctuation') ? '' : PUNCTUATION,
    input.optBool('IncludeSpace') ? ' ' : '',
  ]
    .map((set) => [...set].filter((c) => !exclude.includes(c)).join(''))
    .filter((set) => set.length > 0);
  if (sets.length === 0)
    throw new AwsError('InvalidParameterException', 'Every character type is excluded: nothing to make a password of.');
  const requireEach = input.optBool('RequireEachIncludedType') ?? true;
  if (requireEach && length < sets.length)
    throw new AwsError(
      'InvalidParameterException',
      `PasswordLength must be at least ${sets.length} to include each character type.`,
    );
  const all = sets.join('');
  const chars = Array.from({ length }, () => all[randomInt(all.length)] as string);
  if (requireEach) {
    // Put one of each type at distinct random places.
    const places = new Set<number>();
    while (places.size < sets.length) places.add(randomInt(length));
    [...places].forEach((p, i) => (chars[p] = sets[i]?.[randomInt(sets[i]?.length ?? 1)] ?? ''));
  }
  return chars.join('');
}

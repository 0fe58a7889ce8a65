import { useAwsMutation } from '../mutation';
import {
  createSecret,
  deleteSecret,
  putSecretValue,
  restoreSecret,
  rotateSecret,
  tagSecret,
  untagSecret,
  updateSecretMetadata,
  type CreateSecretParams,
  type SecretParams,
  type SecretTag,
} from './api';
import { secretsKeys } from './queries';
import type { SealedValue } from './sealed-value';

// A value travels only inside a SealedValue, and `describe` never names it: failures and the
// mutation cache show the secret's name, never its value.

export function useCreateSecret() {
  return useAwsMutation({
    describe: (v: CreateSecretParams) => `create secret ${v.name}`,
    mutationFn: (v: CreateSecretParams) => createSecret(v),
    invalidates: (v) => [secretsKeys.lists(v.region)],
    action: 'secretsmanager:CreateSecret',
  });
}

export interface PutValueVars extends SecretParams {
  value: SealedValue;
  stages?: string[];
}

export function usePutSecretValue() {
  return useAwsMutation({
    describe: (v: PutValueVars) => `put a new value into ${v.secretId}`,
    mutationFn: (v: PutValueVars) => putSecretValue(v),
    invalidates: (v) => [secretsKeys.secret(v.region, v.secretId), secretsKeys.lists(v.region)],
    action: 'secretsmanager:PutSecretValue',
  });
}

export interface UpdateMetadataVars extends SecretParams {
  description?: string;
  kmsKeyId?: string;
}

export function useUpdateSecretMetadata() {
  return useAwsMutation({
    describe: (v: UpdateMetadataVars) => `update ${v.secretId}`,
    mutationFn: (v: UpdateMetadataVars) => updateSecretMetadata(v),
    invalidates: (v) => [secretsKeys.secret(v.region, v.secretId), secretsKeys.lists(v.region)],
    action: 'secretsmanager:UpdateSecret',
  });
}

export interface TagVars extends SecretParams {
  add: SecretTag[];
  remove: string[];
}

/** Tag changes in one step: removed keys first, then added or changed ones. */
export function useChangeSecretTags() {
  return useAwsMutation({
    describe: (v: TagVars) => `change the tags of ${v.secretId}`,
    mutationFn: async (v: TagVars) => {
      if (v.remove.length) await untagSecret({ region: v.region, secretId: v.secretId, keys: v.remove });
      if (v.add.length) await tagSecret({ region: v.region, secretId: v.secretId, tags: v.add });
    },
    invalidates: (v) => [secretsKeys.secret(v.region, v.secretId), secretsKeys.lists(v.region)],
    action: (v: TagVars) => (v.add.length ? 'secretsmanager:TagResource' : 'secretsmanager:UntagResource'),
  });
}

export type DeleteVars = SecretParams & ({ recoveryDays: number; force?: false } | { force: true });

export function useDeleteSecret() {
  return useAwsMutation({
    describe: (v: DeleteVars) => (v.force ? `delete ${v.secretId}` : `schedule the deletion of ${v.secretId}`),
    mutationFn: (v: DeleteVars) => deleteSecret(v),
    invalidates: (v) => [secretsKeys.secret(v.region, v.secretId), secretsKeys.lists(v.region)],
    action: 'secretsmanager:DeleteSecret',
  });
}

export function useRestoreSecret() {
  return useAwsMutation({
    describe: (v: SecretParams) => `restore ${v.secretId}`,
    mutationFn: (v: SecretParams) => restoreSecret(v),
    invalidates: (v) => [secretsKeys.secret(v.region, v.secretId), secretsKeys.lists(v.region)],
    action: 'secretsmanager:RestoreSecret',
  });
}

export interface RotateVars extends SecretParams {
  lambdaArn?: string;
  days?: number;
  rotateImmediately?: boolean;
}

export function useRotateSecret() {
  return useAwsMutation({
    describe: (v: RotateVars) => (v.lambdaArn ? `set rotation of ${v.secretId}` : `rotate ${v.secretId}`),
    mutationFn: (v: RotateVars) => rotateSecret(v),
    invalidates: (v) => [secretsKeys.secret(v.region, v.secretId), secretsKeys.lists(v.region)],
    action: 'secretsmanager:RotateSecret',
  });
}

import { createHash } from 'node:crypto';
import type { Caller } from '../core/types.js';
import type { StoredCredentials } from './credentials.js';

/** A stable AROA... role id per role name, as STS's UserId shows it. */
export function roleId(roleName: string): string {
  const digest = createHash('sha256').update(roleName).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let id = 'AROA';
  for (let i = 0; i < 17; i++) id += alphabet[(digest[i] ?? 0) % 32];
  return id;
}

export function roleArn(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}

/** Every signed caller is a session of a role (static keys too), so ARNs have AWS's assumed-role form. */
export function callerOf(accountId: string, creds: StoredCredentials): Caller {
  return {
    accessKeyId: creds.accessKeyId,
    arn: `arn:aws:sts::${accountId}:assumed-role/${creds.roleName}/${creds.sessionName}`,
    accountId,
    userId: `${roleId(creds.roleName)}:${creds.sessionName}`,
    roleName: creds.roleName,
    anonymous: false,
  };
}

export function anonymousCaller(accountId: string): Caller {
  return { accessKeyId: '', arn: 'anonymous', accountId, userId: 'anonymous', roleName: null, anonymous: true };
}

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, type PolicyDocument as EmulatorPolicy } from '../../emulator/auth/policy.js';
import { consoleCalls } from './console-calls.js';
import {
  consoleActions,
  consolePolicy,
  policyTemplate,
  wholeAccount,
  type PolicyDocument,
  type PolicyScope,
} from './policies.js';

const ACCOUNT = '123456789012';
const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const actions = consoleActions();
const scope: PolicyScope = { ...wholeAccount('aws', ACCOUNT), switchRoles: ['arn:aws:iam::*:role/*'] };

/** The emulator's own policy engine decides, as it does for every request. */
const allows = (policy: PolicyDocument, action: string, resource: string) =>
  evaluate([policy as unknown as EmulatorPolicy], action, resource) === 'allow';

describe('the console role policies', () => {
  it('list every AWS action the console source calls', () => {
    const listed = new Set(actions.map((a) => a.action));
    const missing = consoleCalls(SRC).filter((c) => !listed.has(c.action));
    expect(missing.map((c) => `${c.action} (${c.file})`)).toEqual([]);
  });

  it('let the admin do everything the console offers', () => {
    const admin = consolePolicy('admin', scope);
    const denied = actions.filter((a) => !allows(admin, a.action, a.resource));
    expect(denied.map((a) => `${a.action} on ${a.resource}`)).toEqual([]);
  });

  it('let the viewer read and never write (or see a secret value)', () => {
    const viewer = consolePolicy('viewer', scope);
    const wrong = actions.filter((a) => allows(viewer, a.action, a.resource) !== (a.access === 'read'));
    expect(wrong.map((a) => `${a.action} (${a.access}) on ${a.resource}`)).toEqual([]);
    expect(
      allows(viewer, 'secretsmanager:GetSecretValue', `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:x`),
    ).toBe(false);
  });

  it('grant nothing more: every action is named (no wildcards) and is one the console calls', () => {
    for (const role of ['admin', 'viewer'] as const) {
      const named = policyTemplate(role).Statement.flatMap((s) => s.Action);
      expect(
        named.filter((a) => /[*?]/.test(a)),
        role,
      ).toEqual([]);
      const expected = actions.filter((a) => role === 'admin' || a.access === 'read').map((a) => a.action);
      expect(new Set(named), role).toEqual(new Set(expected));
    }
    const admin = consolePolicy('admin', scope);
    for (const [action, resource] of [
      ['iam:PassRole', '*'],
      ['s3:PutBucketPolicy', 'arn:aws:s3:::demo-bucket'],
      ['lambda:CreateFunction', `arn:aws:lambda:us-east-1:${ACCOUNT}:function:x`],
      ['ec2:RunInstances', `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`],
      ['dynamodb:DeleteBackup', `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Orders`],
    ] as const)
      expect(allows(admin, action, resource), action).toBe(false);
  });

  it('reach only the buckets, prefixes and regions in scope', () => {
    const admin = consolePolicy('admin', {
      ...scope,
      regions: ['eu-west-1'],
      buckets: ['app-uploads'],
      tablePrefix: 'app-',
      queuePrefix: 'app-',
      switchRoles: [],
    });
    expect(allows(admin, 's3:GetObject', 'arn:aws:s3:::app-uploads/a.txt')).toBe(true);
    expect(allows(admin, 's3:GetObject', 'arn:aws:s3:::payroll/a.txt')).toBe(false);
    expect(allows(admin, 's3:ListBucket', 'arn:aws:s3:::payroll')).toBe(false);
    expect(allows(admin, 'dynamodb:Scan', `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/app-orders`)).toBe(true);
    expect(allows(admin, 'dynamodb:Scan', `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/users`)).toBe(false);
    expect(allows(admin, 'dynamodb:Scan', `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/app-orders`)).toBe(false);
    expect(allows(admin, 'sqs:PurgeQueue', `arn:aws:sqs:eu-west-1:${ACCOUNT}:billing`)).toBe(false);
    expect(admin.Statement.some((s) => s.Action.includes('sts:AssumeRole'))).toBe(false);
  });

  it('names the field of a scope it cannot render', () => {
    expect(() => consolePolicy('admin', { ...scope, tablePrefix: 'a*' })).toThrow('tablePrefix: "a*" may hold only');
    expect(() => consolePolicy('admin', { ...scope, buckets: [] })).toThrow('buckets: name at least one bucket');
    expect(() => consolePolicy('admin', { ...scope, buckets: ['Bad_Bucket'] })).toThrow(
      'buckets: "Bad_Bucket" is not a bucket name',
    );
  });
});

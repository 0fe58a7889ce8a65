import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { errorOf, startTestEmulator, type TestEmulator } from '../../testing.js';

let emu: TestEmulator;
let sts: STSClient;
let account: string;
/** The role the static admin keys act as, and its ARN: what a trust policy names. */
let adminRole: string;
let adminRoleArn: string;

const roleArn = (name: string) => `arn:aws:iam::${account}:role/${name}`;

function writeRole(name: string, role: Record<string, unknown>): void {
  const file = join(emu.dataDir, 'auth', 'roles', `${name}.json`);
  writeFileSync(file, JSON.stringify({ RoleName: name, ...role }));
}

const queuesOnly = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['sqs:ListQueues', 'sts:GetCallerIdentity'], Resource: '*' }],
};
const trusting = (principal: unknown, condition?: unknown) => ({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) },
  ],
});

beforeAll(async () => {
  emu = await startTestEmulator();
  sts = new STSClient(emu.clientConfig);
  const me = await sts.send(new GetCallerIdentityCommand({}));
  account = me.Account ?? '';
  adminRole = /assumed-role\/([^/]+)\//.exec(me.Arn ?? '')?.[1] ?? '';
  adminRoleArn = roleArn(adminRole);
  writeRole('Deployer', {
    PolicyDocument: queuesOnly,
    AssumeRolePolicyDocument: trusting({ AWS: adminRoleArn }),
    MaxSessionDuration: 7200,
  });
  writeRole('Partner', {
    PolicyDocument: queuesOnly,
    AssumeRolePolicyDocument: trusting({ AWS: [adminRoleArn] }, { StringEquals: { 'sts:ExternalId': 'shared-9' } }),
  });
  writeRole('Untrusting', { PolicyDocument: queuesOnly });
  writeRole('AccountWide', { PolicyDocument: queuesOnly, AssumeRolePolicyDocument: trusting({ AWS: account }) });
});
afterAll(() => emu.dispose());
afterEach(() => vi.useRealTimers());

const assume = (RoleArn: string, extra: Partial<ConstructorParameters<typeof AssumeRoleCommand>[0]> = {}) =>
  sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: 'alice', ...extra }));

const clientConfigOf = (creds: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string }) => ({
  endpoint: emu.url,
  region: emu.region,
  credentials: {
    accessKeyId: creds.AccessKeyId ?? '',
    secretAccessKey: creds.SecretAccessKey ?? '',
    sessionToken: creds.SessionToken ?? '',
  },
});

describe('STS AssumeRole', () => {
  it('gives credentials that act as the assumed role, and GetCallerIdentity names the assumed-role session', async () => {
    const before = Date.now();
    const out = await assume(roleArn('Deployer'), { Tags: [{ Key: 'team', Value: 'ops' }] });
    const arn = `arn:aws:sts::${account}:assumed-role/Deployer/alice`;
    expect(out.AssumedRoleUser?.Arn).toBe(arn);
    // Default duration: one hour.
    const expires = out.Credentials?.Expiration?.getTime() ?? 0;
    expect(expires - before).toBeGreaterThan(3590_000);
    expect(expires - before).toBeLessThan(3610_000);

    const config = clientConfigOf(out.Credentials ?? {});
    const me = await new STSClient(config).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(arn);
    expect(me.UserId).toBe(out.AssumedRoleUser?.AssumedRoleId);
    // The role's own policy applies: queues yes, buckets no, and the denial names the session.
    await expect(new SQSClient(config).send(new ListQueuesCommand({}))).resolves.toBeDefined();
    const denied = await errorOf(new S3Client({ ...config, forcePathStyle: true }).send(new ListBucketsCommand({})));
    expect(denied.name).toBe('AccessDenied');
    expect(denied.message).toContain(arn);
  });

  it('refuses a role whose trust policy does not name the caller, or that does not exist, naming the role', async () => {
    for (const name of ['Untrusting', 'NoSuchRole']) {
      const error = await errorOf(assume(roleArn(name)));
      expect(error.name).toBe('AccessDenied');
      expect(error.$metadata?.httpStatusCode).toBe(403);
      expect(error.message).toContain(`is not authorized to perform: sts:AssumeRole on resource: ${roleArn(name)}`);
    }
    // Another role (the viewer's) is not the one the trust policy names.
    const viewer = new STSClient({ ...emu.clientConfig, credentials: emu.viewerCredentials });
    const error = await errorOf(
      viewer.send(new AssumeRoleCommand({ RoleArn: roleArn('Deployer'), RoleSessionName: 'bob' })),
    );
    expect(error.name).toBe('AccessDenied');
  });

  it('asks for the ExternalId the trust policy requires', async () => {
    expect((await errorOf(assume(roleArn('Partner')))).name).toBe('AccessDenied');
    expect((await errorOf(assume(roleArn('Partner'), { ExternalId: 'wrong' }))).name).toBe('AccessDenied');
    const ok = await assume(roleArn('Partner'), { ExternalId: 'shared-9' });
    expect(ok.AssumedRoleUser?.Arn).toContain('assumed-role/Partner/alice');
  });

  it('a trust in the whole account also needs the caller to be allowed sts:AssumeRole on the role', async () => {
    const file = join(emu.dataDir, 'auth', 'roles', `${adminRole}.json`);
    const original = readFileSync(file, 'utf8');
    // The static keys' role may do everything: narrow it to a caller without sts:AssumeRole first.
    writeRole(adminRole, {
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' }],
      },
    });
    expect((await errorOf(assume(roleArn('AccountWide')))).name).toBe('AccessDenied');
    writeRole(adminRole, {
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn('AccountWide') },
          { Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' },
        ],
      },
    });
    const ok = await assume(roleArn('AccountWide'));
    expect(ok.AssumedRoleUser?.Arn).toContain('assumed-role/AccountWide/alice');
    writeFileSync(file, original);
  });

  it("keeps DurationSeconds between 900 and the role's MaxSessionDuration", async () => {
    const short = await errorOf(assume(roleArn('Deployer'), { DurationSeconds: 899 }));
    expect(short.name).toBe('ValidationError');
    expect(short.message).toContain('greater than or equal to 900');
    const long = await errorOf(assume(roleArn('Deployer'), { DurationSeconds: 7201 }));
    expect(long.name).toBe('ValidationError');
    expect(long.message).toBe('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    const max = await assume(roleArn('Deployer'), { DurationSeconds: 7200 });
    expect((max.Credentials?.Expiration?.getTime() ?? 0) - Date.now()).toBeGreaterThan(7190_000);
    const bad = await errorOf(assume(roleArn('Deployer'), { RoleSessionName: 'a b' }));
    expect(bad.name).toBe('ValidationError');
  });

  it('refuses an assumed session once it has expired', async () => {
    const out = await assume(roleArn('Deployer'), { DurationSeconds: 900 });
    const client = new STSClient(clientConfigOf(out.Credentials ?? {}));
    await expect(client.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
    // Client and emulator share this clock: 15 minutes and a second later, the session is over.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 901_000 });
    expect((await errorOf(client.send(new GetCallerIdentityCommand({})))).name).toBe('ExpiredToken');
  });
});

import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLE_NAME, READ_ONLY_ROLE_NAME } from './seed/accounts.js';
import { signedRequest, startTestEmulator, type TestEmulator } from './testing.js';

/** The service recipe: own-property operation lookups, and each service's seed and role grants applied once per data folder. */
let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.dispose());

const JSON_SERVICES: Array<[service: string, prefix: string, version: string]> = [
  ['dynamodb', 'DynamoDB_20120810.', '1.0'],
  ['sqs', 'AmazonSQS.', '1.0'],
  ['cognito-idp', 'AWSCognitoIdentityProviderService.', '1.1'],
  ['cognito-identity', 'AWSCognitoIdentityService.', '1.1'],
  ['logs', 'Logs_20140328.', '1.1'],
  ['secretsmanager', 'secretsmanager.', '1.1'],
];
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

describe('operation lookup', () => {
  it.each(JSON_SERVICES)(
    '%s: prototype names in X-Amz-Target are UnknownOperationException',
    async (service, prefix, version) => {
      for (const name of PROTOTYPE_NAMES) {
        const res = await signedRequest(emu, {
          service,
          body: '{}',
          headers: { 'content-type': `application/x-amz-json-${version}`, 'x-amz-target': `${prefix}${name}` },
        });
        expect(res.status, `${service} ${name}`).toBe(400);
        expect(res.headers.get('x-amzn-errortype') ?? '', `${service} ${name}`).toContain('UnknownOperationException');
      }
    },
  );

  it.each([['ec2'], ['sts'], ['sqs']])(
    '%s query protocol: prototype names in Action are InvalidAction',
    async (service) => {
      for (const name of PROTOTYPE_NAMES) {
        const res = await signedRequest(emu, {
          service,
          body: `Action=${name}&Version=2016-11-15`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        expect(res.status, `${service} ${name}`).toBe(400);
        expect(await res.text()).toContain('InvalidAction');
      }
    },
  );
});

describe('seeds and demo-role grants per service', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('a data folder from before the new services gains their demo data and role grants, keeping its own data and role edits', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recipe-old-folder-'));
    dirs.push(dataDir);
    // A folder as the emulator left it before: initialized, with role files a person has edited.
    writeFileSync(join(dataDir, '.initialized'), new Date().toISOString());
    mkdirSync(join(dataDir, 'auth', 'roles'), { recursive: true });
    const mine = { Sid: 'MyOwnStatement', Effect: 'Allow', Action: 'sqs:ListQueues', Resource: '*' };
    writeFileSync(
      join(dataDir, 'auth', 'roles', `${ADMIN_ROLE_NAME}.json`),
      JSON.stringify({
        RoleName: ADMIN_ROLE_NAME,
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [mine, { Effect: 'Allow', Action: 's3:*', Resource: '*' }],
        },
      }),
    );
    const readRole = (name: string) =>
      JSON.parse(readFileSync(join(dataDir, 'auth', 'roles', `${name}.json`), 'utf8')) as {
        PolicyDocument: { Statement: Array<{ Sid?: string }> };
      };

    const first = await startTestEmulator({ dataDir, seed: true });
    try {
      const admin = readRole(ADMIN_ROLE_NAME).PolicyDocument.Statement.map((s) => s.Sid);
      expect(admin).toEqual(expect.arrayContaining(['MyOwnStatement', 'Lambda', 'Logs', 'SecretsManager']));
      const viewer = readRole(READ_ONLY_ROLE_NAME).PolicyDocument.Statement.map((s) => s.Sid);
      expect(viewer).toEqual(expect.arrayContaining(['LambdaReadOnly', 'SecretsManagerMetadata']));
      // The new services' demo data arrived; the old services were not seeded again.
      const lambda = new LambdaClient(first.clientConfig);
      expect((await lambda.send(new GetFunctionCommand({ FunctionName: 'echo' }))).Configuration?.FunctionName).toBe(
        'echo',
      );
      const secrets = await new SecretsManagerClient(first.clientConfig).send(new ListSecretsCommand({}));
      expect(secrets.SecretList?.map((s) => s.Name)).toContain('prod/database/postgres');
      expect(
        (await new S3Client({ ...first.clientConfig, forcePathStyle: true }).send(new ListBucketsCommand({})))
          .Buckets ?? [],
      ).toEqual([]);
    } finally {
      await first.stop();
    }

    // A person removes a granted statement: a restart does not bring it back, nor duplicate the others.
    const role = readRole(ADMIN_ROLE_NAME);
    role.PolicyDocument.Statement = role.PolicyDocument.Statement.filter((s) => s.Sid !== 'Logs');
    writeFileSync(join(dataDir, 'auth', 'roles', `${ADMIN_ROLE_NAME}.json`), JSON.stringify(role));
    const second = await startTestEmulator({ dataDir, seed: true });
    await second.stop();
    const sids = readRole(ADMIN_ROLE_NAME).PolicyDocument.Statement.map((s) => s.Sid);
    expect(sids).not.toContain('Logs');
    expect(sids.filter((s) => s === 'Lambda')).toHaveLength(1);
  }, 30_000);

  it('an unseeded folder gets the grants but no demo data', async () => {
    const fresh = await startTestEmulator();
    try {
      const sids = (
        JSON.parse(readFileSync(join(fresh.dataDir, 'auth', 'roles', `${ADMIN_ROLE_NAME}.json`), 'utf8')) as {
          PolicyDocument: { Statement: Array<{ Sid?: string }> };
        }
      ).PolicyDocument.Statement.map((s) => s.Sid);
      expect(sids).toEqual(expect.arrayContaining(['Lambda', 'Logs', 'SecretsManager']));
      expect((await new SecretsManagerClient(fresh.clientConfig).send(new ListSecretsCommand({}))).SecretList).toEqual(
        [],
      );
    } finally {
      await fresh.dispose();
    }
  });
});

import {
  BatchGetSecretValueCommand,
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  RestoreSecretCommand,
  RotateSecretCommand,
  SecretsManagerClient,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, signedRequest, startTestEmulator, type TestEmulator } from '../../testing.js';
import { createFunction, lambdaClient } from '../lambda/test-support.js';

const AWS_CLI = '/usr/bin/aws';
let emu: TestEmulator;
let sm: SecretsManagerClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  sm = new SecretsManagerClient(emu.clientConfig);
});
afterAll(() => emu.dispose());

const TOKEN_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const TOKEN_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

describe('Secrets Manager', () => {
  it('creates, reads by stage and version, moves stages on PutSecretValue, idempotent by token', async () => {
    const created = await sm.send(
      new CreateSecretCommand({
        Name: 'app/db',
        SecretString: '{"password":"one"}',
        Description: 'db',
        Tags: [{ Key: 'team', Value: 'a' }],
      }),
    );
    expect(created.ARN).toMatch(
      new RegExp(`^arn:aws:secretsmanager:${emu.region}:${emu.accountId}:secret:app/db-[A-Za-z]{6}$`),
    );
    expect((await errorOf(sm.send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'x' })))).name).toBe(
      'ResourceExistsException',
    );
    const first = created.VersionId ?? '';
    const v2 = await sm.send(
      new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'two', ClientRequestToken: TOKEN_A }),
    );
    expect(v2.VersionStages).toEqual(['AWSCURRENT']);
    const again = await sm.send(
      new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'two', ClientRequestToken: TOKEN_A }),
    );
    expect(again.VersionId).toBe(TOKEN_A);
    expect(
      (
        await errorOf(
          sm.send(
            new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'other', ClientRequestToken: TOKEN_A }),
          ),
        )
      ).name,
    ).toBe('ResourceExistsException');
    await sm.send(
      new PutSecretValueCommand({ SecretId: created.ARN, SecretString: 'three', ClientRequestToken: TOKEN_B }),
    );
    const stages = (await sm.send(new DescribeSecretCommand({ SecretId: 'app/db' }))).VersionIdsToStages;
    expect(stages).toEqual({ [TOKEN_B]: ['AWSCURRENT'], [TOKEN_A]: ['AWSPREVIOUS'] });
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('three');
    expect(
      (await sm.send(new GetSecretValueCommand({ SecretId: 'app/db', VersionStage: 'AWSPREVIOUS' }))).SecretString,
    ).toBe('two');
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'app/db', VersionId: first }))).SecretString).toBe(
      '{"password":"one"}',
    );
    const all = await sm.send(new ListSecretVersionIdsCommand({ SecretId: 'app/db', IncludeDeprecated: true }));
    expect(all.Versions).toHaveLength(3);
    expect((await sm.send(new ListSecretVersionIdsCommand({ SecretId: 'app/db' }))).Versions).toHaveLength(2);

    await sm.send(
      new UpdateSecretVersionStageCommand({
        SecretId: 'app/db',
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: TOKEN_A,
        RemoveFromVersionId: TOKEN_B,
      }),
    );
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('two');
    expect((await sm.send(new DescribeSecretCommand({ SecretId: 'app/db' }))).VersionIdsToStages).toEqual({
      [TOKEN_A]: ['AWSCURRENT'],
      [TOKEN_B]: ['AWSPREVIOUS'],
    });
    const updated = await sm.send(
      new UpdateSecretCommand({ SecretId: 'app/db', Description: 'changed', SecretString: 'four' }),
    );
    expect(updated.VersionId).toBeTruthy();
    expect((await sm.send(new DescribeSecretCommand({ SecretId: 'app/db' }))).Description).toBe('changed');
  });

  it('stores binary values', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'bin', SecretBinary: Buffer.from([0, 1, 2, 255]) }));
    const got = await sm.send(new GetSecretValueCommand({ SecretId: 'bin' }));
    expect([...(got.SecretBinary ?? [])]).toEqual([0, 1, 2, 255]);
    expect(got.SecretString).toBeUndefined();
  });

  it('a secret scheduled for deletion cannot be read, is hidden from lists, and can be restored; force delete removes it', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'doomed', SecretString: 'bye' }));
    expect(
      (await errorOf(sm.send(new DeleteSecretCommand({ SecretId: 'doomed', RecoveryWindowInDays: 3 })))).name,
    ).toBe('InvalidParameterException');
    const del = await sm.send(new DeleteSecretCommand({ SecretId: 'doomed', RecoveryWindowInDays: 7 }));
    expect(del.DeletionDate?.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect((await errorOf(sm.send(new GetSecretValueCommand({ SecretId: 'doomed' })))).name).toBe(
      'InvalidRequestException',
    );
    expect((await sm.send(new DescribeSecretCommand({ SecretId: 'doomed' }))).DeletedDate).toBeTruthy();
    const names = async (IncludePlannedDeletion: boolean) =>
      (await sm.send(new ListSecretsCommand({ IncludePlannedDeletion }))).SecretList?.map((s) => s.Name);
    expect(await names(false)).not.toContain('doomed');
    expect(await names(true)).toContain('doomed');
    await sm.send(new RestoreSecretCommand({ SecretId: 'doomed' }));
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'doomed' }))).SecretString).toBe('bye');
    await sm.send(new DeleteSecretCommand({ SecretId: 'doomed', ForceDeleteWithoutRecovery: true }));
    expect((await errorOf(sm.send(new DescribeSecretCommand({ SecretId: 'doomed' })))).name).toBe(
      'ResourceNotFoundException',
    );
  });

  it('lists with filters, sort order and paging; batch-gets; tags', async () => {
    for (const n of ['list/a', 'list/b', 'list/c'])
      await sm.send(new CreateSecretCommand({ Name: n, SecretString: n, Tags: [{ Key: 'group', Value: 'list' }] }));
    const page1 = await sm.send(
      new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['list/'] }], MaxResults: 2, SortOrder: 'desc' }),
    );
    expect(page1.SecretList?.map((s) => s.Name)).toEqual(['list/c', 'list/b']);
    const page2 = await sm.send(
      new ListSecretsCommand({
        Filters: [{ Key: 'name', Values: ['list/'] }],
        MaxResults: 2,
        SortOrder: 'desc',
        NextToken: page1.NextToken,
      }),
    );
    expect(page2.SecretList?.map((s) => s.Name)).toEqual(['list/a']);
    expect(
      (
        await sm.send(
          new ListSecretsCommand({
            Filters: [
              { Key: 'tag-value', Values: ['list'] },
              { Key: 'name', Values: ['!list/b'] },
            ],
          }),
        )
      ).SecretList?.map((s) => s.Name),
    ).toEqual(['list/a', 'list/c']);
    const batch = await sm.send(new BatchGetSecretValueCommand({ SecretIdList: ['list/a', 'list/b', 'missing'] }));
    expect(batch.SecretValues?.map((v) => v.SecretString)).toEqual(['list/a', 'list/b']);
    expect(batch.Errors?.map((e) => e.ErrorCode)).toEqual(['ResourceNotFoundException']);
    await sm.send(new TagResourceCommand({ SecretId: 'list/a', Tags: [{ Key: 'owner', Value: 'me' }] }));
    await sm.send(new UntagResourceCommand({ SecretId: 'list/a', TagKeys: ['group'] }));
    expect((await sm.send(new DescribeSecretCommand({ SecretId: 'list/a' }))).Tags).toEqual([
      { Key: 'owner', Value: 'me' },
    ]);
  });

  it('makes random passwords to order', async () => {
    const p =
      (await sm.send(new GetRandomPasswordCommand({ PasswordLength: 40, ExcludePunctuation: true }))).RandomPassword ??
      '';
    expect(p).toHaveLength(40);
    expect(p).toMatch(/^[A-Za-z0-9]+$/);
    expect(p).toMatch(/[a-z]/);
    expect(p).toMatch(/[A-Z]/);
    expect(p).toMatch(/[0-9]/);
  });

  it('the viewer may list and describe but not read values', async () => {
    const viewer = new SecretsManagerClient({ ...emu.clientConfig, credentials: emu.viewerCredentials });
    expect((await viewer.send(new ListSecretsCommand({}))).SecretList?.length).toBeGreaterThan(0);
    expect((await viewer.send(new DescribeSecretCommand({ SecretId: 'app/db' }))).Name).toBe('app/db');
    const denied = await errorOf(viewer.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
    expect(denied.name).toBe('AccessDeniedException');
    const batch = await viewer
      .send(new BatchGetSecretValueCommand({ SecretIdList: ['app/db'] }))
      .catch((e: Error) => e);
    expect(batch instanceof Error ? batch.name : batch.Errors?.[0]?.ErrorCode).toBe('AccessDeniedException');
  });

  it('keeps no secret value in plain text in the data folder', async () => {
    const marker = 'plain-text-canary-7f3a9c';
    await sm.send(new CreateSecretCommand({ Name: 'canary', SecretString: marker }));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(emu.dataDir);
    for (const file of files) expect(readFileSync(file).includes(marker), file).toBe(false);
  });

  it('rotates through a Lambda function: createSecret, setSecret, testSecret, finishSecret', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'rotating', SecretString: 'v1' }));
    const lambda = lambdaClient(emu);
    await createFunction(
      lambda,
      emu,
      'rotator',
      `import { SecretsManagerClient, PutSecretValueCommand, DescribeSecretCommand, UpdateSecretVersionStageCommand } from '@aws-sdk/client-secrets-manager';
const sm = new SecretsManagerClient({});
export const handler = async ({ Step, SecretId, ClientRequestToken }) => {
  if (Step === 'createSecret') await sm.send(new PutSecretValueCommand({ SecretId, ClientRequestToken, SecretString: 'rotated-' + ClientRequestToken.slice(0, 8), VersionStages: ['AWSPENDING'] }));
  if (Step === 'finishSecret') {
    const d = await sm.send(new DescribeSecretCommand({ SecretId }));
    const current = Object.entries(d.VersionIdsToStages).find(([, s]) => s.includes('AWSCURRENT'))[0];
    await sm.send(new UpdateSecretVersionStageCommand({ SecretId, VersionStage: 'AWSCURRENT', MoveToVersionId: ClientRequestToken, RemoveFromVersionId: current }));
    await sm.send(new UpdateSecretVersionStageCommand({ SecretId, VersionStage: 'AWSPENDING', RemoveFromVersionId: ClientRequestToken }));
  }
};`,
    );
    const out = await sm.send(
      new RotateSecretCommand({
        SecretId: 'rotating',
        RotationLambdaARN: `arn:aws:lambda:${emu.region}:${emu.accountId}:function:rotator`,
        RotationRules: { AutomaticallyAfterDays: 7 },
      }),
    );
    const token = out.VersionId ?? '';
    await expect
      .poll(async () => (await sm.send(new GetSecretValueCommand({ SecretId: 'rotating' }))).SecretString, {
        timeout: 8000,
        interval: 100,
      })
      .toBe(`rotated-${token.slice(0, 8)}`);
    const described = await sm.send(new DescribeSecretCommand({ SecretId: 'rotating' }));
    expect(described.RotationEnabled).toBe(true);
    expect(described.VersionIdsToStages?.[token]).toEqual(['AWSCURRENT']);
    await expect
      .poll(
        async () => (await sm.send(new DescribeSecretCommand({ SecretId: 'rotating' }))).LastRotatedDate !== undefined,
        { timeout: 3000 },
      )
      .toBe(true);
  }, 20_000);

  it('answers bad input with 4xx errors', async () => {
    const big = 'x'.repeat(65_537);
    const bad = [
      new CreateSecretCommand({ Name: 'has spaces', SecretString: 'x' }),
      new CreateSecretCommand({ Name: 'big', SecretString: big }),
      new CreateSecretCommand({ Name: 'both', SecretString: 'x', SecretBinary: Buffer.from('y') }),
      new GetSecretValueCommand({ SecretId: 'nope' }),
      new GetSecretValueCommand({ SecretId: 'app/db', VersionStage: 'NOPE' }),
      new PutSecretValueCommand({ SecretId: 'app/db' }),
      new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'x', ClientRequestToken: 'short' }),
      new UpdateSecretVersionStageCommand({
        SecretId: 'app/db',
        VersionStage: 'AWSCURRENT',
        RemoveFromVersionId: TOKEN_A,
      }),
      new UpdateSecretVersionStageCommand({
        SecretId: 'app/db',
        VersionStage: 'X',
        MoveToVersionId: 'no-such-version-00000000000000000000',
      }),
      new DeleteSecretCommand({ SecretId: 'app/db', RecoveryWindowInDays: 10, ForceDeleteWithoutRecovery: true }),
      new ListSecretsCommand({ MaxResults: 0 }),
      new ListSecretsCommand({ NextToken: 'garbage!!' }),
      new GetRandomPasswordCommand({ PasswordLength: 0 }),
      new GetRandomPasswordCommand({
        ExcludeLowercase: true,
        ExcludeUppercase: true,
        ExcludeNumbers: true,
        ExcludePunctuation: true,
      }),
      new RotateSecretCommand({ SecretId: 'app/db' }),
      new RotateSecretCommand({
        SecretId: 'app/db',
        RotationLambdaARN: 'arn:aws:lambda:us-east-1:123456789012:function:none',
      }),
      new BatchGetSecretValueCommand({}),
      new TagResourceCommand({ SecretId: 'app/db', Tags: [{ Key: '', Value: 'x' }] }),
    ];
    for (const command of bad) {
      const e = await errorOf(sm.send(command as never));
      const status = e.$metadata?.httpStatusCode ?? 0;
      expect(status, `${command.constructor.name}: ${e.name} ${e.message}`).toBeGreaterThanOrEqual(400);
      expect(status, `${command.constructor.name}: ${e.name}`).toBeLessThan(500);
    }
    for (const body of ['{not json', '[]', '{"SecretId":{"a":1}}', '{"SecretId":"app/db","VersionId":5}']) {
      const res = await signedRequest(emu, {
        service: 'secretsmanager',
        body,
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' },
      });
      expect(res.status, body).toBe(400);
    }
  });

  it.runIf(existsSync(AWS_CLI))('works from the AWS CLI', async () => {
    const run = promisify(execFile);
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: emu.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: emu.credentials.secretAccessKey,
      AWS_DEFAULT_REGION: emu.region,
      AWS_PAGER: '',
    };
    await run(
      AWS_CLI,
      [
        '--endpoint-url',
        emu.url,
        'secretsmanager',
        'create-secret',
        '--name',
        'cli/one',
        '--secret-string',
        'from-cli',
      ],
      { env },
    );
    const got = await run(
      AWS_CLI,
      ['--endpoint-url', emu.url, 'secretsmanager', 'get-secret-value', '--secret-id', 'cli/one'],
      { env },
    );
    expect((JSON.parse(got.stdout) as { SecretString: string }).SecretString).toBe('from-cli');
  });
});

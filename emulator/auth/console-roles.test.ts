import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-provider-cognito-identity';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  GetObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  DescribeInstancesCommand,
  EC2Client,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, DeleteQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { errorOf, startTestEmulator, type TestEmulator } from '../testing.js';
import { policyTemplate } from '../../infra/lib/policies.js';
import {
  ADMIN_ROLE_NAME,
  READ_ONLY_ROLE_NAME,
  DEMO_CLIENT_ID,
  DEMO_IDENTITY_POOL_ID,
  DEMO_ISSUER_PATH,
  DEMO_LOGINS_KEY,
} from '../seed/accounts.js';
import { signInForTokens } from './sign-in-flow.js';

const REDIRECT = 'http://localhost:5173/auth/callback';

interface Clients {
  s3: S3Client;
  ec2: EC2Client;
  ddb: DynamoDBClient;
  sqs: SQSClient;
}

function clientsFor(emu: TestEmulator, credentials: AwsCredentialIdentityProvider): Clients {
  const base = { endpoint: emu.url, region: emu.region, credentials };
  return {
    s3: new S3Client({ ...base, forcePathStyle: true }),
    ec2: new EC2Client(base),
    ddb: new DynamoDBClient(base),
    sqs: new SQSClient(base),
  };
}

const table = (TableName: string) =>
  new CreateTableCommand({
    TableName,
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    BillingMode: 'PAY_PER_REQUEST',
  });

describe('signed-in console users against every service', () => {
  let emu: TestEmulator;
  let admin: Clients;
  let viewer: Clients;
  let viewerArn: string;
  beforeAll(async () => {
    emu = await startTestEmulator();
    await emu.admin('reset', { seed: true });
    const issuer = `${emu.url}${DEMO_ISSUER_PATH}`;
    const creds = async (user: string, password: string) =>
      fromCognitoIdentityPool({
        identityPoolId: DEMO_IDENTITY_POOL_ID,
        logins: {
          [DEMO_LOGINS_KEY]: (await signInForTokens(issuer, DEMO_CLIENT_ID, REDIRECT, user, password)).id_token,
        },
        clientConfig: { endpoint: emu.url, region: emu.region },
      });
    admin = clientsFor(emu, await creds('alice', 'Alice-demo-1'));
    viewer = clientsFor(emu, await creds('bob', 'Bob-demo-1'));
    viewerArn = `arn:aws:sts::${emu.accountId}:assumed-role/ConsoleReadOnly/CognitoIdentityCredentials`;
  }, 60_000);
  afterAll(() => emu.dispose());

  it('S3: both may list; only the admin may create a bucket', async () => {
    await admin.s3.send(new CreateBucketCommand({ Bucket: 'admin-made' }));
    const listed = await viewer.s3.send(new ListBucketsCommand({}));
    expect(listed.Buckets?.map((b) => b.Name)).toContain('admin-made');
    const denied = await errorOf(viewer.s3.send(new CreateBucketCommand({ Bucket: 'viewer-made' })));
    expect(denied.name).toBe('AccessDenied');
    expect(denied.$metadata?.httpStatusCode).toBe(403);
    expect(denied.message).toBe(
      `User: ${viewerArn} is not authorized to perform: s3:CreateBucket on resource: arn:aws:s3:::viewer-made`,
    );
  });

  it('EC2: both may describe; a viewer DryRun stop is UnauthorizedOperation, an admin one DryRunOperation', async () => {
    await viewer.ec2.send(new DescribeInstancesCommand({}));
    // Launching is not a console action (ConsoleAdmin may not): the tools' static keys do it.
    const run = await new EC2Client(emu.clientConfig).send(
      new RunInstancesCommand({ ImageId: 'ami-0a1b2c3d4e5f60718', MinCount: 1, MaxCount: 1 }),
    );
    const id = run.Instances?.[0]?.InstanceId ?? '';
    const denied = await errorOf(viewer.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id], DryRun: true })));
    expect(denied.name).toBe('UnauthorizedOperation');
    expect(denied.message).toContain(
      `You are not authorized to perform this operation. User: ${viewerArn} is not authorized to perform: ec2:TerminateInstances`,
    );
    expect(
      (await errorOf(admin.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id], DryRun: true })))).name,
    ).toBe('DryRunOperation');
  });

  it('DynamoDB: both may list tables; only the admin may create one', async () => {
    await admin.ddb.send(table('AdminTable'));
    expect((await viewer.ddb.send(new ListTablesCommand({}))).TableNames).toContain('AdminTable');
    const denied = await errorOf(viewer.ddb.send(table('ViewerTable')));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toBe(
      `User: ${viewerArn} is not authorized to perform: dynamodb:CreateTable on resource: arn:aws:dynamodb:us-east-1:${emu.accountId}:table/ViewerTable`,
    );
  });

  it('SQS: both may list queues; only the admin may create one', async () => {
    await admin.sqs.send(new CreateQueueCommand({ QueueName: 'admin-queue' }));
    expect((await viewer.sqs.send(new ListQueuesCommand({}))).QueueUrls?.some((u) => u.endsWith('/admin-queue'))).toBe(
      true,
    );
    const denied = await errorOf(viewer.sqs.send(new CreateQueueCommand({ QueueName: 'viewer-queue' })));
    expect(denied.name).toMatch(/^AccessDenied/);
    expect(denied.message).toContain(`User: ${viewerArn} is not authorized to perform: sqs:CreateQueue`);
  });

  it("seeds the console roles from the repository's policy documents", () => {
    for (const [name, role] of [
      [ADMIN_ROLE_NAME, 'admin'],
      [READ_ONLY_ROLE_NAME, 'viewer'],
    ] as const) {
      const file = JSON.parse(readFileSync(join(emu.dataDir, 'auth', 'roles', `${name}.json`), 'utf8')) as {
        PolicyDocument: { Statement: Array<{ Sid: string; Action: string[] }> };
      };
      const expected = policyTemplate(role).Statement.map((s) => [s.Sid, s.Action]);
      expect(
        file.PolicyDocument.Statement.map((s) => [s.Sid, s.Action]),
        name,
      ).toEqual(expected);
    }
  });

  it('an edited role file takes effect at once: the admin is denied what the new policy denies', async () => {
    const file = join(emu.dataDir, 'auth', 'roles', `${ADMIN_ROLE_NAME}.json`);
    const role = JSON.parse(readFileSync(file, 'utf8')) as { PolicyDocument: { Statement: unknown[] } };
    role.PolicyDocument.Statement.push({
      Effect: 'Deny',
      Action: ['s3:DeleteBucket', 'ec2:RunInstances', 'dynamodb:DeleteTable', 'sqs:DeleteQueue'],
      Resource: '*',
    });
    writeFileSync(file, JSON.stringify(role));
    expect((await errorOf(admin.s3.send(new DeleteBucketCommand({ Bucket: 'admin-made' })))).name).toBe('AccessDenied');
    expect(
      (
        await errorOf(
          admin.ec2.send(new RunInstancesCommand({ ImageId: 'ami-0a1b2c3d4e5f60718', MinCount: 1, MaxCount: 1 })),
        )
      ).name,
    ).toBe('UnauthorizedOperation');
    expect((await errorOf(admin.ddb.send(new DeleteTableCommand({ TableName: 'AdminTable' })))).name).toBe(
      'AccessDeniedException',
    );
    const queueUrl = (await admin.sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'admin-queue' }))).QueueUrls?.[0];
    expect((await errorOf(admin.sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl })))).name).toMatch(
      /^AccessDenied/,
    );
    // Still allowed: what the Deny does not name.
    await admin.s3.send(new ListObjectsV2Command({ Bucket: 'admin-made' }));
  });
});

describe('requests that must be refused', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ credentialTtlSeconds: 3 });
    await emu.admin('reset', { seed: false });
    await new S3Client({ ...emu.clientConfig, forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: 'data' }));
  });
  afterAll(() => emu.dispose());

  it('unsigned requests: S3 is anonymous and denied, the other services want a signature', async () => {
    const s3 = await fetch(`${emu.url}/data?list-type=2`);
    expect(s3.status).toBe(403);
    expect(await s3.text()).toContain('<Code>AccessDenied</Code>');
    const put = await fetch(`${emu.url}/data/x.txt`, { method: 'PUT', body: 'x' });
    expect(put.status).toBe(403);
    const json = (target: string, type: string) =>
      fetch(emu.url, { method: 'POST', headers: { 'x-amz-target': target, 'content-type': type }, body: '{}' });
    const ddb = await json('DynamoDB_20120810.ListTables', 'application/x-amz-json-1.0');
    expect(ddb.status).toBe(400);
    expect(await ddb.text()).toContain('MissingAuthenticationTokenException');
    const sqs = await json('AmazonSQS.ListQueues', 'application/x-amz-json-1.0');
    expect(sqs.status).toBe(403);
    expect(await sqs.text()).toContain('MissingAuthenticationToken');
    const idp = await json('AWSCognitoIdentityProviderService.ListUsers', 'application/x-amz-json-1.1');
    expect(idp.status).toBe(400);
    // Unsigned query-protocol calls (EC2, STS) carry nothing to route on: they reach S3 as anonymous and are denied.
    const ec2 = await fetch(emu.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeInstances&Version=2016-11-15',
    });
    expect(ec2.status).toBeGreaterThanOrEqual(400);
    expect(await ec2.text()).not.toContain('reservationSet');
    const identity = await json('AWSCognitoIdentityService.ListIdentityPools', 'application/x-amz-json-1.1');
    expect(identity.status).toBe(400);
    expect(await identity.text()).toContain('MissingAuthenticationTokenException');
  });

  it("a bad signature gets each service's code", async () => {
    const credentials = { ...emu.credentials, secretAccessKey: 'wrong-secret' };
    const bad = clientsFor(emu, async () => credentials);
    expect((await errorOf(bad.s3.send(new ListBucketsCommand({})))).name).toBe('SignatureDoesNotMatch');
    expect((await errorOf(bad.ddb.send(new ListTablesCommand({})))).name).toBe('InvalidSignatureException');
    expect((await errorOf(bad.ec2.send(new DescribeInstancesCommand({})))).name).toBe('AuthFailure');
    expect((await errorOf(bad.sqs.send(new ListQueuesCommand({})))).name).toBe('SignatureDoesNotMatch');
    const unknown = clientsFor(emu, async () => ({ accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' }));
    expect((await errorOf(unknown.s3.send(new ListBucketsCommand({})))).name).toBe('InvalidAccessKeyId');
    expect((await errorOf(unknown.ddb.send(new ListTablesCommand({})))).name).toBe('UnrecognizedClientException');
    expect((await errorOf(unknown.ec2.send(new DescribeInstancesCommand({})))).name).toBe('AuthFailure');
    expect((await errorOf(unknown.sqs.send(new ListQueuesCommand({})))).name).toBe('InvalidClientTokenId');
  });

  it('an expired presigned URL is refused', async () => {
    const s3 = new S3Client({ ...emu.clientConfig, forcePathStyle: true });
    await s3.send(new PutObjectCommand({ Bucket: 'data', Key: 'a.txt', Body: 'hello' }));
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'data', Key: 'a.txt' }), { expiresIn: 1 });
    expect((await fetch(url)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2100));
    const res = await fetch(url);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Request has expired');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { errorOf, startTestEmulator, type TestEmulator } from '../testing.js';

const TTL_SECONDS = 3;

/** A pool, a user and an identity pool set up with the admin calls, as the README tells a person to. */
describe('identity-pool credentials expire', () => {
  let emu: TestEmulator;
  let creds: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  let expiresAt: number;
  beforeAll(async () => {
    emu = await startTestEmulator({ credentialTtlSeconds: TTL_SECONDS });
    const idp = new CognitoIdentityProviderClient(emu.clientConfig);
    const pool = (await idp.send(new CreateUserPoolCommand({ PoolName: 'expiry' }))).UserPool?.Id ?? '';
    const client =
      (await idp.send(new CreateUserPoolClientCommand({ UserPoolId: pool, ClientName: 'cli' }))).UserPoolClient
        ?.ClientId ?? '';
    await idp.send(new AdminCreateUserCommand({ UserPoolId: pool, Username: 'dave' }));
    await idp.send(
      new AdminSetUserPasswordCommand({ UserPoolId: pool, Username: 'dave', Password: 'Dave-demo-1', Permanent: true }),
    );
    const loginsKey = `cognito-idp.${emu.region}.amazonaws.com/${pool}`;
    const identity = new CognitoIdentityClient(emu.clientConfig);
    const ip = await identity.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'expiry',
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [{ ProviderName: loginsKey, ClientId: client }],
      }),
    );
    await identity.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: ip.IdentityPoolId,
        Roles: { authenticated: `arn:aws:iam::${emu.accountId}:role/ConsoleAdmin` },
      }),
    );
    await new S3Client({ ...emu.clientConfig, forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: 'data' }));
    await new S3Client({ ...emu.clientConfig, forcePathStyle: true }).send(
      new PutObjectCommand({ Bucket: 'data', Key: 'a.txt', Body: 'hello' }),
    );

    const publicIdentity = new CognitoIdentityClient({ endpoint: emu.url, region: emu.region });
    const tokens = await new CognitoIdentityProviderClient({ endpoint: emu.url, region: emu.region }).send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: client,
        AuthParameters: { USERNAME: 'dave', PASSWORD: 'Dave-demo-1' },
      }),
    );
    const Logins = { [loginsKey]: tokens.AuthenticationResult?.IdToken ?? '' };
    const { IdentityId } = await publicIdentity.send(new GetIdCommand({ IdentityPoolId: ip.IdentityPoolId, Logins }));
    const out = await publicIdentity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
    creds = {
      accessKeyId: out.Credentials?.AccessKeyId ?? '',
      secretAccessKey: out.Credentials?.SecretKey ?? '',
      sessionToken: out.Credentials?.SessionToken ?? '',
    };
    expiresAt = out.Credentials?.Expiration?.getTime() ?? 0;
  });
  afterAll(() => emu.dispose());

  it('works until Expiration, then every service says the token expired, presigned URLs included', async () => {
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(TTL_SECONDS * 1000);
    // Static credentials objects, so the SDK cannot refresh them behind the test's back.
    const base = { endpoint: emu.url, region: emu.region, credentials: creds };
    const s3 = new S3Client({ ...base, forcePathStyle: true });
    expect((await new STSClient(base).send(new GetCallerIdentityCommand({}))).Arn).toContain(
      'assumed-role/ConsoleAdmin/CognitoIdentityCredentials',
    );
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'data', Key: 'a.txt' }), { expiresIn: 3600 });
    expect(await (await fetch(url)).text()).toBe('hello');

    const badToken = new S3Client({
      ...base,
      forcePathStyle: true,
      credentials: { ...creds, sessionToken: `${creds.sessionToken}x` },
    });
    expect((await errorOf(badToken.send(new ListBucketsCommand({})))).name).toBe('InvalidToken');

    await new Promise((r) => setTimeout(r, Math.max(0, expiresAt - Date.now()) + 200));
    const s3Err = await errorOf(s3.send(new ListBucketsCommand({})));
    expect(s3Err.name).toBe('ExpiredToken');
    expect(s3Err.$metadata?.httpStatusCode).toBe(400);
    expect((await errorOf(new DynamoDBClient(base).send(new ListTablesCommand({})))).name).toBe(
      'ExpiredTokenException',
    );
    expect((await errorOf(new SQSClient(base).send(new ListQueuesCommand({})))).name).toBe('ExpiredToken');
    expect((await errorOf(new EC2Client(base).send(new DescribeInstancesCommand({})))).name).toBe('RequestExpired');
    expect((await errorOf(new STSClient(base).send(new GetCallerIdentityCommand({})))).name).toBe('ExpiredToken');
    const presigned = await fetch(url);
    expect(presigned.status).toBe(400);
    expect(await presigned.text()).toContain('<Code>ExpiredToken</Code>');
  });
});

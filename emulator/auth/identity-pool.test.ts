import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { importJWK, SignJWT, decodeJwt, type JWK } from 'jose';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-provider-cognito-identity';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  ListIdentityPoolsCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { errorOf, startTestEmulator, type TestEmulator } from '../testing.js';
import {
  DEMO_CLIENT_ID,
  DEMO_IDENTITY_POOL_ID,
  DEMO_ISSUER_PATH,
  DEMO_LOGINS_KEY,
  DEMO_USER_POOL_ID,
} from '../seed/accounts.js';
import { signInForTokens } from './sign-in-flow.js';

const REDIRECT = 'http://localhost:5173/auth/callback';

describe('identity pools', () => {
  let emu: TestEmulator;
  let issuer: string;
  let idp: CognitoIdentityProviderClient;
  let identity: CognitoIdentityClient;
  let aliceIdToken: string;
  beforeAll(async () => {
    emu = await startTestEmulator();
    await emu.admin('reset', { seed: true });
    issuer = `${emu.url}${DEMO_ISSUER_PATH}`;
    idp = new CognitoIdentityProviderClient(emu.clientConfig);
    identity = new CognitoIdentityClient({ endpoint: emu.url, region: emu.region });
    aliceIdToken = (await signInForTokens(issuer, DEMO_CLIENT_ID, REDIRECT, 'alice', 'Alice-demo-1')).id_token;
  });
  afterAll(() => emu.dispose());

  const credentialsFor = (idToken: string) =>
    fromCognitoIdentityPool({
      identityPoolId: DEMO_IDENTITY_POOL_ID,
      logins: { [DEMO_LOGINS_KEY]: idToken },
      clientConfig: { endpoint: emu.url, region: emu.region },
    });

  it('maps admins to ConsoleAdmin and viewers to ConsoleReadOnly through fromCognitoIdentityPool', async () => {
    const alice = credentialsFor(aliceIdToken);
    const creds = await alice();
    expect(creds.accessKeyId).toMatch(/^ASIA/);
    expect(creds.sessionToken).toBeTruthy();
    expect(creds.expiration!.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    const me = await new STSClient({ endpoint: emu.url, region: emu.region, credentials: alice }).send(
      new GetCallerIdentityCommand({}),
    );
    expect(me.Arn).toBe(`arn:aws:sts::${emu.accountId}:assumed-role/ConsoleAdmin/CognitoIdentityCredentials`);

    const bobToken = (await signInForTokens(issuer, DEMO_CLIENT_ID, REDIRECT, 'bob', 'Bob-demo-1')).id_token;
    const bob = new STSClient({ endpoint: emu.url, region: emu.region, credentials: credentialsFor(bobToken) });
    expect((await bob.send(new GetCallerIdentityCommand({}))).Arn).toContain(':assumed-role/ConsoleReadOnly/');
  });

  it('gives one user the same identity id every time', async () => {
    const a = await identity.send(
      new GetIdCommand({ IdentityPoolId: DEMO_IDENTITY_POOL_ID, Logins: { [DEMO_LOGINS_KEY]: aliceIdToken } }),
    );
    const b = await identity.send(
      new GetIdCommand({ IdentityPoolId: DEMO_IDENTITY_POOL_ID, Logins: { [DEMO_LOGINS_KEY]: aliceIdToken } }),
    );
    expect(a.IdentityId).toBe(b.IdentityId);
    expect(a.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
  });

  it('refuses no logins (the demo pool has no unauthenticated access)', async () => {
    expect((await errorOf(identity.send(new GetIdCommand({ IdentityPoolId: DEMO_IDENTITY_POOL_ID })))).name).toBe(
      'NotAuthorizedException',
    );
  });

  it('refuses a tampered ID token', async () => {
    const [h, p, s] = aliceIdToken.split('.') as [string, string, string];
    const claims = decodeJwt(aliceIdToken);
    const forged = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['admins', 'root'] })).toString(
      'base64url',
    );
    const err = await errorOf(credentialsFor(`${h}.${forged}.${s}`)());
    expect(err.name).toBe('NotAuthorizedException');
    expect(p).not.toBe(forged);
  });

  it('refuses an expired ID token', async () => {
    const db = new Database(join(emu.dataDir, 'auth', 'auth.db'), { readonly: true });
    const row = db.prepare('SELECT jwk FROM pool_keys WHERE pool_id = ?').get(DEMO_USER_POOL_ID) as { jwk: string };
    db.close();
    const jwk = (JSON.parse(row.jwk) as { privateJwk: JWK }).privateJwk;
    const past = Math.floor(Date.now() / 1000) - 7200;
    const expired = await new SignJWT({ ...decodeJwt(aliceIdToken), iat: past, exp: past + 3600 })
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid ?? '' })
      .sign(await importJWK(jwk, 'RS256'));
    const err = await errorOf(credentialsFor(expired)());
    expect(err.name).toBe('NotAuthorizedException');
    expect(err.message).toContain('expired');
  });

  it('refuses a token from another pool and from another client of the same pool', async () => {
    const other = await idp.send(new CreateUserPoolCommand({ PoolName: 'other' }));
    const otherPool = other.UserPool?.Id ?? '';
    const otherClient = await idp.send(new CreateUserPoolClientCommand({ UserPoolId: otherPool, ClientName: 'x' }));
    await idp.send(
      new AdminCreateUserCommand({ UserPoolId: otherPool, Username: 'mallory', MessageAction: 'SUPPRESS' }),
    );
    await idp.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: otherPool,
        Username: 'mallory',
        Password: 'Mallory-1',
        Permanent: true,
      }),
    );
    const auth = await new CognitoIdentityProviderClient({ endpoint: emu.url, region: emu.region }).send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: otherClient.UserPoolClient?.ClientId,
        AuthParameters: { USERNAME: 'mallory', PASSWORD: 'Mallory-1' },
      }),
    );
    const foreign = auth.AuthenticationResult?.IdToken ?? '';
    expect((await errorOf(credentialsFor(foreign)())).name).toBe('NotAuthorizedException');
    const otherKey = `cognito-idp.us-east-1.amazonaws.com/${otherPool}`;
    const viaOtherKey = fromCognitoIdentityPool({
      identityPoolId: DEMO_IDENTITY_POOL_ID,
      logins: { [otherKey]: foreign },
      clientConfig: { endpoint: emu.url, region: emu.region },
    });
    expect((await errorOf(viaOtherKey())).name).toBe('NotAuthorizedException');

    const sideClient = await idp.send(
      new CreateUserPoolClientCommand({ UserPoolId: DEMO_USER_POOL_ID, ClientName: 'side' }),
    );
    const side = await new CognitoIdentityProviderClient({ endpoint: emu.url, region: emu.region }).send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: sideClient.UserPoolClient?.ClientId,
        AuthParameters: { USERNAME: 'alice', PASSWORD: 'Alice-demo-1' },
      }),
    );
    const err = await errorOf(credentialsFor(side.AuthenticationResult?.IdToken ?? '')());
    expect(err.name).toBe('NotAuthorizedException');
  });

  it('adds a user with the admin calls, who then signs in with InitiateAuth and gets the viewer role', async () => {
    await idp.send(
      new AdminCreateUserCommand({
        UserPoolId: DEMO_USER_POOL_ID,
        Username: 'carol',
        UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }],
      }),
    );
    await idp.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: DEMO_USER_POOL_ID,
        Username: 'carol',
        Password: 'Carol-demo-1',
        Permanent: true,
      }),
    );
    await idp.send(
      new AdminAddUserToGroupCommand({ UserPoolId: DEMO_USER_POOL_ID, Username: 'carol', GroupName: 'viewers' }),
    );
    const users = await idp.send(new ListUsersCommand({ UserPoolId: DEMO_USER_POOL_ID }));
    expect(users.Users?.map((u) => u.Username)).toEqual(['alice', 'bob', 'carol']);
    const publicIdp = new CognitoIdentityProviderClient({ endpoint: emu.url, region: emu.region });
    const wrong = await errorOf(
      publicIdp.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: DEMO_CLIENT_ID,
          AuthParameters: { USERNAME: 'carol', PASSWORD: 'nope-nope' },
        }),
      ),
    );
    expect(wrong.name).toBe('NotAuthorizedException');
    const ok = await publicIdp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: DEMO_CLIENT_ID,
        AuthParameters: { USERNAME: 'carol', PASSWORD: 'Carol-demo-1' },
      }),
    );
    const claims = decodeJwt(ok.AuthenticationResult?.IdToken ?? '');
    expect(claims).toMatchObject({
      'cognito:username': 'carol',
      'cognito:groups': ['viewers'],
      token_use: 'id',
      aud: DEMO_CLIENT_ID,
      iss: issuer,
    });
    const sts = new STSClient({
      endpoint: emu.url,
      region: emu.region,
      credentials: credentialsFor(ok.AuthenticationResult?.IdToken ?? ''),
    });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toContain('assumed-role/ConsoleReadOnly/');
  });

  it('creates and lists groups, and refreshes tokens with REFRESH_TOKEN_AUTH', async () => {
    await idp.send(new CreateGroupCommand({ UserPoolId: DEMO_USER_POOL_ID, GroupName: 'auditors', Precedence: 5 }));
    const groups = await idp.send(new ListGroupsCommand({ UserPoolId: DEMO_USER_POOL_ID }));
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['admins', 'auditors', 'viewers']);
    expect(
      (await errorOf(idp.send(new CreateGroupCommand({ UserPoolId: DEMO_USER_POOL_ID, GroupName: 'auditors' })))).name,
    ).toBe('GroupExistsException');
    const publicIdp = new CognitoIdentityProviderClient({ endpoint: emu.url, region: emu.region });
    const first = await publicIdp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: DEMO_CLIENT_ID,
        AuthParameters: { USERNAME: 'bob', PASSWORD: 'Bob-demo-1' },
      }),
    );
    const refreshed = await publicIdp.send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: DEMO_CLIENT_ID,
        AuthParameters: { REFRESH_TOKEN: first.AuthenticationResult?.RefreshToken ?? '' },
      }),
    );
    expect(decodeJwt(refreshed.AuthenticationResult?.IdToken ?? '')['cognito:username']).toBe('bob');
    const bad = await errorOf(
      publicIdp.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: DEMO_CLIENT_ID,
          AuthParameters: { REFRESH_TOKEN: 'nope' },
        }),
      ),
    );
    expect(bad.name).toBe('NotAuthorizedException');
  });

  it('denies user administration to unsigned callers and to the read-only role', async () => {
    const unsigned = await fetch(emu.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.AdminCreateUser',
      },
      body: JSON.stringify({ UserPoolId: DEMO_USER_POOL_ID, Username: 'eve' }),
    });
    expect(unsigned.status).toBe(400);
    expect(await unsigned.text()).toContain('MissingAuthenticationTokenException');
    const bobToken = (await signInForTokens(issuer, DEMO_CLIENT_ID, REDIRECT, 'bob', 'Bob-demo-1')).id_token;
    const asBob = new CognitoIdentityProviderClient({
      endpoint: emu.url,
      region: emu.region,
      credentials: credentialsFor(bobToken),
    });
    const denied = await errorOf(
      asBob.send(new AdminCreateUserCommand({ UserPoolId: DEMO_USER_POOL_ID, Username: 'eve' })),
    );
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toBe(
      `User: arn:aws:sts::${emu.accountId}:assumed-role/ConsoleReadOnly/CognitoIdentityCredentials is not authorized to perform: cognito-idp:AdminCreateUser on resource: arn:aws:cognito-idp:us-east-1:${emu.accountId}:userpool/${DEMO_USER_POOL_ID}`,
    );
  });

  it('maps by token claims (Type Token), denies users no rule matches, and serves unauthenticated identities only where allowed', async () => {
    const admin = new CognitoIdentityClient(emu.clientConfig);
    const roleArn = (name: string) => `arn:aws:iam::${emu.accountId}:role/${name}`;
    const providers = [{ ProviderName: DEMO_LOGINS_KEY, ClientId: DEMO_CLIENT_ID }];
    const byToken = await admin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'by_token',
        AllowUnauthenticatedIdentities: true,
        CognitoIdentityProviders: providers,
      }),
    );
    await admin.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: byToken.IdentityPoolId,
        Roles: { authenticated: roleArn('ConsoleReadOnly'), unauthenticated: roleArn('ConsoleReadOnly') },
        RoleMappings: { [DEMO_LOGINS_KEY]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' } },
      }),
    );
    const arnVia = async (poolId: string | undefined, logins?: Record<string, string>) => {
      const provider = fromCognitoIdentityPool({
        identityPoolId: poolId ?? '',
        logins,
        clientConfig: { endpoint: emu.url, region: emu.region },
      });
      return (
        await new STSClient({ endpoint: emu.url, region: emu.region, credentials: provider }).send(
          new GetCallerIdentityCommand({}),
        )
      ).Arn;
    };
    // alice's groups give her token cognito:preferred_role = ConsoleAdmin.
    expect(await arnVia(byToken.IdentityPoolId, { [DEMO_LOGINS_KEY]: aliceIdToken })).toContain(
      'assumed-role/ConsoleAdmin/',
    );
    expect(await arnVia(byToken.IdentityPoolId)).toContain('assumed-role/ConsoleReadOnly/');

    await idp.send(new AdminCreateUserCommand({ UserPoolId: DEMO_USER_POOL_ID, Username: 'nogroup' }));
    await idp.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: DEMO_USER_POOL_ID,
        Username: 'nogroup',
        Password: 'Nogroup-1',
        Permanent: true,
      }),
    );
    const nogroup = (await signInForTokens(issuer, DEMO_CLIENT_ID, REDIRECT, 'nogroup', 'Nogroup-1')).id_token;
    expect(await arnVia(byToken.IdentityPoolId, { [DEMO_LOGINS_KEY]: nogroup })).toContain(
      'assumed-role/ConsoleReadOnly/',
    );
    expect((await errorOf(credentialsFor(nogroup)())).name).toBe('NotAuthorizedException');
  });

  it('describes, lists and deletes identity pools; the demo pool maps groups by rules', async () => {
    const admin = new CognitoIdentityClient(emu.clientConfig);
    const demo = await admin.send(new DescribeIdentityPoolCommand({ IdentityPoolId: DEMO_IDENTITY_POOL_ID }));
    expect(demo).toMatchObject({
      AllowUnauthenticatedIdentities: false,
      CognitoIdentityProviders: [{ ProviderName: DEMO_LOGINS_KEY, ClientId: DEMO_CLIENT_ID }],
    });
    const roles = await admin.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: DEMO_IDENTITY_POOL_ID }));
    expect(roles.RoleMappings?.[DEMO_LOGINS_KEY]).toMatchObject({ Type: 'Rules', AmbiguousRoleResolution: 'Deny' });
    const temp = await admin.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: 'temp', AllowUnauthenticatedIdentities: false }),
    );
    const page = await admin.send(new ListIdentityPoolsCommand({ MaxResults: 1 }));
    expect(page.IdentityPools).toHaveLength(1);
    expect(page.NextToken).toBeTruthy();
    await admin.send(new DeleteIdentityPoolCommand({ IdentityPoolId: temp.IdentityPoolId }));
    expect(
      (await errorOf(admin.send(new DescribeIdentityPoolCommand({ IdentityPoolId: temp.IdentityPoolId })))).name,
    ).toBe('ResourceNotFoundException');
  });

  it("refuses an identity id with another user's token", async () => {
    const bobToken = (await signInForTokens(issuer, DEMO_CLIENT_ID, REDIRECT, 'bob', 'Bob-demo-1')).id_token;
    const aliceId = await identity.send(
      new GetIdCommand({ IdentityPoolId: DEMO_IDENTITY_POOL_ID, Logins: { [DEMO_LOGINS_KEY]: aliceIdToken } }),
    );
    const err = await errorOf(
      identity.send(
        new GetCredentialsForIdentityCommand({
          IdentityId: aliceId.IdentityId,
          Logins: { [DEMO_LOGINS_KEY]: bobToken },
        }),
      ),
    );
    expect(err.name).toBe('NotAuthorizedException');
  });
});

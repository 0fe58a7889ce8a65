import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTestEmulator, type TestEmulator } from '../testing.js';

describe('security state survives a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'auth-persist-'));
  let emu: TestEmulator | undefined;
  afterAll(async () => {
    await emu?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps users, pools, signing keys, identities and issued credentials', async () => {
    emu = await startTestEmulator({ dataDir });
    const idp = new CognitoIdentityProviderClient(emu.clientConfig);
    const pool = (await idp.send(new CreateUserPoolCommand({ PoolName: 'persist' }))).UserPool?.Id ?? '';
    const clientId =
      (await idp.send(new CreateUserPoolClientCommand({ UserPoolId: pool, ClientName: 'c' }))).UserPoolClient
        ?.ClientId ?? '';
    await idp.send(new AdminCreateUserCommand({ UserPoolId: pool, Username: 'erin' }));
    await idp.send(
      new AdminSetUserPasswordCommand({ UserPoolId: pool, Username: 'erin', Password: 'Erin-demo-1', Permanent: true }),
    );
    const key = `cognito-idp.us-east-1.amazonaws.com/${pool}`;
    const ip = await new CognitoIdentityClient(emu.clientConfig).send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'p',
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [{ ProviderName: key, ClientId: clientId }],
      }),
    );
    await new CognitoIdentityClient(emu.clientConfig).send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: ip.IdentityPoolId,
        Roles: { authenticated: `arn:aws:iam::${emu.accountId}:role/ConsoleReadOnly` },
      }),
    );
    const signIn = (e: TestEmulator) =>
      new CognitoIdentityProviderClient({ endpoint: e.url, region: e.region }).send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: clientId,
          AuthParameters: { USERNAME: 'erin', PASSWORD: 'Erin-demo-1' },
        }),
      );
    const idToken = (await signIn(emu)).AuthenticationResult?.IdToken ?? '';
    const publicIdentity = (e: TestEmulator) => new CognitoIdentityClient({ endpoint: e.url, region: e.region });
    const Logins = { [key]: idToken };
    const { IdentityId } = await publicIdentity(emu).send(
      new GetIdCommand({ IdentityPoolId: ip.IdentityPoolId, Logins }),
    );
    const out = await publicIdentity(emu).send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
    const credentials = {
      accessKeyId: out.Credentials?.AccessKeyId ?? '',
      secretAccessKey: out.Credentials?.SecretKey ?? '',
      sessionToken: out.Credentials?.SessionToken ?? '',
    };
    await emu.stop();

    emu = await startTestEmulator({ dataDir });
    // The URL may change with the port; credentials and tokens do not depend on it, the issuer does.
    const sts = new STSClient({ endpoint: emu.url, region: emu.region, credentials });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toContain(
      'assumed-role/ConsoleReadOnly/CognitoIdentityCredentials',
    );
    const again = (await signIn(emu)).AuthenticationResult?.IdToken ?? '';
    const same = await publicIdentity(emu).send(
      new GetIdCommand({ IdentityPoolId: ip.IdentityPoolId, Logins: { [key]: again } }),
    );
    expect(same.IdentityId).toBe(IdentityId);
  });
});

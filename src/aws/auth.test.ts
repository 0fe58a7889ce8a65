// Identity-pool credentials for a signed-in user, against the emulator's seeded demo pool.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startTestEmulator, type TestEmulator } from '../../emulator/testing';
import {
  DEMO_CLIENT_ID,
  DEMO_IDENTITY_POOL_ID,
  DEMO_ISSUER_PATH,
  DEMO_LOGINS_KEY,
  DEMO_USERS,
} from '../../emulator/seed/accounts';
import { credentialSource, groupsOf, oidcSettings } from './auth';
import { parseConfig, type ConsoleConfig } from './config';
import { CredentialStore } from './credentials';
import { activateSession, AwsSession } from './session';
import { listBuckets } from './s3/api';
import { toAppError } from './errors';

let emu: TestEmulator;
let config: ConsoleConfig;

async function idTokenOf(username: string): Promise<string> {
  const user = DEMO_USERS.find((u) => u.username === username);
  const idp = new CognitoIdentityProviderClient({ endpoint: emu.url, region: emu.region });
  const out = await idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: DEMO_CLIENT_ID,
      AuthParameters: { USERNAME: username, PASSWORD: user?.password ?? '' },
    }),
  );
  return out.AuthenticationResult?.IdToken ?? '';
}

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

beforeAll(async () => {
  emu = await startTestEmulator({ seed: true });
  config = parseConfig({
    regions: [emu.region],
    endpoint: emu.url,
    auth: {
      mode: 'cognito',
      identityPoolId: DEMO_IDENTITY_POOL_ID,
      signIn: { authority: `${emu.url}${DEMO_ISSUER_PATH}`, clientId: DEMO_CLIENT_ID, loginsKey: DEMO_LOGINS_KEY },
    },
  });
});

afterAll(async () => {
  activateSession(undefined);
  await emu?.dispose();
});

describe('identity-pool credentials', () => {
  it('builds PKCE code-flow settings with the callback and logout URLs', () => {
    expect(oidcSettings(config, 'http://localhost:5173')).toMatchObject({
      authority: `${emu.url}${DEMO_ISSUER_PATH}`,
      client_id: DEMO_CLIENT_ID,
      redirect_uri: 'http://localhost:5173/auth/callback',
      post_logout_redirect_uri: 'http://localhost:5173/',
      response_type: 'code',
    });
  });

  for (const username of ['alice', 'bob']) {
    it(`trades ${username}'s ID token for expiring credentials that can list buckets`, async () => {
      const token = await idTokenOf(username);
      expect(groupsOf(claimsOf(token))).toEqual([...(DEMO_USERS.find((u) => u.username === username)?.groups ?? [])]);
      const creds = await credentialSource(config, async () => token)();
      expect(creds.accessKeyId).toMatch(/^ASIA/);
      expect(creds.sessionToken).toBeTruthy();
      expect(creds.expiration && creds.expiration.getTime()).toBeGreaterThan(Date.now());
      activateSession(new AwsSession(config, new CredentialStore(async () => creds)));
      expect((await listBuckets({ region: emu.region })).items.map((b) => b.name).length).toBeGreaterThan(0);
    });
  }

  it("names the action and resource when the viewer's role is denied a write", async () => {
    const creds = await credentialSource(config, () => idTokenOf('bob'))();
    activateSession(new AwsSession(config, new CredentialStore(async () => creds)));
    const { withClient } = await import('./clients');
    const e = await withClient('s3', emu.region, async (s3) => {
      const { CreateBucketCommand } = await import('@aws-sdk/client-s3');
      return s3.send(new CreateBucketCommand({ Bucket: 'viewer-may-not' }));
    }).catch((x: unknown) => x);
    expect(toAppError(e)).toMatchObject({ kind: 'forbidden', action: 's3:CreateBucket' });
    expect(toAppError(e).resource).toContain('viewer-may-not');
  });

  it('refuses a forged token with NotAuthorized, which maps to forbidden', async () => {
    const token = await idTokenOf('alice');
    const forged = `${token.slice(0, -4)}AAAA`;
    const e = await credentialSource(config, async () => forged)().catch((x: unknown) => x);
    expect(toAppError(e).code).toBe('NotAuthorizedException');
    expect(toAppError(e).kind).toBe('forbidden');
  });
});

describe('guest identities (cognito mode without signIn)', () => {
  async function guestPool(allow: boolean): Promise<string> {
    const { CognitoIdentityClient, CreateIdentityPoolCommand, SetIdentityPoolRolesCommand } =
      await import('@aws-sdk/client-cognito-identity');
    const admin = new CognitoIdentityClient(emu.clientConfig);
    const pool = await admin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: `guests${String(allow)}`,
        AllowUnauthenticatedIdentities: allow,
      }),
    );
    const id = pool.IdentityPoolId ?? '';
    if (allow) {
      await admin.send(
        new SetIdentityPoolRolesCommand({
          IdentityPoolId: id,
          Roles: { unauthenticated: `arn:aws:iam::${emu.accountId}:role/ConsoleReadOnly` },
        }),
      );
    }
    return id;
  }

  it('gets read-only guest credentials from a pool that allows guests', async () => {
    const guestConfig = parseConfig({
      regions: [emu.region],
      endpoint: emu.url,
      auth: { mode: 'cognito', identityPoolId: await guestPool(true) },
    });
    const creds = await credentialSource(guestConfig)();
    expect(creds.accessKeyId).toMatch(/^ASIA/);
    activateSession(new AwsSession(guestConfig, new CredentialStore(async () => creds)));
    expect((await listBuckets({ region: emu.region })).items.map((b) => b.name)).toContain('demo-assets');
  });

  it('is refused by a pool without guest access, as a forbidden error', async () => {
    const guestConfig = parseConfig({
      regions: [emu.region],
      endpoint: emu.url,
      auth: { mode: 'cognito', identityPoolId: await guestPool(false) },
    });
    const e = await credentialSource(guestConfig)().catch((x: unknown) => x);
    expect(toAppError(e)).toMatchObject({ kind: 'forbidden', code: 'NotAuthorizedException' });
  });
});

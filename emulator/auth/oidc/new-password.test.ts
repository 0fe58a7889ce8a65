import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { errorOf, startTestEmulator, type TestEmulator } from '../../testing.js';
import { DEMO_CLIENT_ID, DEMO_ISSUER_PATH, DEMO_USER_POOL_ID } from '../../seed/accounts.js';
import { exchangeCode, signIn, startSignIn, submitPageForm } from '../sign-in-flow.js';

const REDIRECT = 'http://localhost:5173/auth/callback';

describe('a temporary password must be changed at first sign-in (NEW_PASSWORD_REQUIRED)', () => {
  let emu: TestEmulator;
  let admin: CognitoIdentityProviderClient;
  let publicIdp: CognitoIdentityProviderClient;
  const issuer = () => `${emu.url}${DEMO_ISSUER_PATH}`;
  beforeAll(async () => {
    emu = await startTestEmulator({ seed: true });
    admin = new CognitoIdentityProviderClient(emu.clientConfig);
    publicIdp = new CognitoIdentityProviderClient({ endpoint: emu.url, region: emu.region });
  });
  afterAll(() => emu.dispose());

  const createUser = async (Username: string) => {
    const out = await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: DEMO_USER_POOL_ID,
        Username,
        TemporaryPassword: 'Temp-pass-1',
        MessageAction: 'SUPPRESS',
      }),
    );
    expect(out.User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
  };
  const initiate = (USERNAME: string, PASSWORD: string) =>
    publicIdp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: DEMO_CLIENT_ID,
        AuthParameters: { USERNAME, PASSWORD },
      }),
    );

  it('answers InitiateAuth with the challenge, and RespondToAuthChallenge with tokens once the password conforms', async () => {
    await createUser('dana');
    const first = await initiate('dana', 'Temp-pass-1');
    expect(first.AuthenticationResult).toBeUndefined();
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(first.Session).toEqual(expect.any(String));
    expect(first.ChallengeParameters?.USER_ID_FOR_SRP).toBe('dana');

    const respond = (NEW_PASSWORD: string, Session = first.Session, USERNAME = 'dana') =>
      publicIdp.send(
        new RespondToAuthChallengeCommand({
          ClientId: DEMO_CLIENT_ID,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session,
          ChallengeResponses: { USERNAME, NEW_PASSWORD },
        }),
      );
    const weak = await errorOf(respond('alllowercase'));
    expect(weak.name).toBe('InvalidPasswordException');
    expect((await errorOf(respond('Dana-new-pass-1', 'forged'))).name).toBe('NotAuthorizedException');
    expect((await errorOf(respond('Dana-new-pass-1', first.Session, 'alice'))).name).toBe('NotAuthorizedException');

    const done = await respond('Dana-new-pass-1');
    expect(decodeJwt(done.AuthenticationResult?.IdToken ?? '')).toMatchObject({
      'cognito:username': 'dana',
      token_use: 'id',
    });
    expect(
      (await admin.send(new AdminGetUserCommand({ UserPoolId: DEMO_USER_POOL_ID, Username: 'dana' }))).UserStatus,
    ).toBe('CONFIRMED');
    expect((await errorOf(respond('Dana-other-pass-1'))).name).toBe('NotAuthorizedException');
    expect((await errorOf(initiate('dana', 'Temp-pass-1'))).name).toBe('NotAuthorizedException');
    expect((await initiate('dana', 'Dana-new-pass-1')).AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });

  it('makes the login page ask for a new password under the pool policy, then finish the sign-in', async () => {
    await createUser('erik');
    const flow = await signIn(issuer(), DEMO_CLIENT_ID, REDIRECT, 'erik', 'Temp-pass-1');
    expect(flow.callback).toBeNull();
    const html = flow.page?.html ?? '';
    expect(html).toContain('<h1>Change password</h1>');
    expect(html).toContain('<label for="new-password">New password</label>');
    expect(html).toContain('At least 8 characters');
    expect(html).toContain('A symbol');

    const mismatch = await submitPageForm(issuer(), flow, {
      new_password: 'Erik-new-pass-1',
      confirm_password: 'Erik-new-pass-2',
    });
    expect(mismatch.page?.html).toContain('The passwords do not match.');
    const weak = await submitPageForm(issuer(), mismatch, { new_password: 'short', confirm_password: 'short' });
    expect(weak.page?.html).toContain('Password did not conform with policy: Password not long enough');
    const forged = await submitPageForm(
      issuer(),
      {
        ...weak,
        page: {
          status: 200,
          html: (weak.page?.html ?? '').replace(/name="session" value="[^"]*"/, 'name="session" value="forged"'),
        },
      },
      { new_password: 'Erik-new-pass-1', confirm_password: 'Erik-new-pass-1' },
    );
    expect(forged.callback).toBeNull();
    expect(forged.page?.html).toContain('expired');

    const done = await submitPageForm(issuer(), weak, {
      new_password: 'Erik-new-pass-1',
      confirm_password: 'Erik-new-pass-1',
    });
    expect(done.callback?.searchParams.get('code')).toEqual(expect.any(String));
    const discovery = (await (await fetch(`${issuer()}/.well-known/openid-configuration`)).json()) as {
      token_endpoint: string;
    };
    const tokens = await exchangeCode(discovery.token_endpoint, DEMO_CLIENT_ID, done);
    expect(decodeJwt(String(tokens.body.id_token))).toMatchObject({ 'cognito:username': 'erik' });
    expect(
      (await admin.send(new AdminGetUserCommand({ UserPoolId: DEMO_USER_POOL_ID, Username: 'erik' }))).UserStatus,
    ).toBe('CONFIRMED');
  });

  it("sends frame-ancestors 'none' on the login page, so no other site can frame it", async () => {
    const { discovery } = await startSignIn(issuer(), DEMO_CLIENT_ID, REDIRECT);
    const auth = new URL(discovery.authorization_endpoint ?? '');
    auth.search = new URLSearchParams({
      client_id: DEMO_CLIENT_ID,
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: 'openid',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
    }).toString();
    let res = await fetch(auth, { redirect: 'manual' });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    res = await fetch(new URL(res.headers.get('location') ?? '', auth), { headers: { cookie } });
    expect(await res.text()).toContain('<h1>Sign in</h1>');
    expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});

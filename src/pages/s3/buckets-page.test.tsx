// @vitest-environment jsdom
// The buckets page against the real emulator, signed in through its identity pool: a failure to get
// credentials is reported as such, never as a ListBuckets refusal or S3 CORS.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startTestEmulator, type TestEmulator } from '../../../emulator/testing';
import {
  DEMO_CLIENT_ID,
  DEMO_IDENTITY_POOL_ID,
  DEMO_ISSUER_PATH,
  DEMO_LOGINS_KEY,
  DEMO_USERS,
} from '../../../emulator/seed/accounts';
import { parseConfig, type ConsoleConfig } from '../../aws/config';
import { credentialSource } from '../../aws/auth';
import { CredentialStore } from '../../aws/credentials';
import { activateSession } from '../../aws/session';
import { createTestSession, TestSessionProvider } from '../../app/test-session';
import BucketsPage from './buckets-page';

let emu: TestEmulator;
let config: ConsoleConfig;

async function aliceToken(): Promise<string> {
  const idp = new CognitoIdentityProviderClient({ endpoint: emu.url, region: emu.region });
  const out = await idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: DEMO_CLIENT_ID,
      AuthParameters: { USERNAME: 'alice', PASSWORD: DEMO_USERS.find((u) => u.username === 'alice')?.password ?? '' },
    }),
  );
  return out.AuthenticationResult?.IdToken ?? '';
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
    buckets: ['from-config'],
  });
});

afterEach(async () => {
  cleanup();
  activateSession(undefined);
  await emu.admin('faults', undefined, 'DELETE');
});

afterAll(async () => {
  await emu?.dispose();
});

function renderBuckets() {
  const token = aliceToken();
  const session = createTestSession(config, new CredentialStore(credentialSource(config, () => token)));
  const router = createMemoryRouter([{ path: '/buckets', Component: BucketsPage }], { initialEntries: ['/buckets'] });
  render(
    <TestSessionProvider config={config} session={session}>
      <RouterProvider router={router} />
    </TestSessionProvider>,
  );
}

async function expectCredentialsFailure() {
  const alert = await screen.findByText('No AWS credentials', {}, { timeout: 20_000 });
  expect(alert).toBeTruthy();
  expect(screen.queryByText(/may not list buckets/)).toBeNull();
  expect(screen.queryByText(/CORS/)).toBeNull();
  expect(screen.queryByRole('region', { name: 'Open bucket by name' })).toBeNull();
}

it('a failed GetId says the identity pool gave no credentials, not that the role may not list buckets', async () => {
  await emu.admin('faults', {
    service: 'cognito-identity',
    operation: 'GetId',
    count: 100,
    error: { code: 'NotAuthorizedException', status: 400, message: 'Invalid login token.' },
  });
  renderBuckets();
  await expectCredentialsFailure();
  expect(screen.getByText(/Invalid login token/)).toBeTruthy();
});

it('a dropped GetCredentialsForIdentity is not blamed on S3 CORS', async () => {
  await emu.admin('faults', {
    service: 'cognito-identity',
    operation: 'GetCredentialsForIdentity',
    count: 100,
    drop: true,
  });
  renderBuckets();
  await expectCredentialsFailure();
});

it('a real ListBuckets refusal still falls back to the names in config', async () => {
  await emu.admin('faults', {
    service: 's3',
    operation: 'ListBuckets',
    count: 100,
    error: {
      code: 'AccessDenied',
      status: 403,
      message: `User: x is not authorized to perform: s3:ListAllMyBuckets on resource: arn:aws:s3:::*`,
    },
  });
  renderBuckets();
  expect(await screen.findByText(/may not list buckets/, {}, { timeout: 20_000 })).toBeTruthy();
  expect(screen.getByRole('region', { name: 'Open bucket by name' })).toBeTruthy();
});

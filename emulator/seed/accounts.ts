/**
 * The seeded security setup: ids the dev config, the e2e tests and the README refer to.
 * Demo passwords are shown on the emulator's login page on purpose: they open a local demo only.
 */
export const DEMO_REGION = 'us-east-1';
export const DEMO_USER_POOL_ID = 'us-east-1_LocalDemo';
/** The console's public app client (authorization code + PKCE, no secret). */
export const DEMO_CLIENT_ID = 'consolelocalclient00000001';
export const DEMO_IDENTITY_POOL_ID = 'us-east-1:00000000-0000-4000-8000-00000000c0de';
/** The key of the ID token in GetId / GetCredentialsForIdentity `Logins`, as on AWS. */
export const DEMO_LOGINS_KEY = `cognito-idp.${DEMO_REGION}.amazonaws.com/${DEMO_USER_POOL_ID}`;
/** Path of the pool's OIDC issuer on the emulator: issuer = emulator URL + this. */
export const DEMO_ISSUER_PATH = `/cognito-idp/${DEMO_USER_POOL_ID}`;

export const DEMO_USERS = [
  { username: 'alice', password: 'Alice-demo-1', email: 'alice@example.com', groups: ['admins'] },
  { username: 'bob', password: 'Bob-demo-1', email: 'bob@example.com', groups: ['viewers'] },
] as const;

export const ADMIN_ROLE_NAME = 'ConsoleAdmin';
export const READ_ONLY_ROLE_NAME = 'ConsoleReadOnly';
/** The static keys' role (AWS CLI, scripts, tests): everything, since the console roles are least-privilege. */
export const EMULATOR_ADMIN_ROLE_NAME = 'EmulatorAdmin';
/** The execution role of the seeded Lambda functions: what their own SDK calls may do. */
export const LAMBDA_DEMO_ROLE_NAME = 'LambdaDemoExecution';

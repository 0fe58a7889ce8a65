import type { RoleStore } from '../auth/roles.js';
import type { UserPools } from '../auth/user-pools.js';
import { roleArn } from '../auth/caller.js';
import type { IdentityPoolStore } from '../services/cognito-identity/pools-store.js';
import {
  ADMIN_ROLE_NAME,
  DEMO_CLIENT_ID,
  DEMO_IDENTITY_POOL_ID,
  DEMO_LOGINS_KEY,
  DEMO_USER_POOL_ID,
  DEMO_USERS,
  READ_ONLY_ROLE_NAME,
} from './accounts.js';
import { SEEDED_ROLES } from './security-roles.js';

export interface SecuritySeedDeps {
  roles: RoleStore;
  pools: UserPools;
  identityPools: IdentityPoolStore;
  accountId: string;
  consoleOrigins: string[];
}

/** The console's app client: a callback and a sign-out URL per console origin (refreshed at every start). */
export function putDemoClient(pools: UserPools, consoleOrigins: string[]): void {
  if (!pools.poolExists(DEMO_USER_POOL_ID)) return;
  const origins = consoleOrigins.map((o) => o.replace(/\/+$/, ''));
  pools.putClient({
    clientId: DEMO_CLIENT_ID,
    poolId: DEMO_USER_POOL_ID,
    name: 'console',
    redirectUris: origins.map((o) => `${o}/auth/callback`),
    logoutUris: origins.map((o) => `${o}/`),
  });
}

/** The seeded security setup: the two roles, the demo user pool and its users, the identity pool. */
export async function seedSecurity(deps: SecuritySeedDeps): Promise<void> {
  const { pools } = deps;
  for (const role of SEEDED_ROLES) deps.roles.write(role);
  const adminArn = roleArn(deps.accountId, ADMIN_ROLE_NAME);
  const readOnlyArn = roleArn(deps.accountId, READ_ONLY_ROLE_NAME);

  pools.createPool(DEMO_USER_POOL_ID, 'Console demo users');
  pools.putGroup({
    poolId: DEMO_USER_POOL_ID,
    name: 'admins',
    description: 'Console administrators',
    precedence: 1,
    roleArn: adminArn,
  });
  pools.putGroup({
    poolId: DEMO_USER_POOL_ID,
    name: 'viewers',
    description: 'Read-only console users',
    precedence: 2,
    roleArn: readOnlyArn,
  });
  for (const user of DEMO_USERS) {
    pools.createUser(DEMO_USER_POOL_ID, user.username, user.email, 'CONFIRMED');
    await pools.setPassword(DEMO_USER_POOL_ID, user.username, user.password, true);
    for (const group of user.groups) pools.addToGroup(DEMO_USER_POOL_ID, user.username, group);
  }
  putDemoClient(pools, deps.consoleOrigins);

  deps.identityPools.put({
    IdentityPoolId: DEMO_IDENTITY_POOL_ID,
    IdentityPoolName: 'console_demo',
    AllowUnauthenticatedIdentities: false,
    AllowClassicFlow: false,
    CognitoIdentityProviders: [
      { ProviderName: DEMO_LOGINS_KEY, ClientId: DEMO_CLIENT_ID, ServerSideTokenCheck: false },
    ],
  });
  deps.identityPools.setRoles(DEMO_IDENTITY_POOL_ID, {
    Roles: { authenticated: readOnlyArn },
    RoleMappings: {
      [DEMO_LOGINS_KEY]: {
        Type: 'Rules',
        AmbiguousRoleResolution: 'Deny',
        RulesConfiguration: {
          Rules: [
            { Claim: 'cognito:groups', MatchType: 'Contains', Value: 'admins', RoleARN: adminArn },
            { Claim: 'cognito:groups', MatchType: 'Contains', Value: 'viewers', RoleARN: readOnlyArn },
          ],
        },
      },
    },
  });
}

import type { SecurityFactory } from './security.js';
import {
  ADMIN_ROLE_NAME,
  DEMO_USER_POOL_ID,
  DEMO_USERS,
  EMULATOR_ADMIN_ROLE_NAME,
  READ_ONLY_ROLE_NAME,
} from '../seed/accounts.js';
import { accessDeniedError } from './auth-errors.js';
import { authenticateRequest, precheckRequest } from './authenticate.js';
import { verifyPostPolicy } from './post-policy.js';
import { CredentialStore } from './credentials.js';
import { openDb, wipeDb } from './db.js';
import { createOidcRoute } from './oidc/routes.js';
import { evaluate } from './policy.js';
import { forgetPoolKeys, poolKeys } from './pool-keys.js';
import { RoleStore } from './roles.js';
import { verifyIdToken } from './tokens.js';
import { UserPools } from './user-pools.js';
import { createStsService } from '../services/sts/index.js';
import { createCognitoIdpService } from '../services/cognito-idp/index.js';
import { createCognitoIdentityService } from '../services/cognito-identity/index.js';
import { IdentityPoolStore } from '../services/cognito-identity/pools-store.js';
import { putDemoClient, seedSecurity } from '../seed/security.js';
import { SEEDED_ROLES, seededGrants } from '../seed/security-roles.js';

/** `cognito-idp.REGION.amazonaws.com/POOL_ID`, the logins key of a user pool, as on AWS. */
const LOGINS_KEY = /^cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/([\w-]+)$/;

/**
 * Security for the emulator: SigV4 verification against static keys and identity-pool sessions,
 * role policies read from DATA/auth/roles/*.json, user pools as OIDC providers, identity pools, STS.
 */
export const createSecurity: SecurityFactory = async (env, options) => {
  const db = openDb(env.dataDir);
  const roles = new RoleStore(env.dataDir, env.log);
  const credentials = new CredentialStore(db, options.staticCredentials, EMULATOR_ADMIN_ROLE_NAME);
  const pools = new UserPools(db);
  const identityPools = new IdentityPoolStore(db);
  // Roles are configuration, not demo data: static keys need EmulatorAdmin even in an unseeded folder.
  const ensureRoles = () => {
    for (const role of SEEDED_ROLES) if (!roles.exists(role.RoleName)) roles.write(role);
  };
  ensureRoles();
  putDemoClient(pools, options.consoleOrigins);

  const oidc = createOidcRoute({
    db,
    pools,
    baseUrl: env.baseUrl,
    log: env.log,
    demoPoolId: DEMO_USER_POOL_ID,
    demoAccounts: DEMO_USERS,
  });

  const verifier = async (providerKey: string, token: string, audiences: string[]) => {
    const poolId = LOGINS_KEY.exec(providerKey)?.[1];
    if (!poolId || !pools.poolExists(poolId)) throw new Error(`unknown identity provider ${providerKey}`);
    return verifyIdToken(token, await poolKeys(db, poolId), oidc.issuerOf(poolId), audiences);
  };

  return {
    authenticate: (input) => authenticateRequest(input, credentials, env.accountId),
    authenticatePostPolicy: (input) => verifyPostPolicy(input, credentials, env.accountId),
    precheck: (input) => precheckRequest(input, credentials),
    isAllowed(caller, action, resource, context) {
      if (caller.anonymous || !caller.roleName) return false;
      const policy = roles.policyOf(caller.roleName);
      return policy !== null && evaluate([policy], action, resource, context) === 'allow';
    },
    accessDenied: (caller, service, action, resource) =>
      accessDeniedError(caller.arn, caller.anonymous, service, action, resource),
    routes: [oidc],
    addDemoGrants(grants) {
      roles.addStatements(ADMIN_ROLE_NAME, seededGrants(ADMIN_ROLE_NAME, grants.admin));
      roles.addStatements(READ_ONLY_ROLE_NAME, seededGrants(READ_ONLY_ROLE_NAME, grants.viewer));
    },
    roleCredentials(roleName, sessionName, ttlSeconds) {
      if (!roles.exists(roleName)) return null;
      const issued = credentials.issue(roleName, sessionName, null, ttlSeconds);
      return {
        accessKeyId: issued.AccessKeyId,
        secretAccessKey: issued.SecretKey,
        sessionToken: issued.SessionToken,
        expiresAt: issued.expiresAt,
      };
    },
    services: [
      createStsService({ roles, credentials, accountId: env.accountId }),
      createCognitoIdpService({ db, pools, issuerOf: oidc.issuerOf, accountId: env.accountId }),
      createCognitoIdentityService({
        db,
        credentials,
        roles,
        accountId: env.accountId,
        credentialTtlSeconds: options.credentialTtlSeconds,
        verifier,
      }),
    ],
    async reset() {
      wipeDb(db);
      forgetPoolKeys(db);
      oidc.reset();
      roles.wipe();
      ensureRoles();
    },
    async seed() {
      await seedSecurity({
        roles,
        pools,
        identityPools,
        accountId: env.accountId,
        consoleOrigins: options.consoleOrigins,
      });
    },
    async close() {
      db.close();
    },
  };
};

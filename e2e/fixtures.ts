import { test as base, expect, type Page } from '@playwright/test';
import type { EmulatorOptions } from '../emulator/index.js';
import { DEMO_REGION } from '../emulator/seed/accounts.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { consoleConfigFor } from './support/console-config.js';
import { describeViolations, watchCspViolations, type CspViolation } from './support/csp.js';
import { e2eEnv } from './support/env.js';
import { openSignedIn } from './support/sign-in.js';
import { emulatorAdmin, startSeededEmulator, type StartedEmulator } from './support/stack.js';
import { USERS, storageStateFor, type DemoUser, type Role } from './support/users.js';

export interface AwsClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

export interface Fixtures {
  /** Which seeded user the test runs as (its saved OIDC session is loaded); default admin. */
  role: Role;
  user: DemoUser;
  /** Open a console path signed in as `user`. */
  open(path: string): Promise<void>;
  /** Fail on serious/critical axe violations of the page as it is now. */
  axe(label?: string): Promise<void>;
  /** The shared emulator's admin API (/_emulator/...). Prefer `ownEmulator` for faults: they are global. */
  admin(path: string, body?: unknown, method?: string): Promise<unknown>;
  /** AWS SDK v3 client options for the shared emulator (static admin keys), to create a spec's own resources. */
  awsClientConfig: AwsClientConfig;
  /** Options for `ownEmulator`. */
  ownEmulatorOptions: EmulatorOptions;
  /** Extra fields merged into the config served with `ownEmulator`. */
  ownConfigOverrides: Record<string, unknown>;
  /**
   * A fresh seeded emulator for this test alone, with the page's /config.json pointing at it; for faults,
   * short-lived credentials and anything that must not leak into parallel tests. Sign in again with it.
   */
  ownEmulator: StartedEmulator & { admin(path: string, body?: unknown, method?: string): Promise<unknown> };
  /**
   * CSP violations reported so far by any page of the test (the console runs under production's CSP).
   * Any left at the end fails the test; a test that provokes one on purpose empties the list.
   */
  cspViolations: CspViolation[];
}

export const test = base.extend<Fixtures>({
  role: ['admin', { option: true }],
  cspViolations: [
    async ({ context }, use) => {
      const violations = await watchCspViolations(context);
      await use(violations);
      expect(violations, `CSP violations:\n${describeViolations(violations)}`).toEqual([]);
    },
    { auto: true },
  ],
  storageState: async ({ role }, use) => use(storageStateFor(role)),
  user: async ({ role }, use) => use(USERS[role]),
  open: async ({ page, user }, use) => use((path) => openSignedIn(page, path, user)),
  axe: async ({ page }, use) => use((label) => expectNoSeriousA11yViolations(page, label)),
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern
  admin: async ({}, use) => {
    const env = e2eEnv();
    await use((path, body, method) => emulatorAdmin(env.emulatorUrl, env.adminToken, path, body, method));
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern
  awsClientConfig: async ({}, use) => {
    const env = e2eEnv();
    await use({
      endpoint: env.emulatorUrl,
      region: DEMO_REGION,
      credentials: { accessKeyId: env.accessKeyId, secretAccessKey: env.secretAccessKey },
    });
  },
  ownEmulatorOptions: [{}, { option: true }],
  ownConfigOverrides: [{}, { option: true }],
  ownEmulator: async ({ context, ownEmulatorOptions, ownConfigOverrides }, use) => {
    const { baseUrl } = e2eEnv();
    const emulator = await startSeededEmulator([baseUrl], ownEmulatorOptions);
    const config = { ...consoleConfigFor(emulator.url), ...ownConfigOverrides };
    await context.route('**/config.json', (route) => route.fulfill({ json: config }));
    // The saved OIDC session belongs to the shared emulator: start this one signed out.
    await context.clearCookies();
    try {
      await use({
        ...emulator,
        admin: (path, body, method) => emulatorAdmin(emulator.url, emulator.adminToken, path, body, method),
      });
    } finally {
      await emulator.dispose();
    }
  },
});

export { expect };
export type { Page };

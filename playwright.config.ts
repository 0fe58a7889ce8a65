import { existsSync } from 'node:fs';
import { defineConfig, devices, type ReporterDescription } from '@playwright/test';
import { storageStateFor } from './e2e/support/users.js';

/** Debian's Chromium when present (Playwright's own cannot be downloaded everywhere); CHROMIUM_PATH overrides. */
const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;

const reporter: ReporterDescription[] = [['list']];
// scripts/test.mjs reads the JSON report to count tests.
if (process.env.PLAYWRIGHT_JSON_OUTPUT_NAME)
  reporter.push(['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME }]);

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  globalSetup: './e2e/global-setup.ts',
  // 2 CPU cores are shared: two browsers at most.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous: the machine's cores are shared, and a spec with its own emulator signs in from scratch.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter,
  use: {
    // Set by the global setup, which picks the preview port; workers inherit it.
    baseURL: process.env.E2E_BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    headless: true,
  },
  projects: [
    { name: 'sign-in', testMatch: /auth\.setup\.ts$/, use: chromium },
    {
      name: 'chromium',
      testMatch: /.*\.spec\.ts$/,
      dependencies: ['sign-in'],
      use: { ...chromium, storageState: storageStateFor('admin') },
    },
  ],
});

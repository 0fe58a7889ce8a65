import { mkdirSync, rmSync } from 'node:fs';
import { buildConsole } from './support/build.js';
import { ENV_KEYS } from './support/env.js';
import { startConsoleStack } from './support/stack.js';
import { STORAGE_DIR } from './support/users.js';

/** Build once, start the seeded emulator and vite preview; the returned function is the teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  await buildConsole((line) => console.log(`[e2e] ${line}`));
  const stack = await startConsoleStack();
  process.env[ENV_KEYS.baseUrl] = stack.baseUrl;
  process.env[ENV_KEYS.emulatorUrl] = stack.emulator.url;
  process.env[ENV_KEYS.adminToken] = stack.emulator.adminToken;
  process.env[ENV_KEYS.accessKeyId] = stack.emulator.credentials.accessKeyId;
  process.env[ENV_KEYS.secretAccessKey] = stack.emulator.credentials.secretAccessKey;
  // Signed-in states belong to this run's emulator only.
  rmSync(STORAGE_DIR, { recursive: true, force: true });
  mkdirSync(STORAGE_DIR, { recursive: true });
  console.log(`[e2e] console ${stack.baseUrl}, emulator ${stack.emulator.url}`);
  return async () => {
    await stack.stop();
    rmSync(STORAGE_DIR, { recursive: true, force: true });
  };
}

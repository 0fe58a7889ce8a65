import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { preview } from 'vite';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/index.js';
import { BUILD_DIR } from './build.js';
import { consoleConfigFor } from './console-config.js';
import { freePort } from './ports.js';

export interface StartedEmulator extends RunningEmulator {
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Stop and delete its temporary data folder. */
  dispose(): Promise<void>;
}

/** A seeded emulator on a free port with a temporary data folder, accepting sign-ins from `origins`. */
export async function startSeededEmulator(origins: string[], options: EmulatorOptions = {}): Promise<StartedEmulator> {
  const dataDir = mkdtempSync(join(tmpdir(), 'console-e2e-emulator-'));
  const credentials = { accessKeyId: 'AKIAE2EADMIN', secretAccessKey: randomBytes(20).toString('base64url') };
  const emulator = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    seed: true,
    consoleOrigins: origins,
    staticCredentials: [credentials],
    ...options,
  });
  return {
    ...emulator,
    credentials,
    async dispose() {
      await emulator.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ConsoleStack {
  /** Origin of the console served by vite preview, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  emulator: StartedEmulator;
  stop(): Promise<void>;
}

/**
 * The seeded emulator plus `vite preview` of the build in BUILD_DIR, serving a config.json for that
 * emulator (through CONSOLE_CONFIG_FILE, which the console's preview plugin reads per request).
 */
export async function startConsoleStack(options: EmulatorOptions = {}): Promise<ConsoleStack> {
  // Both on 127.0.0.1: same site, so the OIDC session cookie also reaches a silent-renew iframe.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const emulator = await startSeededEmulator([baseUrl, `http://localhost:${port}`], options);
  try {
    const config = JSON.stringify(consoleConfigFor(emulator.url), null, 2) + '\n';
    // The console's preview plugin serves CONSOLE_CONFIG_FILE first (console-contract.md); point it here.
    const configFile = join(dirname(BUILD_DIR), `config-${port}.json`);
    writeFileSync(configFile, config);
    process.env.CONSOLE_CONFIG_FILE = configFile;
    const server = await preview({
      logLevel: 'warn',
      build: { outDir: BUILD_DIR },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    return {
      baseUrl,
      emulator,
      async stop() {
        await server.close();
        await emulator.dispose();
        rmSync(configFile, { force: true });
      },
    };
  } catch (e) {
    await emulator.dispose();
    throw e;
  }
}

/** Call the emulator's admin API (/_emulator/...). */
export async function emulatorAdmin(
  url: string,
  token: string,
  path: string,
  body?: unknown,
  method = 'POST',
): Promise<unknown> {
  const res = await fetch(`${url}/_emulator/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await res.json();
  if (!res.ok) throw new Error(`admin ${path}: ${JSON.stringify(json)}`);
  return json;
}

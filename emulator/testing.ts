import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from './index.js';
import { READ_ONLY_ROLE_NAME } from './seed/accounts.js';
import type { SignOptions } from './testing-http.js';

export interface TestEmulator extends RunningEmulator {
  /** Static admin keys this emulator accepts. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  region: string;
  /** Options for an AWS SDK v3 client pointed at the emulator with the admin keys (SDK defaults otherwise). */
  clientConfig: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  /** Static keys of the seeded read-only (viewer) role. */
  viewerCredentials: { accessKeyId: string; secretAccessKey: string };
  /** Call the admin API. */
  admin(path: string, body?: unknown, method?: string): Promise<unknown>;
  /** Stop and delete the data folder. */
  dispose(): Promise<void>;
}

/** An emulator on a free port with its own temporary data folder; unseeded unless asked. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'emulator-test-'));
  const credentials = { accessKeyId: 'AKIATESTADMIN', secretAccessKey: randomBytes(20).toString('base64url') };
  const viewerCredentials = { accessKeyId: 'AKIATESTVIEWER', secretAccessKey: randomBytes(20).toString('base64url') };
  const emulator = await startEmulator({
    port: 0,
    seed: false,
    staticCredentials: [credentials, { ...viewerCredentials, roleName: READ_ONLY_ROLE_NAME }],
    ...options,
    dataDir,
  });
  const region = emulator.defaultRegion;
  return {
    ...emulator,
    credentials,
    viewerCredentials,
    region,
    clientConfig: { endpoint: emulator.url, region, credentials },
    async admin(path, body, method = 'POST') {
      const res = await fetch(`${emulator.url}/_emulator/${path}`, {
        method,
        headers: { authorization: `Bearer ${emulator.adminToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json: unknown = await res.json();
      if (!res.ok) throw new Error(`admin ${path}: ${JSON.stringify(json)}`);
      return json;
    },
    async dispose() {
      await emulator.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface EmulatorProcess {
  url: string;
  /** SIGKILL the process, as a crash would, and wait for it to exit. */
  kill(): Promise<void>;
}

/**
 * The emulator's CLI in a child process (unseeded, on a free port), so durability tests can kill it
 * with SIGKILL mid-flight.
 */
export async function startEmulatorProcess(
  dataDir: string,
  keys: { accessKeyId: string; secretAccessKey: string },
): Promise<EmulatorProcess> {
  const { spawn } = await import('node:child_process');
  const { createInterface } = await import('node:readline');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'emulator/cli.ts',
      '--port',
      '0',
      '--data',
      dataDir,
      '--no-seed',
      '--static-credentials',
      `${keys.accessKeyId}:${keys.secretAccessKey}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /emulator ready at (\S+)/.exec(line);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${String(code)}`)));
  });
  return {
    url,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** What an AWS SDK v3 client throws: the error's name is the AWS error code. */
export type SdkError = Error & { $metadata?: { httpStatusCode?: number } };

/** The error a call fails with; fails the test if the call succeeds. */
export async function errorOf(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/**
 * A raw SigV4-signed request through fetch (signed by testing-http.ts's signRequest, the one signer tests
 * use), for inputs an SDK client would never send: bad JSON, the query protocol, prototype-named targets.
 * Signed with the emulator's admin keys unless told otherwise; POST unless told otherwise.
 */
export async function signedRequest(emu: TestEmulator, options: SignOptions): Promise<Response> {
  const { signRequest } = await import('./testing-http.js');
  const method = options.method ?? 'POST';
  const { path, headers } = await signRequest(emu, { ...options, method });
  const body =
    typeof options.body === 'string' || options.body === undefined ? options.body : new Uint8Array(options.body);
  return fetch(new URL(path, emu.url), { method, headers, body });
}

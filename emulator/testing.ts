import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from './index.js';
import { READ_ONLY_ROLE_NAME } from './seed/accounts.js';

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
    ['--import', 'tsx', 'emulator/cli.ts', '--port', '0', '--data', dataDir, '--no-seed',
      '--static-credentials', `${keys.accessKeyId}:${keys.secretAccessKey}`],
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

export interface SignedRequestOptions {
  /** Signing name: s3, sqs, dynamodb, lambda, ... */
  service: string;
  method?: string;
  /** Path and query, e.g. '/2015-03-31/functions'. */
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sign as of this time (late or replayed requests). */
  date?: Date;
  /** Sign with another secret (a wrong signature). */
  secretAccessKey?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** The payload hash header S3 wants (UNSIGNED-PAYLOAD by default there). */
  payloadHash?: string;
}

/**
 * The one way tests send a raw SigV4-signed request, for inputs an SDK client would never send (bad JSON,
 * query protocol, prototype-named targets). Signed with the emulator's admin keys unless told otherwise.
 */
export async function signedRequest(emu: TestEmulator, options: SignedRequestOptions): Promise<Response> {
  const { SignatureV4 } = await import('@smithy/signature-v4');
  const { HttpRequest } = await import('@smithy/protocol-http');
  const { NodeSha256 } = await import('./auth/hash.js');
  const method = options.method ?? 'POST';
  const url = new URL(options.path ?? '/', emu.url);
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const isS3 = options.service === 's3';
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const credentials = options.credentials ?? {
    ...emu.credentials,
    ...(options.secretAccessKey ? { secretAccessKey: options.secretAccessKey } : {}),
  };
  const signer = new SignatureV4({
    service: options.service,
    region: emu.region,
    credentials,
    sha256: NodeSha256,
    uriEscapePath: !isS3,
    applyChecksum: !isS3,
  });
  const payloadHash = options.payloadHash ?? (isS3 ? 'UNSIGNED-PAYLOAD' : undefined);
  const request = new HttpRequest({
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query,
    headers: {
      host: url.host,
      ...(payloadHash ? { 'x-amz-content-sha256': payloadHash } : {}),
      ...(body && isS3 ? { 'content-length': String(body.length) } : {}),
      ...options.headers,
    },
    body,
  });
  const signed = await signer.sign(request, options.date ? { signingDate: options.date } : {});
  return fetch(url, { method, headers: signed.headers, body });
}

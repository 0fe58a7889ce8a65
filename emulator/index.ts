import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { FaultInjector } from './core/faults.js';
import { claimDataFolder } from './core/data-lock.js';
import type { Service, ServiceEnv } from './core/types.js';
import { createEmulatorServer, randomAdminToken } from './server.js';
import { SERVICE_FACTORIES } from './services/registry.js';
import { createSecurity } from './auth/index.js';
import { DEFAULT_CONSOLE_ORIGINS, OriginPolicy } from './core/cors-origins.js';
import { DEFAULT_LIMITS, type ServerLimits } from './core/limits.js';
import { localKeys, type LocalKeys } from './auth/local-keys.js';

export interface EmulatorOptions {
  /** Port to listen on; 0 picks a free one. Default 4566. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Data folder; default `.aws-local` in the current directory. */
  dataDir?: string;
  /** Write demo data on first start of an empty data folder. Default true. */
  seed?: boolean;
  /** Delete the data folder's contents before starting. Default false. */
  reset?: boolean;
  /** Static keys mapped to the admin role, or to the role named (for the AWS CLI, scripts and tests). */
  staticCredentials?: Array<{ accessKeyId: string; secretAccessKey: string; roleName?: string }>;
  /** Also accept the data folder's own random admin keys (DATA/credentials, made on first start). */
  localKeys?: boolean;
  /** Lifetime of identity-pool credentials in seconds (default 3600); shorter for expiry tests. */
  credentialTtlSeconds?: number;
  /**
   * Origins of the console: the seeded app client may redirect to them and browsers there may call the
   * emulator (default the Vite dev and preview servers, on localhost and 127.0.0.1).
   */
  consoleOrigins?: string[];
  /** More origins browsers may call the emulator from (CORS); `*` allows any web page. */
  corsOrigins?: string[];
  /** Timeouts and connection caps (defaults in core/limits.ts). */
  limits?: Partial<ServerLimits>;
  /** Token for the /_emulator/ admin API; random when omitted. */
  adminToken?: string;
  accountId?: string;
  defaultRegion?: string;
  /** Print internal errors and service logs. */
  verbose?: boolean;
  /**
   * Run Lambda function code (as child processes with the emulator's own OS privileges). Default: on
   * when bound to a loopback address, off otherwise.
   */
  lambda?: boolean;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export interface RunningEmulator {
  url: string;
  adminToken: string;
  dataDir: string;
  accountId: string;
  defaultRegion: string;
  /** The data folder's admin keys, when `localKeys` was asked for. */
  localKeys?: LocalKeys;
  stop(): Promise<void>;
}

const INIT_MARKER = '.initialized';
/** The services whose seed and demo-role grants a data folder has had, so a new service is applied once. */
const SERVICES_MARKER = '.services.json';
/** What every data folder made before SERVICES_MARKER existed had already been given. */
const LEGACY_SERVICES = ['security', 's3', 'sqs', 'ec2', 'dynamodb', 'sts', 'cognito-idp', 'cognito-identity'];

/** The marker, or null for a new folder or one made before the marker existed. */
function readServicesMarker(dataDir: string): { services: Set<string>; seeded: boolean } | null {
  const file = join(dataDir, SERVICES_MARKER);
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { services?: unknown; seeded?: unknown };
    if (!Array.isArray(parsed.services)) return null;
    return {
      services: new Set(parsed.services.filter((x): x is string => typeof x === 'string')),
      seeded: parsed.seeded !== false,
    };
  } catch {
    // Unreadable: treat the folder as one from before the marker, which re-applies nothing it had.
    return null;
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const dataDir = resolve(options.dataDir ?? '.aws-local');
  const accountId = options.accountId ?? '123456789012';
  const defaultRegion = options.defaultRegion ?? 'us-east-1';
  const adminToken = options.adminToken ?? randomAdminToken();
  // Bad origins fail before anything is claimed or touched.
  const consoleOrigins = options.consoleOrigins ?? [...DEFAULT_CONSOLE_ORIGINS];
  const origins = new OriginPolicy([...consoleOrigins, ...(options.corsOrigins ?? [])]);
  // A busy port fails before the folder is touched; a folder in use by another emulator fails in one line.
  const dataLock = await claimDataFolder(dataDir, host, options.port ?? 4566);
  const log = (message: string) => {
    if (options.verbose) console.error(`[emulator] ${message}`);
  };
  const executeFunctions = options.lambda ?? isLoopbackHost(host);
  if (options.reset) dataLock.empty();
  const firstStart = !existsSync(join(dataDir, INIT_MARKER));
  mkdirSync(dataDir, { recursive: true });
  const keys = options.localKeys ? localKeys(dataDir) : undefined;

  let baseUrl = '';
  const services = new Map<string, Service>();
  // Services may ask for role credentials only after start-up, once security exists.
  const late: { security?: Awaited<ReturnType<typeof createSecurity>> } = {};
  const envFor = (name: string): ServiceEnv => {
    const dir = join(dataDir, name);
    mkdirSync(dir, { recursive: true });
    return {
      dataDir: dir,
      accountId,
      defaultRegion,
      baseUrl: () => baseUrl,
      log: (m) => log(`${name}: ${m}`),
      peer: (other) => services.get(other),
      roleCredentials: (role, session, ttl) => late.security?.roleCredentials(role, session, ttl) ?? null,
      executeFunctions,
    };
  };

  const security = await createSecurity(envFor('auth'), {
    staticCredentials: [...(options.staticCredentials ?? []), ...(keys ? [keys] : [])],
    credentialTtlSeconds: options.credentialTtlSeconds ?? 3600,
    consoleOrigins,
  });
  for (const [name, factory] of Object.entries(SERVICE_FACTORIES)) services.set(name, await factory(envFor(name)));
  for (const service of security.services) services.set(service.name, service);
  late.security = security;
  const sec = security;

  const grantAll = () => {
    for (const service of services.values()) if (service.demoGrants) sec.addDemoGrants(service.demoGrants);
  };
  const seedAll = async () => {
    await sec.seed();
    for (const service of services.values()) await service.seed?.();
  };
  const faults = new FaultInjector();
  const server = createEmulatorServer({
    services,
    security,
    faults,
    adminToken,
    defaultRegion,
    accountId,
    origins,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    log,
    async resetAll(seed) {
      await sec.reset();
      for (const service of services.values()) await service.reset();
      if (seed) await seedAll();
      grantAll();
    },
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4566, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  // Each service's demo data and demo-role grants, once per data folder: a folder made before a service
  // existed gains it on the next start, and the user's own data and role edits stay.
  const marker = readServicesMarker(dataDir);
  const seeded = marker?.seeded ?? options.seed !== false;
  const applied = marker?.services ?? new Set(firstStart ? [] : LEGACY_SERVICES);
  if (!applied.has('security')) {
    if (seeded) await sec.seed();
    applied.add('security');
  }
  for (const [name, service] of services) {
    if (applied.has(name)) continue;
    if (service.demoGrants) sec.addDemoGrants(service.demoGrants);
    if (seeded && options.seed !== false) await service.seed?.();
    applied.add(name);
  }
  writeFileSync(
    join(dataDir, SERVICES_MARKER),
    `${JSON.stringify({ services: [...applied].sort(), seeded }, null, 2)}\n`,
  );
  if (firstStart) writeFileSync(join(dataDir, INIT_MARKER), new Date().toISOString());

  let stopped: Promise<void> | undefined;
  return {
    url: baseUrl,
    adminToken,
    dataDir,
    accountId,
    defaultRegion,
    ...(keys ? { localKeys: keys } : {}),
    stop() {
      stopped ??= (async () => {
        await new Promise<void>((ok) => {
          server.close(() => ok());
          server.closeAllConnections();
        });
        for (const service of services.values()) await service.close();
        await security.close();
        dataLock.release();
      })();
      return stopped;
    },
  };
}

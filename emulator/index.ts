import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
  /** Static keys mapped to the admin role (for the AWS CLI, scripts and tests). */
  staticCredentials?: Array<{ accessKeyId: string; secretAccessKey: string }>;
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
}

export interface RunningEmulator {
  url: string;
  adminToken: string;
  dataDir: string;
  accountId: string;
  defaultRegion: string;
  stop(): Promise<void>;
}

const INIT_MARKER = '.initialized';

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
  if (options.reset) dataLock.empty();
  const firstStart = !existsSync(join(dataDir, INIT_MARKER));
  mkdirSync(dataDir, { recursive: true });

  let baseUrl = '';
  const envFor = (name: string): ServiceEnv => {
    const dir = join(dataDir, name);
    mkdirSync(dir, { recursive: true });
    return { dataDir: dir, accountId, defaultRegion, baseUrl: () => baseUrl, log: (m) => log(`${name}: ${m}`) };
  };

  const security = await createSecurity(envFor('auth'), {
    staticCredentials: options.staticCredentials ?? [],
    credentialTtlSeconds: options.credentialTtlSeconds ?? 3600,
    consoleOrigins,
  });
  const services = new Map<string, Service>();
  for (const [name, factory] of Object.entries(SERVICE_FACTORIES)) services.set(name, await factory(envFor(name)));
  for (const service of security.services) services.set(service.name, service);

  const seedAll = async () => {
    await security.seed();
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
      await security.reset();
      for (const service of services.values()) await service.reset();
      if (seed) await seedAll();
    },
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4566, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  if (firstStart) {
    if (options.seed !== false) await seedAll();
    writeFileSync(join(dataDir, INIT_MARKER), new Date().toISOString());
  }

  let stopped: Promise<void> | undefined;
  return {
    url: baseUrl,
    adminToken,
    dataDir,
    accountId,
    defaultRegion,
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

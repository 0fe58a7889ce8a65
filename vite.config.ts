import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerResponse } from 'node:http';
import { defineConfig, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import type { RunningEmulator, startEmulator as StartEmulator } from './emulator/index.js';
import { inlineScriptHashes, securityHeadersMiddleware } from './scripts/vite-security-headers.js';
import {
  DEMO_CLIENT_ID,
  DEMO_IDENTITY_POOL_ID,
  DEMO_ISSUER_PATH,
  DEMO_LOGINS_KEY,
  DEMO_REGION,
  DEMO_USERS,
} from './emulator/seed/accounts.js';
import { LOCAL_KEYS_FILE, readLocalKeys, type LocalKeys } from './emulator/auth/local-keys.js';

const EMULATOR_PORT = 4566;
const DEV_ORIGIN = 'http://localhost:5173';
const DEV_DATA_DIR = '.aws-local';
/** A console config for an emulator at `url`: the demo user pool and identity pool, or static keys. */
function emulatorConfig(url: string, keys: LocalKeys | null): object {
  const auth =
    keys === null
      ? {
          mode: 'cognito',
          identityPoolId: DEMO_IDENTITY_POOL_ID,
          signIn: {
            authority: `${url}${DEMO_ISSUER_PATH}`,
            clientId: DEMO_CLIENT_ID,
            scope: 'openid email profile',
            // The emulator's pool answers as Cognito's would: its logins key is AWS's form, not the URL.
            loginsKey: DEMO_LOGINS_KEY,
          },
        }
      : { mode: 'static', ...keys };
  return { regions: [DEMO_REGION, 'eu-west-1'], defaultRegion: DEMO_REGION, endpoint: url, auth, buckets: [] };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(10_000) })).ok;
  } catch {
    return false;
  }
}

function sendJson(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(body);
}

/** Config from the environment (preview and dev): a file, or a generated one for an emulator URL. */
function configFromEnv(): (() => string) | undefined {
  const file = process.env.CONSOLE_CONFIG_FILE;
  // Re-read per request, so a test can rewrite the file between page loads.
  if (file) return () => readFileSync(file, 'utf8');
  const url = process.env.CONSOLE_EMULATOR_URL;
  if (url) {
    let keys: LocalKeys | null = null;
    if (process.env.CONSOLE_AUTH === 'static') {
      const accessKeyId = process.env.CONSOLE_ACCESS_KEY_ID;
      const secretAccessKey = process.env.CONSOLE_SECRET_ACCESS_KEY;
      // No well-known default: that emulator's keys are its own (printed at its start).
      if (!accessKeyId || !secretAccessKey)
        throw new Error('CONSOLE_AUTH=static needs CONSOLE_ACCESS_KEY_ID and CONSOLE_SECRET_ACCESS_KEY');
      keys = { accessKeyId, secretAccessKey };
    }
    const body = JSON.stringify(emulatorConfig(url.replace(/\/+$/, ''), keys), null, 2);
    return () => body;
  }
  return undefined;
}

/** The dev server's own inline scripts (React refresh), hashed once, for script-src. */
function devScriptHashes(server: ViteDevServer): () => Promise<string[]> {
  let hashes: Promise<string[]> | undefined;
  return () =>
    (hashes ??= server
      .transformIndexHtml('/', readFileSync(resolve(server.config.root, 'index.html'), 'utf8'))
      .then(inlineScriptHashes));
}

function serveConfig(server: ViteDevServer | PreviewServer, read: () => string): void {
  // The production headers, computed from the config being served (infra/lib/security-headers.ts).
  server.middlewares.use(
    securityHeadersMiddleware(read, 'transformIndexHtml' in server ? devScriptHashes(server) : undefined),
  );
  server.middlewares.use('/config.json', (_req, res) => {
    try {
      sendJson(res, read());
    } catch (e) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`config.json: ${(e as Error).message}`);
    }
  });
}

/** The dev emulator outlives Vite's server restarts (config edits), so a restart never drops port 4566. */
const emulatorSlot = globalThis as typeof globalThis & { __consoleDevEmulator?: Promise<RunningEmulator> };

/**
 * Loaded through tsx at run time rather than bundled into this config: otherwise every edit under
 * emulator/ would count as a config change and restart the dev server.
 */
async function startDevEmulator(root: string): Promise<RunningEmulator> {
  const { tsImport } = await import('tsx/esm/api');
  const entry = pathToFileURL(resolve(root, 'emulator/index.ts')).href;
  const { startEmulator } = (await tsImport(entry, import.meta.url)) as { startEmulator: typeof StartEmulator };
  return startEmulator({
    port: EMULATOR_PORT,
    consoleOrigins: [DEV_ORIGIN, 'http://127.0.0.1:5173'],
    dataDir: resolve(root, DEV_DATA_DIR),
    localKeys: true,
  });
}

/** What `npm run dev` tells the developer once everything is up, printed under Vite's own URLs. */
interface DevSummary {
  endpoint: string;
  auth: string;
  data: string;
  adminToken: string;
  /** The emulator's admin keys for the AWS CLI and scripts, when known. */
  keys?: { accessKeyId: string; secretAccessKey: string; file: string };
}

function printSummary(server: ViteDevServer, summary: DevSummary): void {
  const printUrls = server.printUrls.bind(server);
  server.printUrls = () => {
    printUrls();
    const consoleUrl = server.resolvedUrls?.local[0] ?? DEV_ORIGIN;
    const token = summary.adminToken;
    const lines = [
      '',
      `  console      ${consoleUrl}`,
      `  endpoint     ${summary.endpoint}`,
      `  auth         ${summary.auth}`,
      `  data folder  ${summary.data}`,
      `  admin token  ${token}`,
      // A real token (no spaces): show how to use it, e.g. for fault injection against the dev server.
      ...(token.includes(' ')
        ? []
        : [`               curl -H "Authorization: Bearer ${token}" ${summary.endpoint}/_emulator/faults`]),
      ...(summary.keys
        ? [
            `  AWS CLI      export AWS_ACCESS_KEY_ID=${summary.keys.accessKeyId} AWS_SECRET_ACCESS_KEY=${summary.keys.secretAccessKey} AWS_REGION=${DEMO_REGION} AWS_ENDPOINT_URL=${summary.endpoint}`,
            `               (admin keys of this data folder, also in ${summary.keys.file})`,
          ]
        : []),
      '',
    ];
    server.config.logger.info(lines.join('\n'));
  };
}

const demoUsers = DEMO_USERS.map((u) => `${u.username} / ${u.password} (${u.groups.join(', ')})`).join(', ');

/**
 * Dev: start the emulator in-process (or reuse one on 4566) and serve a config for it, unless
 * CONSOLE_CONFIG_FILE or CONSOLE_EMULATOR_URL points elsewhere. Preview: serve the env's config if set.
 */
function consoleConfig(): Plugin {
  return {
    name: 'console-config',
    async configureServer(server) {
      const fromEnv = configFromEnv();
      if (fromEnv) {
        serveConfig(server, fromEnv);
        const file = process.env.CONSOLE_CONFIG_FILE;
        const external = process.env.CONSOLE_EMULATOR_URL ?? '';
        printSummary(server, {
          endpoint: file ? `from ${file}` : external,
          auth: file
            ? `from ${file} (no emulator started)`
            : process.env.CONSOLE_AUTH === 'static'
              ? 'static keys'
              : `cognito sign-in: ${demoUsers}`,
          data: file ? 'none (no emulator started)' : `kept by the emulator at ${external}`,
          adminToken: file
            ? 'none (no emulator started)'
            : 'printed by that emulator at its start (or its --admin-token)',
        });
        return;
      }
      const url = `http://127.0.0.1:${EMULATOR_PORT}`;
      let data = 'kept by the emulator already on port 4566';
      let adminToken = 'printed by that emulator at its start (or its --admin-token)';
      let keys: LocalKeys | null = null;
      if (emulatorSlot.__consoleDevEmulator || !(await answers(`${url}/_emulator/health`))) {
        emulatorSlot.__consoleDevEmulator ??= startDevEmulator(server.config.root);
        try {
          const emulator = await emulatorSlot.__consoleDevEmulator;
          data = `${relative(server.config.root, emulator.dataDir) || emulator.dataDir} (delete it to start over)`;
          adminToken = emulator.adminToken;
          keys = emulator.localKeys ?? null;
        } catch (e) {
          // One line (a data folder in use, a busy port) rather than a stack: the dev server is no use without it.
          server.config.logger.error(`emulator: ${(e as Error).message}`);
          process.exit(1);
        }
      }
      // An emulator already on 4566 over this folder keeps its keys there too.
      keys ??= readLocalKeys(resolve(server.config.root, DEV_DATA_DIR));
      // Sign-in through the emulator's user pool once its OIDC provider answers; static keys until then.
      const oidc = await answers(`${url}${DEMO_ISSUER_PATH}/.well-known/openid-configuration`);
      const body = JSON.stringify(emulatorConfig(url, oidc || !keys ? null : keys), null, 2);
      serveConfig(server, () => body);
      printSummary(server, {
        endpoint: url,
        auth: oidc || !keys ? `cognito sign-in: ${demoUsers}` : 'static keys (the user pool did not answer)',
        data,
        adminToken,
        ...(keys ? { keys: { ...keys, file: `${DEV_DATA_DIR}/${LOCAL_KEYS_FILE}` } } : {}),
      });
    },
    configurePreviewServer(server) {
      const fromEnv = configFromEnv();
      if (fromEnv) serveConfig(server, fromEnv);
      else {
        const built = resolve(server.config.root, server.config.build.outDir, 'config.json');
        server.middlewares.use(securityHeadersMiddleware(() => readFileSync(built, 'utf8')));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), consoleConfig()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // What every page runs before its first render, as one file: split into ten small chunks it
        // gzipped 3 KB worse (the sign-in page's budget is 120 KB, bench/budgets.ts).
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|oidc-client-ts|react-oidc-context|jwt-decode)[\\/]/,
            },
          ],
        },
      },
    },
  },
});

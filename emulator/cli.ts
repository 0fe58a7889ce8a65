import { DataFolderInUseError, PortInUseError } from './core/data-lock.js';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { LOCAL_KEYS_FILE } from './auth/local-keys.js';
import { isLoopbackHost, startEmulator } from './index.js';

const USAGE = `usage: npm run emulator -- [options]
  --port N                    port to listen on (default 4566; 0 picks a free port)
  --host H                    address to bind (default 127.0.0.1)
  --data DIR                  data folder (default .aws-local)
  --no-seed                   do not write demo data into an empty data folder
  --reset                     delete the data folder's contents first
  --static-credentials K:S    static keys mapped to the admin role (default on loopback: random keys
                              made on the data folder's first start, kept in DATA/credentials and
                              printed at start; "none" for no static keys)
  --credential-ttl SECONDS    lifetime of identity-pool credentials (default 3600)
  --admin-token T             token for the /_emulator/ admin API (default random, printed)
  --cors-origin ORIGIN        let web pages at ORIGIN call the emulator (repeatable; the Vite dev and
                              preview origins on localhost/127.0.0.1 are always allowed); "*" lets
                              ANY web page you visit use the emulator (and sign in with the demo passwords)
  --no-lambda                 never run Lambda function code (the API still answers; Invoke is refused)
  --lambda                    run function code even when bound to a non-loopback host (function code
                              runs with this process's own OS privileges)
  --verbose                   log internal errors`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4566' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: '.aws-local' },
      'no-seed': { type: 'boolean', default: false },
      reset: { type: 'boolean', default: false },
      'static-credentials': { type: 'string' },
      'credential-ttl': { type: 'string', default: '3600' },
      'admin-token': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true, default: [] },
      'no-lambda': { type: 'boolean', default: false },
      lambda: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, got "${values.port}"`);
  const ttl = Number(values['credential-ttl']);
  if (!Number.isInteger(ttl) || ttl < 60)
    throw new Error(`--credential-ttl must be whole seconds >= 60, got "${values['credential-ttl']}"`);

  // The data folder's own random keys, and only where nobody else can reach the port.
  const keys = values['static-credentials'];
  const staticCredentials = [];
  if (keys !== undefined && keys !== 'none') {
    const [accessKeyId, secretAccessKey] = keys.split(':');
    if (!accessKeyId || !secretAccessKey) throw new Error('--static-credentials must be KEY:SECRET or "none"');
    staticCredentials.push({ accessKeyId, secretAccessKey });
  }

  const emulator = await startEmulator({
    port,
    host: values.host,
    dataDir: values.data,
    seed: !values['no-seed'],
    reset: values.reset,
    staticCredentials,
    localKeys: keys === undefined && isLoopbackHost(values.host),
    credentialTtlSeconds: ttl,
    adminToken: values['admin-token'],
    corsOrigins: values['cors-origin'],
    verbose: values.verbose,
    lambda: values['no-lambda'] ? false : values.lambda ? true : undefined,
  });
  const admin = emulator.localKeys ?? staticCredentials[0];
  if (admin) {
    console.error(`static credentials (admin role): ${admin.accessKeyId} / ${admin.secretAccessKey}`);
    console.error(
      `  export AWS_ACCESS_KEY_ID=${admin.accessKeyId} AWS_SECRET_ACCESS_KEY=${admin.secretAccessKey} AWS_REGION=${emulator.defaultRegion} AWS_ENDPOINT_URL=${emulator.url}`,
    );
    if (emulator.localKeys)
      console.error(`  (kept in ${join(emulator.dataDir, LOCAL_KEYS_FILE)}, in the AWS CLI's credentials format)`);
  }
  console.error(`admin token for /_emulator/: ${emulator.adminToken}`);
  if (values['cors-origin'].includes('*'))
    console.error('CORS: every web page may call this emulator (--cors-origin "*")');
  console.log(`emulator ready at ${emulator.url}`);
  const shutdown = () => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  console.error(`emulator: ${(e as Error).message}`);
  // A folder or port in use is said in one line; the usage text is for a wrong argument.
  if (!(e instanceof DataFolderInUseError || e instanceof PortInUseError)) console.error(USAGE);
  process.exit(1);
});

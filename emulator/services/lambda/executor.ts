import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { lambdaDir } from './paths.js';
import { existsSync } from 'node:fs';
import { AwsError } from '../../core/errors.js';
import type { ServiceEnv } from '../../core/types.js';
import { extractCode } from './code.js';
import { Instance, type InvocationResult } from './instance.js';
import type { FunctionStore, FunctionSettings } from './store.js';
import { readFileSync } from 'node:fs';

/** Instances one function may run at once when it has no reserved concurrency (a small machine's share). */
export const UNRESERVED_INSTANCE_CAP = 10;
/** A warm instance idle this long is stopped. */
const IDLE_MS = 5 * 60_000;
const TAIL_BYTES = 4096;

/** The folder holding node_modules, so handlers can import @aws-sdk/client-* without bundling it. */
function nodeModulesParent(): string {
  let dir = lambdaDir();
  for (;;) {
    if (existsSync(resolve(dir, 'node_modules', '@aws-sdk'))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

export interface Target {
  region: string;
  name: string;
  /** '$LATEST' or a published version number. */
  version: string;
  settings: FunctionSettings;
  reservedConcurrency: number | null;
  arn: string;
}

export interface Execution extends InvocationResult {
  /** The last 4 KB of this invocation's log lines (START .. REPORT). */
  tail: string;
}

export type LogSink = (
  region: string,
  group: string,
  stream: string,
  lines: Array<{ timestamp: number; message: string }>,
) => void;

/** A function's instances, all versions: reserved concurrency caps the busy ones. */
interface Pool {
  instances: Set<Instance>;
  /** Instances being started for an invocation (they count against the cap already). */
  starting: number;
}

/** Runs invocations: warm instances per function version and code, new ones up to the concurrency cap. */
export class Executor {
  private readonly pools = new Map<string, Pool>();
  private modulesParentCache: string | undefined;
  private readonly reaper: NodeJS.Timeout;

  constructor(
    private readonly env: ServiceEnv,
    private readonly store: FunctionStore,
    private readonly sink: LogSink,
  ) {
    this.reaper = setInterval(() => this.reap(), 30_000);
    this.reaper.unref();
  }

  private modulesParent(): string {
    this.modulesParentCache ??= nodeModulesParent();
    return this.modulesParentCache;
  }

  private poolOf(region: string, name: string): Pool {
    const key = `${region}\u0000${name}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = { instances: new Set(), starting: 0 };
      this.pools.set(key, pool);
    }
    return pool;
  }

  /** Whether one more invocation could start now (a warm idle instance, or room for another). */
  hasRoom(target: Target): boolean {
    const pool = this.poolOf(target.region, target.name);
    const cap = target.reservedConcurrency ?? UNRESERVED_INSTANCE_CAP;
    const busy = [...pool.instances].filter((i) => i.busy && !i.dead).length + pool.starting;
    return cap > 0 && busy < cap;
  }

  async invoke(target: Target, requestId: string, payload: Buffer, clientContext?: string): Promise<Execution> {
    if (this.env.executeFunctions === false) {
      throw new AwsError(
        'ServiceException',
        'Function execution is turned off in this emulator (started with --no-lambda, or bound to a non-loopback host without --lambda).',
        500,
      );
    }
    const pool = this.poolOf(target.region, target.name);
    const cap = target.reservedConcurrency ?? UNRESERVED_INSTANCE_CAP;
    for (const i of pool.instances) if (i.dead) pool.instances.delete(i);
    const busy = [...pool.instances].filter((i) => i.busy).length + pool.starting;
    if (cap === 0 || busy >= cap) {
      throw new AwsError('TooManyRequestsException', 'Rate Exceeded.', 429, {
        Reason:
          target.reservedConcurrency !== null
            ? 'ReservedFunctionConcurrentInvocationLimitExceeded'
            : 'ConcurrentInvocationLimitExceeded',
        Type: 'User',
      });
    }
    const key = instanceKey(target);
    let instance = [...pool.instances].find((i) => !i.busy && !i.dead && i.key === key);
    const lines: string[] = [];
    if (instance) instance.busy = true;
    else {
      pool.starting += 1;
      try {
        instance = await this.spawn(target);
      } finally {
        pool.starting -= 1;
      }
      pool.instances.add(instance);
    }
    instance.capture = (line) => lines.push(line);
    instance.busy = true;
    const stream = instance.stream;
    const group = `/aws/lambda/${target.name}`;
    const log = (message: string) => {
      lines.push(message);
    };
    log(`START RequestId: ${requestId} Version: ${target.version}`);
    const result = await instance.invoke({ requestId, payload, invokedArn: target.arn, clientContext });
    log(`END RequestId: ${requestId}`);
    const duration = result.durationMs.toFixed(2);
    const init = result.initDurationMs !== undefined ? `\tInit Duration: ${result.initDurationMs.toFixed(2)} ms` : '';
    log(
      `REPORT RequestId: ${requestId}\tDuration: ${duration} ms\tBilled Duration: ${Math.max(1, Math.ceil(result.durationMs))} ms\t` +
        `Memory Size: ${target.settings.memorySize} MB\tMax Memory Used: ${result.maxMemoryMb} MB${init}\t`,
    );
    // A process that died is gone; one whose function changed while it ran is not reused.
    if (result.instanceDied || instance.key === 'retired') {
      instance.kill();
      pool.instances.delete(instance);
    }
    const now = Date.now();
    this.sink(
      target.region,
      group,
      stream,
      lines.map((message) => ({ timestamp: now, message })),
    );
    const text = lines.join('\n') + '\n';
    const bytes = Buffer.from(text);
    return { ...result, tail: bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)).toString('base64') };
  }

  private async spawn(target: Target): Promise<Instance> {
    const { settings } = target;
    const codeDir = this.store.unpackedPath(settings.codeSha256);
    extractCode(readFileSync(this.store.zipPath(settings.codeSha256)), codeDir);
    const roleName = settings.role.split('/').pop() ?? '';
    const creds = this.env.roleCredentials?.(roleName, target.name, 12 * 3600);
    if (!creds)
      throw new AwsError(
        'InvalidParameterValueException',
        `The role defined for the function cannot be assumed by Lambda: ${settings.role}`,
      );
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
    const stream = `${day}/[${target.version}]${randomBytes(16).toString('hex')}`;
    const instance = new Instance(
      {
        codeDir,
        memorySize: settings.memorySize,
        timeoutSeconds: settings.timeout,
        env: {
          ...settings.environment,
          PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
          LANG: 'en_US.UTF-8',
          TZ: ':UTC',
          NODE_PATH: `${this.modulesParent()}/node_modules`,
          LAMBDA_TASK_ROOT: codeDir,
          LAMBDA_RUNTIME_DIR: lambdaDir(),
          _HANDLER: settings.handler,
          AWS_EXECUTION_ENV: `AWS_Lambda_${settings.runtime}`,
          AWS_LAMBDA_FUNCTION_NAME: target.name,
          AWS_LAMBDA_FUNCTION_VERSION: target.version,
          AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(settings.memorySize),
          AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${target.name}`,
          AWS_LAMBDA_LOG_STREAM_NAME: stream,
          AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
          AWS_REGION: target.region,
          AWS_DEFAULT_REGION: target.region,
          AWS_ENDPOINT_URL: this.env.baseUrl(),
          AWS_ACCESS_KEY_ID: creds.accessKeyId,
          AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
          AWS_SESSION_TOKEN: creds.sessionToken,
        },
      },
      this.modulesParent(),
    );
    instance.key = instanceKey(target);
    instance.stream = stream;
    await instance.start();
    return instance;
  }

  /** Stop the instances of a function (its code or settings changed, or it was deleted); busy ones finish first. */
  retire(region: string, name: string): void {
    const pool = this.poolOf(region, name);
    for (const i of pool.instances) {
      if (!i.busy) {
        i.kill();
        pool.instances.delete(i);
      } else i.key = 'retired';
    }
  }

  private reap(): void {
    const now = Date.now();
    for (const pool of this.pools.values()) {
      for (const i of pool.instances) {
        if (i.dead || (!i.busy && now - i.lastUsed > IDLE_MS)) {
          i.kill();
          pool.instances.delete(i);
        }
      }
    }
  }

  close(): void {
    clearInterval(this.reaper);
    this.stopAll();
  }

  stopAll(): void {
    for (const pool of this.pools.values()) for (const i of pool.instances) i.kill();
    this.pools.clear();
  }
}

function instanceKey(target: Target): string {
  return `${target.version}\u0000${target.settings.revisionId}`;
}

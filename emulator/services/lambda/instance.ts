import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { lambdaDir } from './paths.js';

/** AWS's limit on a synchronous response payload. */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024;
/** How long to wait for an invocation's last log lines after its answer. */
const FLUSH_GRACE_MS = 250;
const INIT_TIMEOUT_MS = 10_000;

export interface InstanceSpec {
  /** Node.js flags and environment of the process; cwd is the unpacked code. */
  codeDir: string;
  env: Record<string, string>;
  memorySize: number;
  timeoutSeconds: number;
}

export interface InvocationRequest {
  requestId: string;
  payload: Buffer;
  invokedArn: string;
  clientContext?: string;
}

export interface InvocationResult {
  /** The function's answer, or its error document ({ errorType, errorMessage, trace }). */
  payload: Buffer;
  /** Set when the function failed (handled in the answer as X-Amz-Function-Error: Unhandled). */
  errorType?: string;
  durationMs: number;
  maxMemoryMb: number;
  /** On the instance's first invocation: how long the process took to load the handler. */
  initDurationMs?: number;
  /** Whether the process is gone (timeout, crash): the next call gets a fresh instance. */
  instanceDied: boolean;
}

type Outcome = { payload: Buffer; errorType?: string; maxRssKb?: number; died?: boolean };

/**
 * One function instance: a Node.js child process running our bootstrap, and a Runtime API server on
 * loopback that only it knows the token of. It serves one invocation at a time.
 */
export class Instance {
  private child: ChildProcess | null = null;
  private server: Server | null = null;
  private readonly token = randomBytes(24).toString('hex');
  private waitingNext: ServerResponse | null = null;
  private pending: InvocationRequest | null = null;
  private current: { request: InvocationRequest; finish(outcome: Outcome): void } | null = null;
  private initDone!: Promise<Outcome | null>;
  private resolveInit!: (o: Outcome | null) => void;
  private readonly flushed = new Map<string, () => void>();
  private stderrTail = '';
  private spawnedAt = 0;
  private initDurationMs: number | undefined;
  private firstInvocation = true;
  busy = false;
  dead = false;
  /** Which function version and revision the instance runs ('retired' once they changed). */
  key = '';
  /** Its log stream. */
  stream = '';
  /** Where its log lines go: the current invocation's collector. */
  capture: (line: string) => void = () => {};
  lastUsed = Date.now();

  constructor(
    private readonly spec: InstanceSpec,
    private readonly nodeModulesParent: string,
  ) {}

  async start(): Promise<void> {
    this.initDone = new Promise((r) => (this.resolveInit = r));
    this.server = createServer((req, res) => this.serve(req, res).catch(() => res.destroy()));
    await new Promise<void>((ok) => this.server?.listen(0, '127.0.0.1', () => ok()));
    const { port } = this.server.address() as AddressInfo;
    this.spawnedAt = performance.now();
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${this.spec.memorySize}`, join(lambdaDir(), 'runtime', 'bootstrap.mjs')],
      {
        cwd: this.spec.codeDir,
        env: {
          ...this.spec.env,
          AWS_LAMBDA_RUNTIME_API: `127.0.0.1:${port}`,
          _EMULATOR_RUNTIME_TOKEN: this.token,
          _EMULATOR_NODE_MODULES_PARENT: this.nodeModulesParent,
        },
        // stdin stays open for the process's life: it closes when the emulator dies, and the process exits.
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => this.onStdout(line));
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
      this.stderrTail = (this.stderrTail + line + '\n').slice(-4096);
      this.capture(line);
    });
    child.once('exit', (code, signal) => this.onExit(code, signal));
    child.once('error', () => this.onExit(null, 'SIGKILL'));
    setTimeout(() => {
      if (this.initDurationMs === undefined && !this.dead) {
        this.resolveInit(
          failure('Runtime.InitTimeout', `Init phase did not finish in ${INIT_TIMEOUT_MS / 1000} seconds`),
        );
        this.kill();
      }
    }, INIT_TIMEOUT_MS).unref();
  }

  /** Run one invocation; never throws (every failure is an error result). */
  async invoke(request: InvocationRequest): Promise<InvocationResult> {
    this.busy = true;
    const started = performance.now();
    const initFailure = await this.initDone;
    if (initFailure) {
      this.kill();
      return this.result(initFailure, started, true);
    }
    const outcome = await new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        const seconds = this.spec.timeoutSeconds.toFixed(2);
        this.capture(`${new Date().toISOString()} ${request.requestId} Task timed out after ${seconds} seconds`);
        finish(
          failure(
            'Sandbox.Timedout',
            `RequestId: ${request.requestId} Error: Task timed out after ${seconds} seconds`,
            true,
          ),
        );
        this.kill();
      }, this.spec.timeoutSeconds * 1000);
      const finish = (o: Outcome) => {
        clearTimeout(timer);
        if (this.current?.request === request) this.current = null;
        resolve(o);
      };
      this.current = { request, finish };
      this.dispatch(request);
    });
    this.busy = false;
    this.lastUsed = Date.now();
    return this.result(outcome, started, false);
  }

  kill(): void {
    if (this.dead) return;
    this.dead = true;
    this.child?.kill('SIGKILL');
    this.waitingNext?.destroy();
    this.server?.close();
    this.server?.closeAllConnections();
  }

  private result(outcome: Outcome, started: number, initFailed: boolean): InvocationResult {
    const result: InvocationResult = {
      payload: outcome.payload,
      errorType: outcome.errorType,
      durationMs: performance.now() - started,
      maxMemoryMb: Math.max(1, Math.round((outcome.maxRssKb ?? 0) / 1024)),
      instanceDied: this.dead || Boolean(outcome.died) || initFailed,
    };
    if (this.firstInvocation && this.initDurationMs !== undefined) result.initDurationMs = this.initDurationMs;
    this.firstInvocation = false;
    return result;
  }

  private dispatch(request: InvocationRequest): void {
    if (this.waitingNext) {
      const res = this.waitingNext;
      this.waitingNext = null;
      this.sendInvocation(res, request);
    } else this.pending = request;
  }

  private sendInvocation(res: ServerResponse, request: InvocationRequest): void {
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Lambda-Runtime-Aws-Request-Id': request.requestId,
      'Lambda-Runtime-Deadline-Ms': String(Date.now() + this.spec.timeoutSeconds * 1000),
      'Lambda-Runtime-Invoked-Function-Arn': request.invokedArn,
      'Lambda-Runtime-Trace-Id': `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')};Sampled=0`,
      ...(request.clientContext ? { 'Lambda-Runtime-Client-Context': request.clientContext } : {}),
    });
    res.end(request.payload);
  }

  private onStdout(line: string): void {
    if (line.startsWith('\u0000END ')) {
      const id = line.slice(5);
      const done = this.flushed.get(id);
      if (done) done();
      else this.flushed.set(id, () => {});
      return;
    }
    this.capture(line.replace(/\r/g, '\n'));
  }

  /** Resolve once the invocation's log lines are all read (the bootstrap's marker), or after a grace period. */
  private logsFlushed(id: string): Promise<void> {
    if (this.flushed.has(id)) {
      this.flushed.delete(id);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.flushed.delete(id);
        resolve();
      }, FLUSH_GRACE_MS);
      this.flushed.set(id, () => {
        clearTimeout(timer);
        this.flushed.delete(id);
        resolve();
      });
    });
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_RESPONSE_BYTES + 1024) break;
      chunks.push(chunk as Buffer);
    }
    if (req.headers['x-emulator-runtime-token'] !== this.token) {
      res.writeHead(403).end();
      return;
    }
    const body = Buffer.concat(chunks);
    const path = (req.url ?? '').replace(/^\/2018-06-01\/runtime/, '');
    const maxRssKb = Number(req.headers['x-emulator-max-rss-kb']) || undefined;
    if (req.method === 'GET' && path === '/invocation/next') {
      if (this.initDurationMs === undefined) {
        this.initDurationMs = performance.now() - this.spawnedAt;
        this.resolveInit(null);
      }
      if (this.pending) {
        const request = this.pending;
        this.pending = null;
        this.sendInvocation(res, request);
      } else this.waitingNext = res;
      return;
    }
    res.writeHead(202, { 'Content-Type': 'application/json' }).end('{"status":"OK"}');
    if (req.method !== 'POST') return;
    if (path === '/init/error') {
      this.resolveInit({ ...parseError(body, 'Runtime.Unknown'), maxRssKb });
      return;
    }
    const m = /^\/invocation\/([^/]+)\/(response|error)$/.exec(path);
    const current = this.current;
    if (!m || !current || m[1] !== current.request.requestId) return;
    await this.logsFlushed(current.request.requestId);
    if (m[2] === 'response') {
      if (size > MAX_RESPONSE_BYTES) {
        current.finish({
          ...failure(
            'Function.ResponseSizeTooLarge',
            `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
          ),
          maxRssKb,
        });
      } else current.finish({ payload: body, maxRssKb });
    } else
      current.finish({
        ...parseError(body, String(req.headers['lambda-runtime-function-error-type'] ?? 'Unhandled')),
        maxRssKb,
      });
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    const wasDead = this.dead;
    this.dead = true;
    this.server?.close();
    this.server?.closeAllConnections();
    const reason = signal
      ? `signal: ${signal === 'SIGKILL' ? 'killed' : signal === 'SIGABRT' ? 'aborted' : signal}`
      : `exit status ${code}`;
    const oom = /heap out of memory|Allocation failed/i.test(this.stderrTail);
    const current = this.current;
    if (this.initDurationMs === undefined)
      this.resolveInit(
        failure(oom ? 'Runtime.OutOfMemory' : 'Runtime.ExitError', `Runtime exited with error: ${reason}`, true),
      );
    if (current && !wasDead) {
      const id = current.request.requestId;
      current.finish(
        failure(
          oom ? 'Runtime.OutOfMemory' : 'Runtime.ExitError',
          `RequestId: ${id} Error: Runtime exited with error: ${reason}`,
          true,
        ),
      );
    }
  }
}

function failure(errorType: string, errorMessage: string, died = false): Outcome {
  return { payload: Buffer.from(JSON.stringify({ errorType, errorMessage })), errorType, died };
}

/** The bootstrap's error document; anything else the process posted becomes a plain error. */
function parseError(body: Buffer, fallbackType: string): Outcome {
  try {
    const doc = JSON.parse(body.toString('utf8')) as { errorType?: unknown; errorMessage?: unknown; trace?: unknown };
    if (doc && typeof doc === 'object') {
      const errorType = typeof doc.errorType === 'string' ? doc.errorType : fallbackType;
      return {
        payload: Buffer.from(
          JSON.stringify({
            errorType,
            errorMessage: String(doc.errorMessage ?? ''),
            trace: Array.isArray(doc.trace) ? doc.trace : [],
          }),
        ),
        errorType,
      };
    }
  } catch {
    // fall through
  }
  return {
    payload: Buffer.from(JSON.stringify({ errorType: fallbackType, errorMessage: body.toString('utf8') })),
    errorType: fallbackType,
  };
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { AwsError, DropConnection, toAwsError } from './core/errors.js';
import { FaultInjector, type FaultSpec } from './core/faults.js';
import { regionOf, serviceOf } from './core/route.js';
import type { Caller, RequestContext, Service } from './core/types.js';
import type { Security } from './auth/security.js';

/** Largest body buffered for the non-streaming services (DynamoDB batches reach 16 MB). */
const MAX_BUFFERED_BODY = 32 * 1024 * 1024;

export interface ServerDeps {
  services: Map<string, Service>;
  security: Security;
  faults: FaultInjector;
  adminToken: string;
  defaultRegion: string;
  accountId: string;
  /** Reset every service to an empty (or re-seeded) state. */
  resetAll(seed: boolean): Promise<void>;
  log(message: string): void;
}

const ALLOWED_METHODS = 'GET, PUT, POST, DELETE, HEAD, PATCH, OPTIONS';
/** Response headers scripts may read. '*' covers non-credentialed requests; the list covers the rest. */
const EXPOSED = [
  'ETag', 'Content-Length', 'Content-Type', 'Content-Range', 'Content-Disposition', 'Content-Encoding',
  'Last-Modified', 'Date', 'Accept-Ranges',
];

function setCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
  res.setHeader('Vary', 'Origin');
  // No Allow-Credentials: the SDK and the OIDC client call without cookies, and echoing any origin with
  // credentials would let any web page ride the login session cookie.
  // Expose every x-amz-* header the response ends up carrying (metadata names vary per object).
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const names = new Set(EXPOSED);
    const collect = (name: string) => {
      if (/^x-amzn?-/i.test(name)) names.add(name);
    };
    for (const name of res.getHeaderNames()) collect(name);
    const headersArg = args.find((a, i) => i > 0 && a && typeof a === 'object');
    if (headersArg && !Array.isArray(headersArg)) for (const name of Object.keys(headersArg)) collect(name);
    res.setHeader('Access-Control-Expose-Headers', ['*', ...names].join(', '));
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
}

function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const requested = req.headers['access-control-request-headers'];
  res.writeHead(200, {
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': requested ?? '*',
    'Access-Control-Max-Age': '86400',
    'Content-Length': '0',
  });
  res.end();
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AwsError('RequestEntityTooLarge', `Request body is larger than ${limit} bytes`, 413);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function sendAdminJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** /_emulator/*: health, reset, fault injection. Guarded by the admin token; refused from browsers. */
async function handleAdmin(req: IncomingMessage, res: ServerResponse, url: URL, deps: ServerDeps): Promise<void> {
  const path = url.pathname.slice('/_emulator'.length);
  if (path === '/health' && req.method === 'GET') {
    sendAdminJson(res, 200, { ok: true, services: [...deps.services.keys()] });
    return;
  }
  const auth = req.headers.authorization ?? '';
  const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
  if (req.headers.origin || !tokenMatches(given, deps.adminToken)) {
    sendAdminJson(res, 403, { error: 'the admin API needs "Authorization: Bearer <admin token>" and no Origin' });
    return;
  }
  const body = await readBody(req, 1024 * 1024);
  let input: Record<string, unknown> = {};
  if (body.length) {
    try {
      input = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      sendAdminJson(res, 400, { error: 'body is not JSON' });
      return;
    }
  }
  if (path === '/reset' && req.method === 'POST') {
    deps.faults.clear();
    await deps.resetAll(input.seed !== false);
    sendAdminJson(res, 200, { reset: true, seeded: input.seed !== false });
  } else if (path === '/faults' && req.method === 'POST') {
    try {
      const id = deps.faults.add(input as unknown as FaultSpec);
      sendAdminJson(res, 200, { id });
    } catch (e) {
      sendAdminJson(res, 400, { error: (e as Error).message });
    }
  } else if (path === '/faults' && req.method === 'GET') {
    sendAdminJson(res, 200, { faults: deps.faults.list() });
  } else if (path === '/faults' && req.method === 'DELETE') {
    deps.faults.clear();
    sendAdminJson(res, 200, { cleared: true });
  } else {
    sendAdminJson(res, 404, { error: `no admin route ${req.method} ${url.pathname}` });
  }
}

const ANONYMOUS = (accountId: string): Caller => ({
  accessKeyId: '',
  arn: 'anonymous',
  accountId,
  userId: 'anonymous',
  roleName: null,
  anonymous: true,
});

export function createEmulatorServer(deps: ServerDeps): Server {
  const server = createServer({ requestTimeout: 0, keepAliveTimeout: 65_000 }, (req, res) => {
    handle(req, res, deps).catch((e: unknown) => {
      deps.log(`unhandled error: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('internal error');
      } else res.destroy();
    });
  });
  return server;
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  setCorsHeaders(req, res);
  if (req.method === 'OPTIONS' && req.headers.origin) {
    answerPreflight(req, res);
    return;
  }
  if (url.pathname.startsWith('/_emulator/')) {
    await handleAdmin(req, res, url, deps);
    return;
  }
  for (const route of deps.security.routes) {
    if (url.pathname.startsWith(route.prefix)) {
      await route.handle(req, res);
      return;
    }
  }

  const serviceName = serviceOf(req, url);
  const service = deps.services.get(serviceName);
  const requestId = randomUUID();
  if (!service) {
    res.writeHead(400, { 'Content-Type': 'application/xml' });
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Code>UnknownService</Code><Message>The emulator does not provide the service "${serviceName}"</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    );
    return;
  }
  const ctx: RequestContext = {
    req,
    res,
    url,
    service: serviceName,
    region: regionOf(req, url, deps.defaultRegion),
    requestId,
    caller: ANONYMOUS(deps.accountId),
    body: null,
    begin: (operation) => deps.faults.apply(serviceName, operation),
    authorize(action, resource, context) {
      for (const arn of Array.isArray(resource) ? resource : [resource]) {
        if (!deps.security.isAllowed(ctx.caller, action, arn, context)) {
          throw deps.security.accessDenied(ctx.caller, serviceName, action, arn);
        }
      }
    },
    isAllowed: (action, resource, context) => deps.security.isAllowed(ctx.caller, action, resource, context),
    async authenticatePostPolicy(input) {
      ctx.caller = await deps.security.authenticatePostPolicy(input);
    },
  };
  try {
    if (serviceName !== 's3') ctx.body = await readBody(req, MAX_BUFFERED_BODY);
    ctx.caller = await deps.security.authenticate({ req, url, service: serviceName, region: ctx.region, body: ctx.body });
    await service.handle(ctx);
  } catch (e) {
    if (e instanceof DropConnection) {
      req.socket.destroy();
      return;
    }
    const error = toAwsError(e);
    if (error.status >= 500 && error.code === 'InternalError') deps.log(`${serviceName}: ${(e as Error).stack ?? String(e)}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    service.writeError(ctx, error);
  }
}

export function randomAdminToken(): string {
  return randomBytes(24).toString('base64url');
}

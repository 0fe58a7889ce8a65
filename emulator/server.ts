import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { AwsError, DropConnection, toAwsError } from './core/errors.js';
import { FaultInjector } from './core/faults.js';
import { regionOf, serviceOf } from './core/route.js';
import { escapeXml } from './protocols/xml.js';
import type { Caller, RequestContext, Service } from './core/types.js';
import { requestedHeaders, type CorsGrant, type OriginPolicy } from './core/cors-origins.js';
import { ConnectionLimiter, serverTimeoutOptions, type ServerLimits } from './core/limits.js';
import { validHost } from './core/host.js';
import { pageKind } from './core/browser-page.js';
import { authError } from './auth/auth-errors.js';
import type { Security } from './auth/security.js';

/** Largest body buffered for a service that sets no limit of its own (DynamoDB batches reach 16 MB), once signed. */
const MAX_BUFFERED_BODY = 32 * 1024 * 1024;

export interface ServerDeps {
  services: Map<string, Service>;
  security: Security;
  faults: FaultInjector;
  adminToken: string;
  defaultRegion: string;
  accountId: string;
  /** Browser origins allowed to call the emulator (CORS). */
  origins: OriginPolicy;
  limits: ServerLimits;
  /** Reset every service to an empty (or re-seeded) state. */
  resetAll(seed: boolean): Promise<void>;
  log(message: string): void;
}

const ALLOWED_METHODS = 'GET, PUT, POST, DELETE, HEAD, PATCH, OPTIONS';
/** Response headers scripts may read. '*' covers non-credentialed requests; the list covers the rest. */
const EXPOSED = [
  'ETag',
  'Content-Length',
  'Content-Type',
  'Content-Range',
  'Content-Disposition',
  'Content-Encoding',
  'Last-Modified',
  'Date',
  'Accept-Ranges',
  // Lambda Invoke's answer headers, which the console reads for logs, errors and the version run.
  'X-Amz-Log-Result',
  'X-Amz-Function-Error',
  'X-Amz-Executed-Version',
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

/** A body over its limit: answered with 413, then the connection is closed rather than drained. */
class BodyTooLarge extends AwsError {
  constructor(limit: number) {
    super('RequestEntityTooLarge', `Request body is larger than ${limit} bytes`, 413);
  }
}

/** Read a body up to `limit` bytes; a Content-Length over the limit is refused before reading anything. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Stop reading a request whose answer is final: end the connection once the answer is sent. */
function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  // Null once the socket is already gone (the client hung up).
  const socket = req.socket as IncomingMessage['socket'] | null;
  req.pause();
  res.setHeader('Connection', 'close');
  res.once('finish', () => {
    socket?.end();
    setTimeout(() => socket?.destroy(), 1000).unref();
  });
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
  if (req.headers.origin || req.headers['sec-fetch-site'] || !tokenMatches(given, deps.adminToken)) {
    sendAdminJson(res, 403, {
      error:
        'the admin API needs "Authorization: Bearer <admin token>" and no Origin or Sec-Fetch-Site (it is not for browsers)',
    });
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
      const id = deps.faults.add(input);
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
  const limiter = new ConnectionLimiter(deps.limits.maxUnauthenticatedConnections);
  const server = createServer(serverTimeoutOptions(deps.limits), (req, res) => {
    handle(req, res, deps, limiter).catch((e: unknown) => {
      deps.log(`unhandled error: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('internal error');
      } else res.destroy();
    });
  });
  limiter.attach(server, deps.limits.idleTimeoutMs);
  return server;
}

/** The request URL; a Host header that is not host[:port] is left out (and refused once the service is known). */
function requestUrl(req: IncomingMessage): { url: URL; hostOk: boolean } {
  const host = req.headers.host;
  const hostOk = host === undefined || validHost(host);
  try {
    return { url: new URL(req.url ?? '/', `http://${hostOk && host ? host : 'localhost'}`), hostOk };
  } catch {
    return { url: new URL('http://localhost/'), hostOk: false };
  }
}

/** CORS from a resource's own rule (S3 bucket CORS) for an origin the emulator does not allow. */
function setGrantHeaders(res: ServerResponse, grant: CorsGrant, preflight: boolean): void {
  res.setHeader('Access-Control-Allow-Origin', grant.allowOrigin);
  res.setHeader('Vary', 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method');
  if (grant.exposeHeaders.length) res.setHeader('Access-Control-Expose-Headers', grant.exposeHeaders.join(', '));
  if (!preflight) return;
  res.setHeader('Access-Control-Allow-Methods', grant.allowMethods.join(', '));
  if (grant.allowHeaders.length) res.setHeader('Access-Control-Allow-Headers', grant.allowHeaders.join(', '));
  if (grant.maxAgeSeconds !== undefined) res.setHeader('Access-Control-Max-Age', String(grant.maxAgeSeconds));
}

/** The sign-in pages, asked for by a page the emulator does not trust. */
function refuseForeignPage(res: ServerResponse): void {
  const body =
    'This emulator does not accept requests from the page you came from. Allow its origin with --cors-origin.';
  res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** A preflight from an origin the emulator does not allow: only a bucket's own CORS rule can answer it. */
function answerForeignPreflight(req: IncomingMessage, res: ServerResponse, origin: string, deps: ServerDeps): void {
  const method = req.headers['access-control-request-method'];
  const grant = deps.services.get('s3')?.corsGrant?.(req, {
    origin,
    method: typeof method === 'string' ? method : '',
    headers: requestedHeaders(req.headers['access-control-request-headers']),
  });
  if (grant) {
    setGrantHeaders(res, grant, true);
    res.writeHead(200, { 'Content-Length': '0' });
    res.end();
    return;
  }
  const body = 'CORSResponse: This CORS request is not allowed. Start the emulator with --cors-origin for this origin.';
  res.writeHead(403, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ServerDeps,
  limiter: ConnectionLimiter,
): Promise<void> {
  const { url, hostOk } = requestUrl(req);
  const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
  const originAllowed = origin !== undefined && deps.origins.allows(origin);
  if (originAllowed) setCorsHeaders(req, res);
  if (req.method === 'OPTIONS' && origin !== undefined) {
    if (originAllowed) answerPreflight(req, res);
    else answerForeignPreflight(req, res, origin, deps);
    return;
  }
  // Refused before any signature is looked at, whatever the service or method (an <img> can send a GET).
  const page = pageKind(req, deps.origins);
  if (url.pathname.startsWith('/_emulator/')) {
    await handleAdmin(req, res, url, deps);
    return;
  }
  for (const route of deps.security.routes) {
    if (url.pathname.startsWith(route.prefix)) {
      if (page === 'foreign') refuseForeignPage(res);
      else await route.handle(req, res);
      return;
    }
  }

  const serviceName = serviceOf(req, url);
  const service = deps.services.get(serviceName);
  const requestId = randomUUID();
  if (!service) {
    res.writeHead(400, { 'Content-Type': 'application/xml' });
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Code>UnknownService</Code><Message>The emulator does not provide the service "${escapeXml(serviceName)}"</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
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
    if (!hostOk)
      throw new AwsError('InvalidArgument', 'The Host header is not a valid host[:port].', 400, {
        ArgumentName: 'Host',
      });
    // Only the console's pages call services; the emulator's own pages (sign-in) never do.
    if (page === 'foreign' || page === 'own') {
      // A page from another site: refused, unless the bucket's own CORS rule lets that origin use it.
      const grant =
        origin !== undefined ? service.corsGrant?.(req, { origin, method: req.method ?? 'GET', headers: [] }) : null;
      if (!grant) throw authError(serviceName, 'disallowed-origin');
      setGrantHeaders(res, grant, false);
    }
    if (service.maxBody !== 'stream') {
      // The signature's key is checked before the body is read, so strangers cannot make us buffer 32 MiB.
      const signed = deps.security.precheck({ req, service: serviceName });
      ctx.body = await readBody(req, signed ? (service.maxBody ?? MAX_BUFFERED_BODY) : deps.limits.unverifiedBodyBytes);
    }
    ctx.caller = await deps.security.authenticate({
      req,
      url,
      service: serviceName,
      region: ctx.region,
      body: ctx.body,
    });
    if (!ctx.caller.anonymous) limiter.authenticated(req.socket);
    await service.handle(ctx);
  } catch (e) {
    if (e instanceof DropConnection) {
      req.socket.destroy();
      return;
    }
    const error = toAwsError(e);
    if (error.status >= 500 && error.code === 'InternalError')
      deps.log(`${serviceName}: ${(e as Error).stack ?? String(e)}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // An unread body of a refused request is not drained: the connection closes after the answer.
    if (e instanceof BodyTooLarge || (serviceName !== 's3' && ctx.body === null && !req.complete))
      closeAfterAnswer(req, res);
    service.writeError(ctx, error);
  }
}

export function randomAdminToken(): string {
  return randomBytes(24).toString('base64url');
}

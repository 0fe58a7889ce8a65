import type { IncomingHttpHeaders } from 'node:http';
import { AwsError } from '../core/errors.js';
import { internalCall, lookupOperation, runOperation, type OperationTable } from '../core/operations.js';
import type { RequestContext, Service } from '../core/types.js';
import { parseJsonBody, sendJson } from './json.js';

/** A REST-JSON request as operations see it: path parameters, query, headers and body, nothing to answer with. */
export interface RestInput {
  path: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body as a JSON object (SerializationException when it is not one); {} when empty. */
  json(): Record<string, unknown>;
}

/** An answer that is not a JSON document (Lambda Invoke's raw payload) or not a 200: still data, not HTTP writing. */
export class RestAnswer {
  constructor(
    readonly status: number,
    readonly body: Buffer | null,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** One route: method plus a path template (`{Name}` one segment, `{Name+}` the rest). */
export interface RestRoute {
  method: string;
  path: string;
  operation: string;
  /** Status of a JSON answer when not 200 (CreateFunction's 201, DeleteFunction's 204). */
  status?: number;
}

interface CompiledRoute extends RestRoute {
  pattern: RegExp;
  names: string[];
}

function compile(route: RestRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((part) => {
      const m = /^\{(\w+)(\+?)\}$/.exec(part);
      if (!m?.[1]) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]);
      return m[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { ...route, names, pattern: new RegExp(`^${source}/?$`) };
}

/** The route a method and path match, with its decoded path parameters. */
export function matchRoute(
  routes: CompiledRoute[],
  method: string,
  pathname: string,
): { route: CompiledRoute; path: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    const path: Record<string, string> = {};
    try {
      route.names.forEach((name, i) => (path[name] = decodeURIComponent(m[i + 1] ?? '')));
    } catch {
      throw new AwsError('ValidationException', 'The request path is not valid percent-encoding', 400);
    }
    return { route, path };
  }
  return null;
}

export interface RestJsonServiceSpec<S> extends Omit<Service, 'handle' | 'writeError'> {
  routes: RestRoute[];
  state: S;
  operations: OperationTable<S, RestInput>;
}

export function restInput(
  body: Buffer,
  path: Record<string, string> = {},
  query = new URLSearchParams(),
  headers: IncomingHttpHeaders = {},
): RestInput {
  let parsed: Record<string, unknown> | undefined;
  return {
    path,
    query,
    headers,
    body,
    json: () => (parsed ??= parseJsonBody(body)),
  };
}

/** A REST-JSON service (Lambda): the route names the operation; JSON out, or a RestAnswer as given. */
export function restJsonService<S>(spec: RestJsonServiceSpec<S>): Service {
  const { routes, state, operations, ...rest } = spec;
  const compiled = routes.map(compile);
  return {
    ...rest,
    async handle(ctx: RequestContext) {
      const found = matchRoute(compiled, ctx.req.method ?? 'GET', ctx.url.pathname);
      const op = found && lookupOperation(operations, found.route.operation);
      if (!found || !op)
        throw new AwsError('UnknownOperationException', `No operation for ${ctx.req.method} ${ctx.url.pathname}`, 404);
      const input = () => restInput(ctx.body ?? Buffer.alloc(0), found.path, ctx.url.searchParams, ctx.req.headers);
      const out = await runOperation(op, found.route.operation, ctx, state, input);
      if (ctx.res.destroyed) return;
      if (out instanceof RestAnswer) {
        const body = out.body ?? Buffer.alloc(0);
        ctx.res.writeHead(out.status, {
          'Content-Type': out.headers['Content-Type'] ?? 'application/json',
          'Content-Length': String(body.length),
          'x-amzn-RequestId': ctx.requestId,
          ...out.headers,
        });
        ctx.res.end(body);
        return;
      }
      const status = found.route.status ?? 200;
      if (status === 204) {
        ctx.res.writeHead(204, { 'x-amzn-RequestId': ctx.requestId });
        ctx.res.end();
        return;
      }
      sendJson(ctx.res, out, { version: 'rest', requestId: ctx.requestId, status });
    },
    writeError(ctx, error) {
      // REST-JSON errors: the code in x-amzn-ErrorType, Type (User/Service) and Message in the body.
      const body = {
        Type: error.status >= 500 ? 'Service' : 'User',
        Message: error.message,
        message: error.message,
        ...error.extra,
      };
      sendJson(ctx.res, body, {
        version: 'rest',
        requestId: ctx.requestId,
        status: error.status,
        headers: { 'x-amzn-ErrorType': error.code },
      });
    },
    internal:
      rest.internal ??
      (async (name, body, region) => {
        const op = lookupOperation(operations, name);
        if (!op) throw new AwsError('UnknownOperationException', `Unknown operation ${name}`);
        return op.run(restInput(Buffer.from(JSON.stringify(body))), internalCall(state, region));
      }),
  };
}

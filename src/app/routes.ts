import { generatePath } from 'react-router';

/**
 * The console's routes as typed references (Backstage's `createRouteRef` is the model). This module
 * imports no page, so a page links to another without an import cycle, and a wrong route or a missing
 * parameter is a type error: `pathTo(routes.table, { table: 'Users' })`.
 */
export interface RouteRef<P extends string = string> {
  /** Route path under "/" ("buckets/:bucket"), as react-router matches it. */
  readonly path: P;
}

/** The parameter names of a path: 'buckets/:bucket/uploads' -> 'bucket'. */
export type ParamsOf<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamsOf<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** Search params of a link; undefined and '' are left out. */
export type SearchOf = Record<string, string | undefined>;

function route<P extends string>(path: P): RouteRef<P> {
  return { path };
}

export const routes = {
  dashboard: route('dashboard'),
  buckets: route('buckets'),
  bucket: route('buckets/:bucket'),
  bucketUploads: route('buckets/:bucket/uploads'),
  instances: route('instances'),
  instance: route('instances/:instanceId'),
  tables: route('tables'),
  table: route('tables/:table'),
  queues: route('queues'),
  queue: route('queues/:queue'),
  secrets: route('secrets'),
  secret: route('secrets/:name'),
  functions: route('functions'),
  function: route('functions/:name'),
  logs: route('logs'),
} as const;

export type RouteName = keyof typeof routes;

export type PathArgs<P extends string> = [ParamsOf<P>] extends [never]
  ? [params?: Record<string, never>, search?: SearchOf]
  : [params: Record<ParamsOf<P>, string>, search?: SearchOf];

/** "/buckets/logs?prefix=a%2F" from `pathTo(routes.bucket, { bucket: 'logs' }, { prefix: 'a/' })`. */
export function pathTo<P extends string>(ref: RouteRef<P>, ...[params, search]: PathArgs<P>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(search ?? {})) if (v !== undefined && v !== '') q.set(k, v);
  const qs = q.toString();
  return `${generatePath(`/${ref.path}`, (params ?? {}) as never)}${qs ? `?${qs}` : ''}`;
}

/** True when the route's path has no parameters (it can be opened from anywhere, e.g. by search). */
export function isStandalone(ref: RouteRef): boolean {
  return !ref.path.includes(':');
}

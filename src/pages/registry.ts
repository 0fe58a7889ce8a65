import type { ComponentType } from 'react';
import { SERVICE_ICONS } from '../components/service-icons';
import { generatePath, type Params } from 'react-router';
import { preloadClients } from '../aws/clients';
import { knownInstanceName } from './instances/instance-names';

export interface Crumb {
  label: string;
  /** Path within the console (the shell adds the region); the last crumb has none. */
  href?: string;
}

/**
 * The console's pages: the router, the sidebar, breadcrumbs and cross-links are built from this list,
 * so a new page plugs in by adding one entry (its own lazy chunk). Pages that do not exist yet are not
 * listed, so nothing links to them.
 */
export interface PageEntry {
  /** Route path under "/" ("buckets", "buckets/:bucket"); also the page's id for `pageHref`. */
  path: string;
  label: string;
  /** Lazy chunk: the page component and only the SDK clients it uses. */
  load: () => Promise<{ default: ComponentType }>;
  /** Started in parallel with `load`, e.g. the page's SDK clients (src/aws/*, no components). */
  preload?: () => void;
  /** Shown in the sidebar. Detail routes (e.g. "buckets/:bucket") set false. */
  inNav?: boolean;
  /** Breadcrumbs after "Console"; default: the label. Detail pages name their parents and themselves. */
  crumbs?: (params: Params, search: URLSearchParams) => Crumb[];
  /** The service's icon (lucide), the same in the sidebar, the dashboard card and the page header. */
  icon?: ComponentType<{ className?: string; 'aria-hidden'?: boolean | 'true' }>;
  /** The search param the page's server-side filter reads; the sidebar search offers "Search <label> for …". */
  searchParam?: string;
}

export const PAGES: PageEntry[] = [
  {
    path: 'dashboard',
    label: 'Dashboard',
    icon: SERVICE_ICONS.dashboard,
    load: () => import('./dashboard/dashboard-page'),
    // EC2's client is by far the largest chunk: evaluating it early would delay the other cards' first data.
    preload: () => preloadClients(['s3', 'dynamodb', 'sqs']),
  },
  {
    path: 'buckets',
    label: 'Buckets',
    icon: SERVICE_ICONS.s3,
    load: () => import('./s3/buckets-page'),
    preload: () => preloadClients(['s3']),
    searchParam: 'search',
  },
  {
    path: 'buckets/:bucket',
    label: 'Bucket',
    inNav: false,
    icon: SERVICE_ICONS.s3,
    load: () => import('./s3/objects-page'),
    preload: () => preloadClients(['s3']),
    crumbs: (params, search) => bucketCrumbs(params.bucket ?? '', search.get('prefix') ?? ''),
    searchParam: 'search',
  },
  {
    path: 'buckets/:bucket/uploads',
    label: 'Unfinished uploads',
    inNav: false,
    icon: SERVICE_ICONS.s3,
    load: () => import('./s3/multipart-page'),
    preload: () => preloadClients(['s3']),
    crumbs: (params) => [...bucketCrumbs(params.bucket ?? '', '', true), { label: 'Unfinished uploads' }],
  },
  {
    path: 'instances',
    label: 'Instances',
    icon: SERVICE_ICONS.ec2,
    load: () => import('./instances/instances-page'),
    preload: () => preloadClients(['ec2']),
    searchParam: 'q',
  },
  {
    path: 'instances/:instanceId',
    label: 'Instance',
    icon: SERVICE_ICONS.ec2,
    inNav: false,
    load: () => import('./instances/instance-page'),
    preload: () => preloadClients(['ec2']),
    crumbs: (params) => {
      const id = params.instanceId ?? '';
      return [{ label: 'Instances', href: '/instances' }, { label: knownInstanceName(id) ?? id }];
    },
  },
  {
    path: 'tables',
    label: 'Tables',
    icon: SERVICE_ICONS.dynamodb,
    load: () => import('./tables/tables-page'),
    preload: () => preloadClients(['dynamodb']),
    searchParam: 'q',
  },
  {
    path: 'tables/:table',
    label: 'Table',
    icon: SERVICE_ICONS.dynamodb,
    inNav: false,
    load: () => import('./tables/table-page'),
    preload: () => preloadClients(['dynamodb']),
    crumbs: (params) => [{ label: 'Tables', href: '/tables' }, { label: params.table ?? '' }],
  },
  {
    path: 'queues',
    label: 'Queues',
    icon: SERVICE_ICONS.sqs,
    load: () => import('./queues/queues-page'),
    preload: () => preloadClients(['sqs']),
    searchParam: 'prefix',
  },
  {
    path: 'queues/:queue',
    label: 'Queue',
    inNav: false,
    icon: SERVICE_ICONS.sqs,
    load: () => import('./queues/queue-page'),
    preload: () => preloadClients(['sqs']),
    crumbs: (params) => [{ label: 'Queues', href: '/queues' }, { label: params.queue ?? '' }],
  },
  {
    path: 'functions',
    label: 'Functions',
    icon: SERVICE_ICONS.lambda,
    load: () => import('./functions/functions-page'),
    preload: () => preloadClients(['lambda']),
    searchParam: 'name',
  },
  {
    path: 'functions/:name',
    label: 'Function',
    inNav: false,
    icon: SERVICE_ICONS.lambda,
    load: () => import('./functions/function-page'),
    preload: () => preloadClients(['lambda']),
    crumbs: (params) => [{ label: 'Functions', href: '/functions' }, { label: params.name ?? '' }],
  },
  {
    path: 'logs',
    label: 'Logs',
    icon: SERVICE_ICONS.logs,
    load: () => import('./logs/logs-page'),
    preload: () => preloadClients(['logs']),
    searchParam: 'prefix',
    crumbs: (_params, search) => {
      const group = search.get('group');
      return group ? [{ label: 'Logs', href: '/logs' }, { label: group }] : [{ label: 'Logs' }];
    },
  },
];

/** Buckets › bucket › each folder level of the prefix; every level but the last links back. */
function bucketCrumbs(bucket: string, prefix: string, isParent = false): Crumb[] {
  const base = `/buckets/${encodeURIComponent(bucket)}`;
  const levels = prefix.split('/').filter(Boolean);
  const crumbs: Crumb[] = [
    { label: 'Buckets', href: '/buckets' },
    { label: bucket, ...(levels.length > 0 || isParent ? { href: base } : {}) },
  ];
  levels.forEach((level, i) => {
    const isLast = i === levels.length - 1;
    const path = `${levels.slice(0, i + 1).join('/')}/`;
    crumbs.push({ label: `${level}/`, ...(isLast ? {} : { href: `${base}?prefix=${encodeURIComponent(path)}` }) });
  });
  return crumbs;
}

export function hasPage(path: string): boolean {
  return PAGES.some((p) => p.path === path);
}

/**
 * A link to a page, or undefined while that page does not exist (no dead links):
 * pageHref('buckets/:bucket', { bucket: 'logs' }, { prefix: 'a/' }) -> "/buckets/logs?prefix=a%2F".
 */
export function pageHref(
  path: string,
  params: Record<string, string> = {},
  search: Record<string, string | undefined> = {},
): string | undefined {
  if (!hasPage(path)) return undefined;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) if (v !== undefined && v !== '') q.set(k, v);
  const qs = q.toString();
  return `${generatePath(`/${path}`, params)}${qs ? `?${qs}` : ''}`;
}

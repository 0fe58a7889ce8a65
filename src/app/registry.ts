import type { ComponentType } from 'react';
import type { Params } from 'react-router';
import { preloadClients } from '../aws/sdk-modules';
import { SERVICE_ICONS } from '../components/service-icons';
import { pathTo, routes, type RouteRef } from './routes';

export interface Crumb {
  label: string;
  /** Path within the console (the shell adds the region); the last crumb has none. */
  href?: string;
}

/** What a crumb may know beyond the URL: names this session has seen (an instance's Name tag). */
export interface CrumbContext {
  params: Params;
  search: URLSearchParams;
  nameOf: (kind: string, id: string) => string | undefined;
}

/**
 * The console's pages, owned by the app: the router, the sidebar, breadcrumbs and search are built from
 * this list. A page links to another through `routes` (src/app/routes.ts), never through this file, so
 * no page imports the registry and there is no import cycle.
 */
export interface PageEntry {
  route: RouteRef;
  label: string;
  /** Lazy chunk: the page component and only the SDK clients it uses. */
  load: () => Promise<{ default: ComponentType }>;
  /** Started in parallel with `load`, e.g. the page's SDK clients (src/aws/*, no components). */
  preload?: () => void;
  /** Shown in the sidebar. Detail routes (e.g. "buckets/:bucket") set false. */
  inNav?: boolean;
  /** Breadcrumbs after "Console"; default: the label. Detail pages name their parents and themselves. */
  crumbs?: (context: CrumbContext) => Crumb[];
  /** The service's icon (lucide), the same in the sidebar, the dashboard card and the page header. */
  icon?: ComponentType<{ className?: string; 'aria-hidden'?: boolean | 'true' }>;
  /** The search param of the page's server-side filter; only parameterless routes are offered by search. */
  searchParam?: string;
}

export const PAGES: PageEntry[] = [
  {
    route: routes.dashboard,
    label: 'Dashboard',
    icon: SERVICE_ICONS.dashboard,
    load: () => import('../pages/dashboard/dashboard-page'),
    // Every card's client at once: each chunk holds only its commands (EC2's is 11 KB gzip, no longer 226).
    preload: () => preloadClients(['s3', 'ec2', 'dynamodb', 'sqs']),
  },
  {
    route: routes.buckets,
    label: 'Buckets',
    icon: SERVICE_ICONS.s3,
    load: () => import('../pages/s3/buckets-page'),
    preload: () => preloadClients(['s3']),
    searchParam: 'search',
  },
  {
    route: routes.bucket,
    label: 'Bucket',
    inNav: false,
    icon: SERVICE_ICONS.s3,
    load: () => import('../pages/s3/objects-page'),
    preload: () => preloadClients(['s3']),
    crumbs: ({ params, search }) => bucketCrumbs(params.bucket ?? '', search.get('prefix') ?? ''),
    searchParam: 'search',
  },
  {
    route: routes.bucketUploads,
    label: 'Unfinished uploads',
    inNav: false,
    icon: SERVICE_ICONS.s3,
    load: () => import('../pages/s3/multipart-page'),
    preload: () => preloadClients(['s3']),
    crumbs: ({ params }) => [...bucketCrumbs(params.bucket ?? '', '', true), { label: 'Unfinished uploads' }],
  },
  {
    route: routes.instances,
    label: 'Instances',
    icon: SERVICE_ICONS.ec2,
    load: () => import('../pages/instances/instances-page'),
    preload: () => preloadClients(['ec2']),
    searchParam: 'q',
  },
  {
    route: routes.instance,
    label: 'Instance',
    icon: SERVICE_ICONS.ec2,
    inNav: false,
    load: () => import('../pages/instances/instance-page'),
    preload: () => preloadClients(['ec2']),
    crumbs: ({ params, nameOf }) => {
      const id = params.instanceId ?? '';
      return [{ label: 'Instances', href: pathTo(routes.instances) }, { label: nameOf('instance', id) ?? id }];
    },
  },
  {
    route: routes.tables,
    label: 'Tables',
    icon: SERVICE_ICONS.dynamodb,
    load: () => import('../pages/tables/tables-page'),
    preload: () => preloadClients(['dynamodb']),
    searchParam: 'q',
  },
  {
    route: routes.table,
    label: 'Table',
    icon: SERVICE_ICONS.dynamodb,
    inNav: false,
    load: () => import('../pages/tables/table-page'),
    preload: () => preloadClients(['dynamodb']),
    crumbs: ({ params }) => [{ label: 'Tables', href: pathTo(routes.tables) }, { label: params.table ?? '' }],
  },
  {
    route: routes.queues,
    label: 'Queues',
    icon: SERVICE_ICONS.sqs,
    load: () => import('../pages/queues/queues-page'),
    preload: () => preloadClients(['sqs']),
    searchParam: 'prefix',
  },
  {
    route: routes.queue,
    label: 'Queue',
    inNav: false,
    icon: SERVICE_ICONS.sqs,
    load: () => import('../pages/queues/queue-page'),
    preload: () => preloadClients(['sqs']),
    crumbs: ({ params }) => [{ label: 'Queues', href: pathTo(routes.queues) }, { label: params.queue ?? '' }],
  },
  {
    route: routes.secrets,
    label: 'Secrets',
    icon: SERVICE_ICONS.secretsmanager,
    load: () => import('../pages/secrets/secrets-page'),
    preload: () => preloadClients(['secretsmanager']),
    searchParam: 'q',
  },
  {
    route: routes.secret,
    label: 'Secret',
    inNav: false,
    icon: SERVICE_ICONS.secretsmanager,
    load: () => import('../pages/secrets/secret-page'),
    preload: () => preloadClients(['secretsmanager']),
    crumbs: ({ params }) => [{ label: 'Secrets', href: pathTo(routes.secrets) }, { label: params.name ?? '' }],
  },
  {
    route: routes.functions,
    label: 'Functions',
    icon: SERVICE_ICONS.lambda,
    load: () => import('../pages/functions/functions-page'),
    preload: () => preloadClients(['lambda']),
    searchParam: 'name',
  },
  {
    route: routes.function,
    label: 'Function',
    inNav: false,
    icon: SERVICE_ICONS.lambda,
    load: () => import('../pages/functions/function-page'),
    preload: () => preloadClients(['lambda']),
    crumbs: ({ params }) => [{ label: 'Functions', href: pathTo(routes.functions) }, { label: params.name ?? '' }],
  },
  {
    route: routes.logs,
    label: 'Logs',
    icon: SERVICE_ICONS.logs,
    load: () => import('../pages/logs/logs-page'),
    preload: () => preloadClients(['logs']),
    searchParam: 'prefix',
    crumbs: ({ search }) => {
      const group = search.get('group');
      return group ? [{ label: 'Logs', href: pathTo(routes.logs) }, { label: group }] : [{ label: 'Logs' }];
    },
  },
];

/** Buckets › bucket › each folder level of the prefix; every level but the last links back. */
function bucketCrumbs(bucket: string, prefix: string, isParent = false): Crumb[] {
  const base = pathTo(routes.bucket, { bucket });
  const levels = prefix.split('/').filter(Boolean);
  const crumbs: Crumb[] = [
    { label: 'Buckets', href: pathTo(routes.buckets) },
    { label: bucket, ...(levels.length > 0 || isParent ? { href: base } : {}) },
  ];
  levels.forEach((level, i) => {
    const isLast = i === levels.length - 1;
    const path = `${levels.slice(0, i + 1).join('/')}/`;
    crumbs.push({
      label: `${level}/`,
      ...(isLast ? {} : { href: pathTo(routes.bucket, { bucket }, { prefix: path }) }),
    });
  });
  return crumbs;
}

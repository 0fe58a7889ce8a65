import type { ComponentType } from 'react';
import { preloadClients } from '../aws/clients';

/**
 * The console's pages: the router and the sidebar are built from this list, so a new page plugs in
 * by adding one entry (its own lazy chunk). Pages that do not exist yet are not listed.
 */
export interface PageEntry {
  /** Route path under "/", also the page's id (e.g. "buckets"). */
  path: string;
  label: string;
  /** Lazy chunk: the page component and only the SDK clients it uses. */
  load: () => Promise<{ default: ComponentType }>;
  /** Started in parallel with `load`, e.g. the page's SDK clients (src/aws/*, no components). */
  preload?: () => void;
  /** Shown in the sidebar. Detail routes (e.g. "buckets/:bucket") set false. */
  inNav?: boolean;
}

export const PAGES: PageEntry[] = [
  {
    path: 'dashboard',
    label: 'Dashboard',
    load: () => import('./dashboard/dashboard-page'),
    // EC2's client is by far the largest chunk: evaluating it early would delay the other cards' first data.
    preload: () => preloadClients(['s3', 'dynamodb', 'sqs']),
  },
];

export function hasPage(path: string): boolean {
  return PAGES.some((p) => p.path === path);
}

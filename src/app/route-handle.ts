import type { Params } from 'react-router';
import type { Crumb, PageEntry } from '../pages/registry';

/** Route `handle`: the page entry (whose `crumbs` builds the breadcrumb trail), or fixed crumbs. */
export interface RouteHandle {
  page?: PageEntry;
  crumbs?: Crumb[];
}

/** The breadcrumbs a matched route adds after "Console". */
export function crumbsOf(handle: unknown, params: Params, search: URLSearchParams, pathname: string): Crumb[] {
  if (typeof handle !== 'object' || handle === null) return [];
  const h = handle as RouteHandle;
  if (h.crumbs) return h.crumbs;
  if (!h.page) return [];
  return h.page.crumbs ? h.page.crumbs(params, search) : [{ label: h.page.label, href: pathname }];
}

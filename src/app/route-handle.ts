import type { Crumb, CrumbContext, PageEntry } from './registry';

/** Route `handle`: the page entry (whose `crumbs` builds the breadcrumb trail), or fixed crumbs. */
export interface RouteHandle {
  page?: PageEntry;
  crumbs?: Crumb[];
}

/** The breadcrumbs a matched route adds after "Console". */
export function crumbsOf(handle: unknown, context: CrumbContext, pathname: string): Crumb[] {
  if (typeof handle !== 'object' || handle === null) return [];
  const h = handle as RouteHandle;
  if (h.crumbs) return h.crumbs;
  if (!h.page) return [];
  return h.page.crumbs ? h.page.crumbs(context) : [{ label: h.page.label, href: pathname }];
}

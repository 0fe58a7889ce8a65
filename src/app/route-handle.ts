/** Route `handle`: the breadcrumb label of a route. */
export interface RouteHandle {
  crumb?: string;
}

export function crumbOf(handle: unknown): string | undefined {
  if (typeof handle !== 'object' || handle === null || !('crumb' in handle)) return undefined;
  const crumb = (handle as RouteHandle).crumb;
  return typeof crumb === 'string' ? crumb : undefined;
}

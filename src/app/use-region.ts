import { useSearchParams } from 'react-router';
import { useCallback } from 'react';
import { useConfig } from './config-context';
import { rememberedRegion } from './remembered-region';
import { pathTo, type PathArgs, type RouteRef } from './routes';

/** The region from ?region=, else the one last chosen in this browser, when configured; else the default. */
export function useRegion(): string {
  const config = useConfig();
  const [params] = useSearchParams();
  const region = params.get('region');
  if (region && config.regions.includes(region)) return region;
  const remembered = rememberedRegion();
  return remembered && config.regions.includes(remembered) ? remembered : config.defaultRegion;
}

/** A link target that keeps the current region. */
export function useRegionHref(): (path: string) => string {
  const [params] = useSearchParams();
  const region = params.get('region');
  return useCallback(
    (path: string) => {
      if (!region) return path;
      const sep = path.includes('?') ? '&' : '?';
      return `${path}${sep}region=${encodeURIComponent(region)}`;
    },
    [region],
  );
}

/** A link to a route that keeps the current region: `linkTo(routes.queue, { queue: 'orders' })`. */
export function useLinkTo(): <P extends string>(ref: RouteRef<P>, ...args: PathArgs<P>) => string {
  const href = useRegionHref();
  return useCallback(<P extends string>(ref: RouteRef<P>, ...args: PathArgs<P>) => href(pathTo(ref, ...args)), [href]);
}

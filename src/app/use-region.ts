import { useSearchParams } from 'react-router';
import { useConfig } from './config-context';

/** The region from ?region=, when it is one of the configured regions; else the default. */
export function useRegion(): string {
  const config = useConfig();
  const [params] = useSearchParams();
  const region = params.get('region');
  return region && config.regions.includes(region) ? region : config.defaultRegion;
}

/** A link target that keeps the current region. */
export function useRegionHref(): (path: string) => string {
  const [params] = useSearchParams();
  const region = params.get('region');
  return (path) => {
    if (!region) return path;
    const sep = path.includes('?') ? '&' : '?';
    return `${path}${sep}region=${encodeURIComponent(region)}`;
  };
}

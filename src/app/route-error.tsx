import { Link, isRouteErrorResponse, useNavigate, useLocation, useRouteError } from 'react-router';
import { RouteErrorView } from '../components/route-error-view';
import { useRegionHref } from './use-region';

/** A lazy chunk that cannot be fetched: usually a deploy replaced the files this tab was built against. */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module|ChunkLoadError|Unable to preload CSS/i.test(
    message,
  );
}

/**
 * Every route's errorElement: a crash or a failed chunk shows here, inside the shell (header and
 * sidebar stay), with a way to recover instead of a blank page.
 */
export function RouteError() {
  const error = useRouteError();
  const navigate = useNavigate();
  const location = useLocation();
  const href = useRegionHref();
  const home = (
    <Link to={href('/dashboard')} className="text-accent underline">
      Go to the dashboard
    </Link>
  );
  if (isChunkLoadError(error))
    return (
      <RouteErrorView
        title="This part of the console could not be loaded"
        message="The console may have been updated since this tab opened, or the network dropped. Reloading fetches the current version; nothing you saved is lost."
        detail={error instanceof Error ? error.message : String(error)}
        onReload={() => window.location.reload()}
        homeLink={home}
      />
    );
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? `${error.name}: ${error.message}`
      : String(error);
  return (
    <RouteErrorView
      title="This page stopped working"
      message="Something went wrong while showing this page. The rest of the console still works."
      detail={detail}
      onRetry={() => void navigate(`${location.pathname}${location.search}`, { replace: true })}
      homeLink={home}
    />
  );
}

import { Spinner } from '../components/ui/skeleton';

/** While a route's chunk loads on the first page load: the same look as index.html's placeholder. */
export function RouteLoading() {
  return (
    <div className="flex min-h-screen items-center justify-center">
      <Spinner label="Loading the console" isLabelVisible />
    </div>
  );
}

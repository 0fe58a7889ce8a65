import { Link, useLocation } from 'react-router';
import { useRegionHref } from '../../app/use-region';

export default function NotFoundPage() {
  const { pathname } = useLocation();
  const href = useRegionHref();
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p>
        There is no page at <code className="font-mono">{pathname}</code>.
      </p>
      <p>
        <Link to={href('/dashboard')} className="text-blue-700 underline dark:text-blue-300">
          Go to the dashboard
        </Link>
      </p>
    </div>
  );
}

import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorNotice, type ErrorNoticeProps } from './error-notice';
import { Skeleton } from './ui/skeleton';

export interface ServiceCardProps {
  title: string;
  /** Headline number, e.g. the count of buckets ("1,000+" when more exist). */
  count?: string;
  isLoading: boolean;
  /** Said while loading instead of a bare "Loading…", e.g. "Retrying (2)…" after throttling. */
  loadingText?: string;
  isEmpty: boolean;
  emptyText: string;
  error?: ErrorNoticeProps;
  /** Link to the service's page, once it exists. */
  href?: string;
  /** The service's icon (src/components/service-icons.ts). */
  icon?: ReactNode;
  children?: ReactNode;
}

/** One dashboard card: its own loading, empty, error and data states. */
export function ServiceCard({
  title,
  count,
  isLoading,
  loadingText,
  isEmpty,
  emptyText,
  error,
  href,
  icon,
  children,
}: ServiceCardProps) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      aria-busy={(isLoading && !error) || undefined}
      className="flex min-h-40 min-w-0 flex-col gap-3 rounded-lg border border-border bg-surface p-4 shadow-sm"
    >
      <header className="flex min-w-0 items-baseline justify-between gap-2">
        <h2 id={headingId} className="flex min-w-0 items-center gap-2 text-base font-semibold break-words">
          {icon && (
            <span aria-hidden="true" className="flex shrink-0 text-subtle [&_svg]:size-4">
              {icon}
            </span>
          )}
          {href ? (
            <Link to={href} className="text-accent hover:underline">
              {title}
            </Link>
          ) : (
            title
          )}
        </h2>
        {count !== undefined && !error && !isLoading && (
          <span className="shrink-0 text-2xl font-semibold tabular-nums">{count}</span>
        )}
        {isLoading && !error && <Skeleton className="h-7 w-10 shrink-0" />}
      </header>
      {error ? (
        <ErrorNotice {...error} />
      ) : isLoading ? (
        <div className="flex flex-col gap-2">
          <span role="status" className={loadingText ? 'text-xs text-muted' : 'sr-only'}>
            {loadingText ?? 'Loading…'}
          </span>
          <Skeleton className="h-4 w-3/4" />
          <Skeleton className="h-4 w-1/2" />
          <Skeleton className="h-4 w-2/3" />
        </div>
      ) : isEmpty ? (
        <p className="text-sm text-muted">{emptyText}</p>
      ) : (
        children
      )}
    </section>
  );
}

import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorNotice, type ErrorNoticeProps } from './error-notice';

export interface ServiceCardProps {
  title: string;
  /** Headline number, e.g. the count of buckets ("1,000+" when more exist). */
  count?: string;
  isLoading: boolean;
  isEmpty: boolean;
  emptyText: string;
  error?: ErrorNoticeProps;
  /** Link to the service's page, once it exists. */
  href?: string;
  children?: ReactNode;
}

/** One dashboard card: its own loading, empty, error and data states. */
export function ServiceCard({ title, count, isLoading, isEmpty, emptyText, error, href, children }: ServiceCardProps) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="flex min-h-40 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          {href ? (
            <Link to={href} className="hover:underline">
              {title}
            </Link>
          ) : (
            title
          )}
        </h2>
        {count !== undefined && !error && <span className="text-2xl font-semibold tabular-nums">{count}</span>}
      </header>
      {error ? (
        <ErrorNotice {...error} />
      ) : isLoading ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Loading…</p>
      ) : isEmpty ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{emptyText}</p>
      ) : (
        children
      )}
    </section>
  );
}

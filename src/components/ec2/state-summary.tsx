import { Link } from 'react-router';
import { StatusBadge } from '../ui/status-badge';
import { Skeleton } from '../ui/skeleton';

export interface StateSummaryItem {
  state: string;
  /** "12", "1,000+". */
  count: string;
  /** The list filtered by this state. */
  href: string;
  isActive: boolean;
}

export interface StateSummaryProps {
  items: StateSummaryItem[];
  isLoading?: boolean;
  /** Shown instead of the chips when the counts could not be read. */
  error?: string;
}

/** Instances per state, each a link that filters the list by it. */
export function StateSummary({ items, isLoading = false, error }: StateSummaryProps) {
  if (error) return <p className="text-xs text-muted">Counts by state unavailable: {error}</p>;
  if (isLoading)
    return (
      <div className="flex h-7 items-center gap-2" aria-hidden>
        <Skeleton className="h-6 w-24" />
        <Skeleton className="h-6 w-24" />
        <Skeleton className="h-6 w-24" />
      </div>
    );
  if (items.length === 0) return null;
  return (
    <ul aria-label="Instances by state" className="flex flex-wrap items-center gap-2 text-sm">
      {items.map((item) => (
        <li key={item.state}>
          <Link
            to={item.href}
            aria-current={item.isActive ? 'true' : undefined}
            className={`flex h-7 items-center gap-1.5 rounded-md border px-1.5 hover:bg-surface-2 ${
              item.isActive ? 'border-accent bg-accent-soft' : 'border-border bg-surface'
            }`}
          >
            <StatusBadge status={item.state} />
            <span className="pr-0.5 font-semibold tabular-nums">{item.count}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

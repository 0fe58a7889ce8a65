import { RefreshCw } from 'lucide-react';
import { useClock } from '../use-clock';
import { Button } from './button';

export interface RefreshButtonProps {
  onRefresh: () => void;
  isRefreshing: boolean;
  /** When the data on screen was fetched (ms since epoch); 0 or undefined while nothing is loaded. */
  updatedAt?: number | undefined;
}

/** "Refreshed 12 s ago" from a timestamp, coarse after a minute. */
export function refreshedText(updatedAt: number, now: number): string {
  const s = Math.max(0, Math.round((now - updatedAt) / 1000));
  if (s < 5) return 'Refreshed just now';
  if (s < 60) return `Refreshed ${s} s ago`;
  const min = Math.round(s / 60);
  if (min < 60) return `Refreshed ${min} min ago`;
  return `Refreshed ${Math.round(min / 60)} h ago`;
}

/** Every list's Refresh control, with how old the data on screen is. */
export function RefreshButton({ onRefresh, isRefreshing, updatedAt }: RefreshButtonProps) {
  const now = useClock(5_000);
  const hint = updatedAt ? refreshedText(updatedAt, Math.max(now, updatedAt)) : undefined;
  return (
    <span className="flex items-center gap-2">
      {hint && (
        <span className="hidden text-xs text-muted sm:inline" aria-live="off">
          {isRefreshing ? 'Refreshing…' : hint}
        </span>
      )}
      <Button
        icon={<RefreshCw aria-hidden />}
        isLoading={isRefreshing}
        onClick={onRefresh}
        {...(hint ? { title: hint } : {})}
      >
        Refresh
      </Button>
    </span>
  );
}

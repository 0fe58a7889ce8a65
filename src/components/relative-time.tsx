import { useSyncExternalStore } from 'react';
import { formatDateTime, formatRelativeTime, toIsoString } from './format';

export interface RelativeTimeProps {
  date: Date | string | number | undefined | null;
}

// One shared minute tick for every RelativeTime on screen, so "3 min ago" stays true without a timer each.
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** "3 min ago", with the absolute local time on hover. */
export function RelativeTime({ date }: RelativeTimeProps) {
  const current = useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  );
  const iso = toIsoString(date);
  if (!iso) return <span className="text-muted">–</span>;
  return (
    <time dateTime={iso} title={formatDateTime(date)} className="whitespace-nowrap">
      {formatRelativeTime(date, current)}
    </time>
  );
}

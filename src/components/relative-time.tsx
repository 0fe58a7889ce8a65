import { useClock } from './use-clock';
import { formatDateTime, formatRelativeTime, toIsoString } from './format';

export interface RelativeTimeProps {
  date: Date | string | number | undefined | null;
}

/** "3 min ago", with the absolute local time on hover. */
export function RelativeTime({ date }: RelativeTimeProps) {
  const current = useClock(30_000);
  const iso = toIsoString(date);
  if (!iso) return <span className="text-muted">–</span>;
  return (
    <time dateTime={iso} title={formatDateTime(date)} className="whitespace-nowrap">
      {formatRelativeTime(date, current)}
    </time>
  );
}

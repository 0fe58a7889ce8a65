import { useInfiniteQuery } from '@tanstack/react-query';
import { logsQueries } from '../../aws/logs/queries';
import { rowsOf } from '../../aws/paging';
import { ErrorNotice } from '../../components/error-notice';
import { formatRelativeTime } from '../../components/format';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/skeleton';
import { useConfig } from '../../app/config-context';
import { errorProps } from '../../app/error-props';

export interface StreamListProps {
  region: string;
  group: string;
  selected: string | undefined;
  onSelect: (stream: string | undefined) => void;
}

/** A group's streams, the latest first, with "All streams" on top. */
export function StreamList({ region, group, selected, onSelect }: StreamListProps) {
  const config = useConfig();
  const list = useInfiniteQuery(logsQueries.streams(region, group));
  const streams = rowsOf(list.data);
  const item = (name: string | undefined, label: string, detail?: string) => (
    <li key={name ?? ''}>
      <button
        type="button"
        aria-current={selected === name ? 'true' : undefined}
        onClick={() => onSelect(name)}
        className={`flex w-full flex-col items-start rounded-md px-2 py-1.5 text-left text-sm hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-focus ${selected === name ? 'bg-accent-soft font-medium' : ''}`}
      >
        <span className="w-full truncate font-mono text-xs" title={label}>
          {label}
        </span>
        {detail && <span className="text-xs text-muted">{detail}</span>}
      </button>
    </li>
  );
  return (
    <nav aria-label="Log streams" className="flex min-w-0 flex-col gap-1">
      <h2 className="px-2 text-sm font-semibold">Streams</h2>
      {list.error ? (
        <ErrorNotice {...errorProps(list.error, config, 'logs', () => void list.refetch())} />
      ) : list.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : (
        <ul className="flex max-h-[60vh] flex-col gap-0.5 overflow-auto">
          {item(undefined, 'All streams', 'Search the whole group')}
          {streams.map((s) =>
            item(s.name, s.name, s.lastEventAt ? `Last event ${formatRelativeTime(s.lastEventAt)}` : 'No events'),
          )}
        </ul>
      )}
      {list.hasNextPage && (
        <Button size="sm" variant="ghost" isLoading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          More streams
        </Button>
      )}
    </nav>
  );
}

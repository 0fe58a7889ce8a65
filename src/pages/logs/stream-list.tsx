import type { LogStreamSummary } from '../../aws/logs/api';
import { formatRelativeTime } from '../../components/format';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/skeleton';
import type { ResourceList } from '../../app/use-resource-list';

export interface StreamListProps {
  /** The group's streams from `useResourceList`: the page's header holds their Refresh. */
  list: ResourceList<LogStreamSummary>;
  selected: string | undefined;
  onSelect: (stream: string | undefined) => void;
}

/** A group's streams, the latest first, with "All streams" on top. */
export function StreamList({ list, selected, onSelect }: StreamListProps) {
  const { rows: streams, table } = list;
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
      <h2 className="px-2 text-sm font-semibold">
        Streams
        {list.count !== undefined && <span className="ml-1 font-normal text-muted tabular-nums">({list.count})</span>}
      </h2>
      {table.isLoading && !table.error ? (
        <>
          <Skeleton className="h-24 w-full" />
          {table.loadingText && <p className="px-2 text-xs text-muted">{table.loadingText}</p>}
        </>
      ) : (
        <ul className="flex max-h-[60vh] flex-col gap-0.5 overflow-auto">
          {item(undefined, 'All streams', 'Search the whole group')}
          {streams.map((s) =>
            item(s.name, s.name, s.lastEventAt ? `Last event ${formatRelativeTime(s.lastEventAt)}` : 'No events'),
          )}
        </ul>
      )}
      {table.error}
      {table.hasNextPage && !table.error && (
        <Button size="sm" variant="ghost" isLoading={table.isFetchingNextPage} onClick={table.onLoadMore}>
          More streams
        </Button>
      )}
    </nav>
  );
}

import { useEffect, useMemo } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { LogGroupSummary } from '../../aws/logs/api';
import { logsQueries } from '../../aws/logs/queries';
import { rowsOf } from '../../aws/paging';
import { ErrorNotice } from '../../components/error-notice';
import { formatBytes, formatCount } from '../../components/format';
import { RelativeTime } from '../../components/relative-time';
import { ResourceTable, type ResourceTableColumn } from '../../components/resource-table/resource-table';
import { EmptyState } from '../../components/ui/empty-state';
import { FilterBar } from '../../components/ui/filter-bar';
import { useConfig } from '../../app/config-context';
import { errorProps, retryingText } from '../../app/error-props';
import { useRegionHref } from '../../app/use-region';
import { pathTo, routes } from '../../app/routes';

function GroupLink({ group }: { group: LogGroupSummary }) {
  const href = useRegionHref();
  const to = pathTo(routes.logs, {}, { group: group.name, range: '1h' });
  return to ? (
    <Link to={href(to)} className="font-medium text-accent hover:underline">
      {group.name}
    </Link>
  ) : (
    <span>{group.name}</span>
  );
}

const column = createColumnHelper<LogGroupSummary>();
const COLUMNS: ResourceTableColumn<LogGroupSummary>[] = [
  column.accessor('name', {
    id: 'name',
    header: 'Log group',
    cell: ({ row }) => <GroupLink group={row.original} />,
    meta: { isPinned: true, width: 300 },
  }),
  column.accessor('retentionDays', {
    id: 'retention',
    header: 'Retention',
    cell: ({ getValue }) => {
      const d = getValue();
      return d === undefined ? 'Never expire' : `${d} ${d === 1 ? 'day' : 'days'}`;
    },
    meta: { width: 130 },
  }),
  column.accessor('storedBytes', {
    id: 'storedBytes',
    header: 'Stored',
    cell: ({ getValue }) => formatBytes(getValue()),
    meta: { align: 'right', width: 110 },
  }),
  column.accessor('created', {
    id: 'created',
    header: 'Created',
    cell: ({ getValue }) => {
      const v = getValue();
      return v === undefined ? '–' : <RelativeTime date={v} />;
    },
    meta: { width: 140 },
  }),
];

export interface GroupListProps {
  region: string;
  prefix: string;
  onPrefixChange: (prefix: string | undefined) => void;
  onOpen: (group: string) => void;
  onFirstData: () => void;
}

/** Log groups, paged by DescribeLogGroups, filtered by name prefix on the server. */
export function GroupList({ region, prefix, onPrefixChange, onOpen, onFirstData }: GroupListProps) {
  const config = useConfig();
  const list = useInfiniteQuery(logsQueries.groups(region, prefix));
  const rows = useMemo(() => rowsOf(list.data), [list.data]);
  useEffect(() => {
    if (list.isSuccess) onFirstData();
  }, [list.isSuccess, onFirstData]);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted">
        {list.data ? `${formatCount(rows.length, list.hasNextPage)} log groups` : 'Loading log groups…'}
      </p>
      <FilterBar
        label="Find log groups by name prefix"
        placeholder="Group name starts with… (/aws/lambda/)"
        value={prefix}
        onSubmit={(v) => onPrefixChange(v || undefined)}
        chips={prefix ? [{ label: `Name starts with "${prefix}"`, onRemove: () => onPrefixChange(undefined) }] : []}
        onClearAll={() => onPrefixChange(undefined)}
      />
      <ResourceTable
        label="Log groups"
        columns={COLUMNS}
        rows={rows}
        getRowId={(g) => g.name}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        isLoading={list.isPending}
        loadingText={retryingText(list)}
        error={
          list.error ? (
            <ErrorNotice {...errorProps(list.error, config, 'logs', () => void list.refetch())} />
          ) : undefined
        }
        storageKey="logs.groups"
        onRowOpen={(g) => onOpen(g.name)}
        empty={
          <EmptyState
            title={prefix ? `No log groups whose name starts with "${prefix}"` : 'No log groups in this region'}
            description="A Lambda function's first invocation creates its group, /aws/lambda/NAME."
          />
        }
      />
    </div>
  );
}

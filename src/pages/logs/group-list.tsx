import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { LogGroupSummary } from '../../aws/logs/api';
import { logsQueries } from '../../aws/logs/queries';
import { formatBytes } from '../../components/format';
import { RelativeTime } from '../../components/relative-time';
import { ResourceTable, type ResourceTableColumn } from '../../components/resource-table/resource-table';
import { SERVICE_ICONS } from '../../components/service-icons';
import { EmptyState } from '../../components/ui/empty-state';
import { FilterBar } from '../../components/ui/filter-bar';
import { PageHeader } from '../../components/ui/page-header';
import { RefreshButton } from '../../components/ui/refresh-button';
import { useRegionHref } from '../../app/use-region';
import { useResourceList } from '../../app/use-resource-list';
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
}

/** Log groups, paged by DescribeLogGroups, filtered by name prefix on the server. */
export function GroupList({ region, prefix, onPrefixChange, onOpen }: GroupListProps) {
  const list = useResourceList(logsQueries.groups(region, prefix), {
    firstDataMark: 'logs',
    empty: (
      <EmptyState
        title={prefix ? `No log groups whose name starts with "${prefix}"` : 'No log groups in this region'}
        description="A Lambda function's first invocation creates its group, /aws/lambda/NAME."
      />
    ),
  });
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        icon={<SERVICE_ICONS.logs />}
        title="Logs"
        count={list.count}
        description="CloudWatch Logs groups in this region; a function's output lands in /aws/lambda/NAME."
        actions={<RefreshButton {...list.refresh} />}
      />
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
        {...list.table}
        getRowId={(g) => g.name}
        storageKey="logs.groups"
        onRowOpen={(g) => onOpen(g.name)}
      />
    </div>
  );
}

import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { Link, useNavigate } from 'react-router';
import type { FunctionSummary } from '../../aws/lambda/api';
import { lambdaQueries } from '../../aws/lambda/queries';
import { formatBytes, formatNumber } from '../../components/format';
import { RelativeTime } from '../../components/relative-time';
import { ResourceTable, type ResourceTableColumn } from '../../components/resource-table/resource-table';
import { SERVICE_ICONS } from '../../components/service-icons';
import { EmptyState } from '../../components/ui/empty-state';
import { FilterBar } from '../../components/ui/filter-bar';
import { PageHeader } from '../../components/ui/page-header';
import { RefreshButton } from '../../components/ui/refresh-button';
import { StatusBadge } from '../../components/ui/status-badge';
import { useRegion, useRegionHref } from '../../app/use-region';
import { useResourceList } from '../../app/use-resource-list';
import { useSearchParam } from '../../app/use-search-state';
import { pathTo, routes } from '../../app/routes';

function NameCell({ fn }: { fn: FunctionSummary }) {
  const href = useRegionHref();
  const to = pathTo(routes.function, { name: fn.name });
  return to ? (
    <Link to={href(to)} className="font-medium text-accent hover:underline">
      {fn.name}
    </Link>
  ) : (
    <span>{fn.name}</span>
  );
}

const column = createColumnHelper<FunctionSummary>();

const COLUMNS: ResourceTableColumn<FunctionSummary>[] = [
  column.accessor('name', {
    id: 'name',
    header: 'Name',
    cell: ({ row }) => <NameCell fn={row.original} />,
    meta: { isPinned: true, width: 220 },
  }),
  column.accessor('runtime', { id: 'runtime', header: 'Runtime', meta: { width: 120 } }),
  column.accessor('memoryMb', {
    id: 'memory',
    header: 'Memory',
    cell: ({ getValue }) => (getValue() === undefined ? '–' : `${formatNumber(getValue())} MB`),
    meta: { align: 'right', width: 100 },
  }),
  column.accessor('timeoutSeconds', {
    id: 'timeout',
    header: 'Timeout',
    cell: ({ getValue }) => (getValue() === undefined ? '–' : `${formatNumber(getValue())} s`),
    meta: { align: 'right', width: 90 },
  }),
  column.accessor('codeSize', {
    id: 'codeSize',
    header: 'Code size',
    cell: ({ getValue }) => formatBytes(getValue()),
    meta: { align: 'right', width: 110 },
  }),
  column.accessor('lastModified', {
    id: 'lastModified',
    header: 'Last modified',
    cell: ({ getValue }) => {
      const v = getValue();
      return v ? <RelativeTime date={v} /> : '–';
    },
    meta: { width: 140 },
  }),
  column.accessor('state', {
    id: 'state',
    header: 'State',
    cell: ({ getValue }) => <StatusBadge status={getValue() ?? 'Active'} />,
    meta: { width: 120 },
  }),
];

/** Functions: ListFunctions page by page; Lambda has no name search, so the filter narrows loaded rows. */
export default function FunctionsPage() {
  const region = useRegion();
  const href = useRegionHref();
  const navigate = useNavigate();
  const [filter = '', setFilter] = useSearchParam('name');
  const list = useResourceList(lambdaQueries.list(region), { firstDataMark: 'functions' });
  const all = list.rows;
  const needle = filter.toLowerCase();
  const rows = useMemo(() => (needle ? all.filter((f) => f.name.toLowerCase().includes(needle)) : all), [all, needle]);
  const hasMore = list.query.hasNextPage;

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        icon={<SERVICE_ICONS.lambda />}
        title="Functions"
        count={list.count}
        description="Lambda functions in this region: invoke them with saved test events and follow their logs."
        actions={<RefreshButton {...list.refresh} />}
      />
      <FilterBar
        label="Filter functions by name"
        placeholder="Name contains…"
        value={filter}
        onSubmit={(v) => setFilter(v, { replace: true })}
        chips={filter ? [{ label: `Name contains "${filter}"`, onRemove: () => setFilter(undefined) }] : []}
        onClearAll={() => setFilter(undefined)}
      />
      <ResourceTable
        label="Functions"
        columns={COLUMNS}
        {...list.table}
        // Lambda has no name search: the filter narrows the rows loaded so far.
        rows={rows}
        getRowId={(f) => f.arn || f.name}
        getRowLabel={(f) => f.name}
        storageKey="lambda.functions"
        onRowOpen={(f) => {
          const to = pathTo(routes.function, { name: f.name });
          if (to) void navigate(href(to));
        }}
        empty={
          <EmptyState
            title={filter ? `No loaded function's name contains "${filter}"` : 'No functions in this region'}
            description={
              filter
                ? hasMore
                  ? 'Lambda has no name search: scroll to load more functions, or clear the filter.'
                  : 'Lambda has no name search; the filter matches names case-insensitively.'
                : 'Deploy a function with the AWS CLI, SAM or CDK and it appears here.'
            }
          />
        }
      />
    </div>
  );
}

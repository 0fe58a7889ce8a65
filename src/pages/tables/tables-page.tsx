import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Plus, Trash2 } from 'lucide-react';
import { SERVICE_ICONS } from '../../components/service-icons';
import { deleteTable } from '../../aws/dynamodb/api';
import { dynamodbKeys, dynamodbQueries } from '../../aws/dynamodb/queries';
import { useCreateTable } from '../../aws/dynamodb/mutations';
import { useStartAwsTask } from '../../app/aws-task';
import { routes } from '../../app/routes';
import { useDeniedReason } from '../../app/use-permission';
import { useLinkTo, useRegion } from '../../app/use-region';
import { useResourceList } from '../../app/use-resource-list';
import { useSearchParam } from '../../app/use-search-state';
import { CreateTableDialog } from '../../components/dynamodb/create-table-dialog';
import { formatBytes, formatCount, formatNumber } from '../../components/format';
import { ResourceTable, type ResourceTableColumn } from '../../components/resource-table/resource-table';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { FilterBar } from '../../components/ui/filter-bar';
import { ActionsMenu } from '../../components/ui/menu';
import { PageHeader } from '../../components/ui/page-header';
import { RefreshButton } from '../../components/ui/refresh-button';
import { Skeleton } from '../../components/ui/skeleton';
import { StatusBadge } from '../../components/ui/status-badge';
import type { RowSelection } from '../../components/resource-table/selection';

type Field = 'status' | 'keys' | 'items' | 'size' | 'billing' | 'indexes';

/**
 * One DescribeTable per row, only for rows the table renders (about a screenful plus overscan): a cell
 * mounts only when its row is on screen, and the cells of one row share one query.
 */
function Described({ name, field }: { name: string; field: Field }) {
  const region = useRegion();
  const q = useQuery({ ...dynamodbQueries.description(region, name), staleTime: 60_000 });
  if (q.isPending) return <Skeleton className="h-3 w-16" />;
  if (q.error || !q.data)
    return (
      <span className="text-muted" title={q.error?.message}>
        –
      </span>
    );
  const t = q.data;
  switch (field) {
    case 'status':
      return <StatusBadge status={t.status} />;
    case 'keys':
      return (
        <span className="truncate font-mono text-[13px]" title="Partition key, sort key">
          {t.partition.name} ({t.partition.type}){t.sort ? `, ${t.sort.name} (${t.sort.type})` : ''}
        </span>
      );
    case 'items':
      return <>{formatNumber(t.itemCount)}</>;
    case 'size':
      return <>{formatBytes(t.sizeBytes)}</>;
    case 'billing':
      return (
        <>
          {t.billingMode === 'PROVISIONED'
            ? `Provisioned (${t.readCapacity ?? 0} R / ${t.writeCapacity ?? 0} W)`
            : 'On-demand'}
        </>
      );
    case 'indexes': {
      const g = t.indexes.filter((i) => i.kind === 'global').length;
      const l = t.indexes.length - g;
      return (
        <span title={`${g} global, ${l} local secondary indexes`}>
          {g} GSI · {l} LSI
        </span>
      );
    }
  }
}

export default function TablesPage() {
  const region = useRegion();
  const linkTo = useLinkTo();
  const navigate = useNavigate();
  const startTask = useStartAwsTask();
  const [filter, setFilter] = useSearchParam('q');
  const list = useResourceList(dynamodbQueries.tableList(region), {
    // Each row's details are a DescribeTable of their own: Refresh brings them up to date too.
    alsoRefresh: [[...dynamodbKeys.all(region), 'table']],
    firstDataMark: 'tables',
  });
  const names = list.rows;
  const shown = useMemo(() => {
    const f = (filter ?? '').toLowerCase();
    return f ? names.filter((n) => n.toLowerCase().includes(f)) : names;
  }, [names, filter]);
  const [selection, setSelection] = useState<RowSelection>({});
  const selected = shown.filter((n) => selection[n]);
  const [isCreateOpen, setCreateOpen] = useState(false);
  const [isDeleteOpen, setDeleteOpen] = useState(false);
  const create = useCreateTable(region);
  const createDenied = useDeniedReason('dynamodb:CreateTable');
  const deleteDenied = useDeniedReason('dynamodb:DeleteTable');
  const linkOf = (name: string) => linkTo(routes.table, { table: name });

  const columns = useMemo<ResourceTableColumn<string>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        accessorFn: (n) => n,
        meta: { isPinned: true, width: 240 },
        cell: ({ row }) => (
          <Link to={linkOf(row.original)} className="truncate font-medium text-accent hover:underline">
            {row.original}
          </Link>
        ),
      },
      {
        id: 'status',
        header: 'Status',
        enableSorting: false,
        meta: { width: 130 },
        cell: ({ row }) => <Described name={row.original} field="status" />,
      },
      {
        id: 'keys',
        header: 'Keys',
        enableSorting: false,
        meta: { width: 220 },
        cell: ({ row }) => <Described name={row.original} field="keys" />,
      },
      {
        id: 'items',
        header: 'Items',
        enableSorting: false,
        meta: { width: 110, align: 'right' },
        cell: ({ row }) => <Described name={row.original} field="items" />,
      },
      {
        id: 'size',
        header: 'Size',
        enableSorting: false,
        meta: { width: 110, align: 'right' },
        cell: ({ row }) => <Described name={row.original} field="size" />,
      },
      {
        id: 'billing',
        header: 'Capacity',
        enableSorting: false,
        meta: { width: 190 },
        cell: ({ row }) => <Described name={row.original} field="billing" />,
      },
      {
        id: 'indexes',
        header: 'Indexes',
        enableSorting: false,
        meta: { width: 130 },
        cell: ({ row }) => <Described name={row.original} field="indexes" />,
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- linkOf only reads linkTo (the region)
    [linkTo],
  );

  const hasMore = list.query.hasNextPage;

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Tables"
        icon={<SERVICE_ICONS.dynamodb />}
        count={list.count}
        description={`DynamoDB tables in ${region}`}
        actions={
          <>
            <RefreshButton {...list.refresh} />
            <Button
              variant="primary"
              icon={<Plus aria-hidden />}
              onClick={() => setCreateOpen(true)}
              disabledReason={createDenied}
            >
              Create table
            </Button>
            <ActionsMenu
              items={[
                {
                  label: selected.length > 1 ? `Delete ${selected.length} tables` : 'Delete table',
                  icon: <Trash2 aria-hidden />,
                  isDestructive: true,
                  disabledReason: deleteDenied ?? (selected.length === 0 ? 'Select a table first' : undefined),
                  onSelect: () => setDeleteOpen(true),
                },
              ]}
            />
          </>
        }
      />
      <div className="flex flex-col gap-1">
        <FilterBar
          label="Filter loaded tables by name"
          placeholder="Filter by name"
          value={filter ?? ''}
          onSubmit={(v) => setFilter(v, { replace: true })}
          chips={filter ? [{ label: `Name contains "${filter}"`, onRemove: () => setFilter(undefined) }] : []}
          onClearAll={() => setFilter(undefined)}
        />
        <p className="text-xs text-muted">
          ListTables has no name filter: this filters the {formatCount(names.length, hasMore)} table names loaded so far
          {hasMore ? '; scroll to load more' : ''}.
        </p>
      </div>
      <ResourceTable<string>
        label="Tables"
        columns={columns}
        {...list.table}
        rows={shown}
        getRowId={(n) => n}
        storageKey="dynamodb-tables"
        selection={selection}
        onSelectionChange={setSelection}
        onRowOpen={(n) => void navigate(linkOf(n))}
        empty={
          filter ? (
            <EmptyState
              title={`No loaded table names contain "${filter}"`}
              description={hasMore ? 'More tables exist: scroll to load them.' : undefined}
            />
          ) : (
            <EmptyState
              icon={<SERVICE_ICONS.dynamodb />}
              title={`No tables in ${region}`}
              description="Tables belong to a region. Create one here, or switch region."
              action={
                <Button variant="primary" icon={<Plus aria-hidden />} onClick={() => setCreateOpen(true)}>
                  Create table
                </Button>
              }
            />
          )
        }
      />
      <CreateTableDialog
        open={isCreateOpen}
        onOpenChange={setCreateOpen}
        disabledReason={createDenied}
        mutation={create}
        onCreate={async (form) => {
          await create.mutateAsync(form);
          void navigate(linkOf(form.name));
        }}
      />
      <ConfirmDialog
        open={isDeleteOpen}
        onOpenChange={setDeleteOpen}
        verb="Delete"
        noun={{ one: 'table', other: 'tables' }}
        names={selected}
        confirmText={selected.length === 1 ? selected[0] : `delete ${selected.length} tables`}
        consequence="The tables and every item in them are deleted. This cannot be undone."
        onConfirm={() => {
          // Every table is tried; the tray lists any that could not be deleted, with why, and retries them.
          startTask({
            title: (ts) => (ts.length === 1 ? `Delete table ${ts[0] ?? ''}` : `Delete ${ts.length} tables`),
            items: selected,
            label: (t) => t,
            describe: (t) => `delete table ${t}`,
            action: 'dynamodb:DeleteTable',
            each: (table, signal) => deleteTable({ region, table }, signal),
            invalidates: [dynamodbKeys.tables(region)],
          });
          setSelection({});
          setDeleteOpen(false);
        }}
      />
    </div>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link, useNavigate } from 'react-router';
import { Plus, RefreshCw, Trash2 } from 'lucide-react';
import { failureMessage } from '../../aws/mutation';
import { rowsOf } from '../../aws/paging';
import { sqsKeys, sqsQueries } from '../../aws/sqs/queries';
import type { QueueRef } from '../../aws/sqs/queue-api';
import { useDeleteQueue } from '../../aws/sqs/mutations';
import { ErrorNotice } from '../../components/error-notice';
import { formatCount } from '../../components/format';
import { ResourceTable, selectedRows, type ResourceTableColumn } from '../../components/resource-table/resource-table';
import type { RowSelection } from '../../components/resource-table/selection';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { Checkbox } from '../../components/ui/field';
import { FilterBar } from '../../components/ui/filter-bar';
import { ActionsMenu } from '../../components/ui/menu';
import { PageHeader } from '../../components/ui/page-header';
import { useConfig } from '../../app/config-context';
import { errorProps, retryingText } from '../../app/error-props';
import { useDeniedReason } from '../../app/use-permission';
import { useRegion, useRegionHref } from '../../app/use-region';
import { useSearchParam } from '../../app/use-search-state';
import { useToast } from '../../app/toasts';
import { SERVICE_ICONS } from '../../components/service-icons';
import { pageHref } from '../registry';
import { CreateQueueDialog } from './create-queue-dialog';
import { CountCell, DeadLetterCell, DurationCell, RefreshIntervalContext, TypeCell } from './queue-cells';
import { useStoredFlag } from './use-stored-flag';

const AUTO_REFRESH_MS = 10_000;
let marked = false;

function NameCell({ queue }: { queue: QueueRef }) {
  const href = useRegionHref();
  const to = pageHref('queues/:queue', { queue: queue.name });
  return to ? (
    <Link to={href(to)} className="font-medium text-accent hover:underline">
      {queue.name}
    </Link>
  ) : (
    <span>{queue.name}</span>
  );
}

const column = createColumnHelper<QueueRef>();

const COLUMNS: ResourceTableColumn<QueueRef>[] = [
  column.accessor('name', {
    id: 'name',
    header: 'Name',
    cell: ({ row }) => <NameCell queue={row.original} />,
    meta: { isPinned: true, width: 220 },
  }),
  {
    id: 'type',
    header: 'Type',
    enableSorting: false,
    cell: ({ row }) => <TypeCell url={row.original.url} />,
    meta: { width: 100 },
  },
  {
    id: 'available',
    header: 'Available',
    enableSorting: false,
    cell: ({ row }) => <CountCell url={row.original.url} pick={(a) => a.available} />,
    meta: { align: 'right', width: 100, isEssential: true },
  },
  {
    id: 'inFlight',
    header: 'In flight',
    enableSorting: false,
    cell: ({ row }) => <CountCell url={row.original.url} pick={(a) => a.inFlight} />,
    meta: { align: 'right', width: 100 },
  },
  {
    id: 'delayed',
    header: 'Delayed',
    enableSorting: false,
    cell: ({ row }) => <CountCell url={row.original.url} pick={(a) => a.delayed} />,
    meta: { align: 'right', width: 100 },
  },
  {
    id: 'deadLetter',
    header: 'Dead-letter queue',
    enableSorting: false,
    cell: ({ row }) => <DeadLetterCell url={row.original.url} />,
    meta: { width: 220 },
  },
  {
    id: 'retention',
    header: 'Retention',
    enableSorting: false,
    cell: ({ row }) => <DurationCell url={row.original.url} pick={(a) => a.retentionSeconds} />,
    meta: { width: 110 },
  },
  {
    id: 'visibility',
    header: 'Visibility timeout',
    enableSorting: false,
    cell: ({ row }) => <DurationCell url={row.original.url} pick={(a) => a.visibilityTimeout} />,
    meta: { width: 140 },
  },
];

/** Queues: ListQueues page by page (name prefix matched by SQS); each row's counts load when it is on screen. */
export default function QueuesPage() {
  const config = useConfig();
  const region = useRegion();
  const href = useRegionHref();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [prefix = '', setPrefix] = useSearchParam('prefix');
  const [isAutoRefresh, setAutoRefresh] = useStoredFlag('console.sqs.autoRefresh', true);
  const [selection, setSelection] = useState<RowSelection>({});
  const [isCreating, setCreating] = useState(false);
  const [toDelete, setToDelete] = useState<QueueRef[]>([]);
  const list = useInfiniteQuery(sqsQueries.list(region, prefix));
  const rows = useMemo(() => rowsOf(list.data), [list.data]);
  const selected = selectedRows(rows, selection, (q) => q.url);
  const deleteQueue = useDeleteQueue();
  const deleteDenied = useDeniedReason('sqs:DeleteQueue');
  const [isRefreshing, setRefreshing] = useState(false);

  useEffect(() => {
    if (marked || !list.isSuccess) return;
    marked = true;
    performance.mark('first-data:queues');
    document.documentElement.dataset.firstData = 'queues';
  }, [list.isSuccess]);

  async function refresh() {
    setRefreshing(true);
    try {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: sqsKeys.list(region, prefix) }),
        queryClient.invalidateQueries({ queryKey: [...sqsKeys.all(region), 'queue'] }),
      ]);
    } finally {
      setRefreshing(false);
    }
  }

  async function deleteQueues() {
    const failures: string[] = [];
    for (const q of toDelete) {
      try {
        await deleteQueue.mutateAsync({ region, url: q.url, name: q.name });
      } catch (e) {
        failures.push(failureMessage(`delete queue ${q.name}`, e));
      }
    }
    setSelection({});
    if (failures.length > 0) throw new Error(failures.join('. '));
    toast(
      toDelete.length === 1 ? `Deleted queue ${toDelete[0]?.name ?? ''}` : `Deleted ${toDelete.length} queues`,
      'success',
    );
  }

  const hasMore = list.hasNextPage;
  const error = list.error ? (
    <ErrorNotice {...errorProps(list.error, config, 'sqs', () => void list.refetch())} />
  ) : undefined;

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        icon={<SERVICE_ICONS.sqs />}
        title="Queues"
        count={list.data ? formatCount(rows.length, hasMore) : undefined}
        description="SQS queues in this region: messages waiting, in flight and delayed, and where failed messages go."
        actions={
          <>
            <Button icon={<RefreshCw aria-hidden />} isLoading={isRefreshing} onClick={() => void refresh()}>
              Refresh
            </Button>
            <ActionsMenu
              disabledReason={selected.length === 0 ? 'Select one or more queues' : undefined}
              items={[
                {
                  label: selected.length > 1 ? `Delete ${selected.length} queues…` : 'Delete queue…',
                  icon: <Trash2 aria-hidden />,
                  isDestructive: true,
                  ...(deleteDenied ? { disabledReason: deleteDenied } : {}),
                  onSelect: () => setToDelete(selected),
                },
              ]}
            />
            <Button variant="primary" icon={<Plus aria-hidden />} onClick={() => setCreating(true)}>
              Create queue
            </Button>
          </>
        }
      />
      <FilterBar
        label="Find queues by name prefix"
        placeholder="Queue name starts with…"
        value={prefix}
        onSubmit={(v) => {
          setSelection({});
          setPrefix(v, { replace: true });
        }}
        chips={prefix ? [{ label: `Name starts with "${prefix}"`, onRemove: () => setPrefix(undefined) }] : []}
        onClearAll={() => setPrefix(undefined)}
      >
        <Checkbox
          label={`Refresh counts every ${AUTO_REFRESH_MS / 1000} s`}
          checked={isAutoRefresh}
          onChange={setAutoRefresh}
        />
      </FilterBar>
      <RefreshIntervalContext.Provider value={isAutoRefresh ? AUTO_REFRESH_MS : false}>
        <ResourceTable
          label="Queues"
          columns={COLUMNS}
          rows={rows}
          getRowId={(q) => q.url}
          getRowLabel={(q) => q.name}
          hasNextPage={hasMore}
          isFetchingNextPage={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          isLoading={list.isPending}
          loadingText={retryingText(list)}
          error={error}
          selection={selection}
          onSelectionChange={setSelection}
          storageKey="sqs.queues"
          onRowOpen={(q) => {
            const to = pageHref('queues/:queue', { queue: q.name });
            if (to) void navigate(href(to));
          }}
          empty={
            <EmptyState
              title={prefix ? `No queues whose name starts with "${prefix}"` : 'No queues in this region'}
              description={
                prefix
                  ? 'SQS matches the start of the name, case-sensitively.'
                  : 'Create a queue to start sending messages.'
              }
              action={
                <Button variant="primary" icon={<Plus aria-hidden />} onClick={() => setCreating(true)}>
                  Create queue
                </Button>
              }
            />
          }
        />
      </RefreshIntervalContext.Provider>
      <CreateQueueDialog
        open={isCreating}
        onOpenChange={setCreating}
        knownQueues={rows.map((q) => q.name)}
        onCreated={(name) => {
          toast(`Created queue ${name}`, 'success');
          const to = pageHref('queues/:queue', { queue: name });
          if (to) void navigate(href(to));
        }}
      />
      <ConfirmDialog
        open={toDelete.length > 0}
        onOpenChange={(open) => {
          if (!open) setToDelete([]);
        }}
        verb="Delete"
        noun={{ one: 'queue', other: 'queues' }}
        names={toDelete.map((q) => q.name)}
        consequence="The queue and every message in it are deleted. This cannot be undone, and SQS keeps the name reserved for 60 seconds."
        confirmText={toDelete.length === 1 ? toDelete[0]?.name : `delete ${toDelete.length} queues`}
        onConfirm={deleteQueues}
      />
    </div>
  );
}

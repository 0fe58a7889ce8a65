import { useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { Link, useNavigate } from 'react-router';
import { Plus, Trash2 } from 'lucide-react';
import { sqsKeys, sqsQueries } from '../../aws/sqs/queries';
import { deleteQueue, type QueueRef } from '../../aws/sqs/queue-api';
import { ResourceTable, selectedRows, type ResourceTableColumn } from '../../components/resource-table/resource-table';
import type { RowSelection } from '../../components/resource-table/selection';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { Checkbox } from '../../components/ui/field';
import { FilterBar } from '../../components/ui/filter-bar';
import { ActionsMenu } from '../../components/ui/menu';
import { PageHeader } from '../../components/ui/page-header';
import { RefreshButton } from '../../components/ui/refresh-button';
import { useStartAwsTask } from '../../app/aws-task';
import { routes } from '../../app/routes';
import { useDeniedReason } from '../../app/use-permission';
import { useLinkTo, useRegion } from '../../app/use-region';
import { useResourceList } from '../../app/use-resource-list';
import { useSearchParam } from '../../app/use-search-state';
import { useToast } from '../../app/toasts';
import { SERVICE_ICONS } from '../../components/service-icons';
import { CreateQueueDialog } from './create-queue-dialog';
import { CountCell, DeadLetterCell, DurationCell, RefreshIntervalContext, TypeCell } from './queue-cells';
import { useStoredFlag } from './use-stored-flag';

const AUTO_REFRESH_MS = 10_000;

function NameCell({ queue }: { queue: QueueRef }) {
  const linkTo = useLinkTo();
  return (
    <Link to={linkTo(routes.queue, { queue: queue.name })} className="font-medium text-accent hover:underline">
      {queue.name}
    </Link>
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
    meta: { align: 'right', width: 100 },
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
  const region = useRegion();
  const linkTo = useLinkTo();
  const navigate = useNavigate();
  const toast = useToast();
  const startTask = useStartAwsTask();
  const [prefix = '', setPrefix] = useSearchParam('prefix');
  const [isAutoRefresh, setAutoRefresh] = useStoredFlag('console.sqs.autoRefresh', true);
  const [selection, setSelection] = useState<RowSelection>({});
  const [isCreating, setCreating] = useState(false);
  const [toDelete, setToDelete] = useState<QueueRef[]>([]);
  const list = useResourceList(sqsQueries.list(region, prefix), {
    // Each row's counts are their own queries: Refresh brings them up to date too.
    alsoRefresh: [[...sqsKeys.all(region), 'queue']],
    firstDataMark: 'queues',
  });
  const { rows } = list;
  const selected = selectedRows(rows, selection, (q) => q.url);
  const deleteDenied = useDeniedReason('sqs:DeleteQueue');

  function deleteQueues() {
    startTask({
      title: (qs) => (qs.length === 1 ? `Delete queue ${qs[0]?.name ?? ''}` : `Delete ${qs.length} queues`),
      items: toDelete,
      label: (q) => q.name,
      describe: (q) => `delete queue ${q.name}`,
      action: 'sqs:DeleteQueue',
      each: (q, signal) => deleteQueue({ region, url: q.url }, signal),
      invalidates: [sqsKeys.all(region)],
    });
    setSelection({});
  }

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        icon={<SERVICE_ICONS.sqs />}
        title="Queues"
        count={list.count}
        description="SQS queues in this region: messages waiting, in flight and delayed, and where failed messages go."
        actions={
          <>
            <RefreshButton {...list.refresh} />
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
          {...list.table}
          getRowId={(q) => q.url}
          getRowLabel={(q) => q.name}
          selection={selection}
          onSelectionChange={setSelection}
          storageKey="sqs.queues"
          onRowOpen={(q) => void navigate(linkTo(routes.queue, { queue: q.name }))}
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
          void navigate(linkTo(routes.queue, { queue: name }));
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

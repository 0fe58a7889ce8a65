import { useId, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { CircleStop, Undo2 } from 'lucide-react';
import { toAppError } from '../../aws/errors';
import { failureMessage } from '../../aws/mutation';
import { useCancelRedrive, useStartRedrive } from '../../aws/sqs/mutations';
import { sqsKeys, sqsQueries } from '../../aws/sqs/queries';
import type { QueueRef } from '../../aws/sqs/queue-api';
import { queueNameOf, type QueueAttributes } from '../../aws/sqs/queue-attributes';
import { limitError } from '../../aws/sqs/queue-rules';
import { isMoveFinished, watchMessageMove, type MoveTask } from '../../aws/sqs/redrive-api';
import { ErrorNotice } from '../../components/error-notice';
import { formatNumber } from '../../components/format';
import { RelativeTime } from '../../components/relative-time';
import { ResourceTable, type ResourceTableColumn } from '../../components/resource-table/resource-table';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { TextField } from '../../components/ui/field';
import { StatusBadge } from '../../components/ui/status-badge';
import { useConfig } from '../../app/config-context';
import { errorProps } from '../../app/error-props';
import { useStartAwsTask } from '../../app/aws-task';
import { routes } from '../../app/routes';
import { useDeniedReason } from '../../app/use-permission';
import { useLinkTo, useRegion } from '../../app/use-region';
import { useResourceList } from '../../app/use-resource-list';
import { ErrorNote } from '../../components/ui/error-note';

export interface DeadLetterTabProps {
  name: string;
  url: string;
  attributes: QueueAttributes;
}

function QueueNameLink({ name }: { name: string }) {
  const linkTo = useLinkTo();
  return (
    <Link to={linkTo(routes.queue, { queue: name })} className="font-medium text-accent hover:underline">
      {name}
    </Link>
  );
}

const sourceColumn = createColumnHelper<QueueRef>();
const SOURCE_COLUMNS: ResourceTableColumn<QueueRef>[] = [
  sourceColumn.accessor('name', {
    id: 'name',
    header: 'Source queue',
    cell: ({ getValue }) => <QueueNameLink name={getValue()} />,
    meta: { isPinned: true, width: 280 },
  }),
  sourceColumn.accessor('url', { id: 'url', header: 'URL', meta: { isMono: true, width: 420 } }),
];

/** A dead-letter queue's sources and the redrive that moves its messages back (StartMessageMoveTask). */
export function DeadLetterTab({ name, url, attributes }: DeadLetterTabProps) {
  const config = useConfig();
  const region = useRegion();
  const queryClient = useQueryClient();
  const formId = useId();
  const arn = attributes.arn ?? '';
  const startTask = useStartAwsTask();
  const sources = useResourceList(sqsQueries.deadLetterSources(region, url), {
    empty: (
      <EmptyState
        title={`No queue uses ${name} as its dead-letter queue`}
        description="A queue becomes a dead-letter queue when another queue names it in its redrive policy."
      />
    ),
  });
  const sourceRows = sources.rows;
  const isDeadLetterQueue = sourceRows.length > 0;
  const moves = useQuery({
    ...sqsQueries.moveTasks(region, arn),
    enabled: isDeadLetterQueue && arn !== '',
    refetchInterval: (q) => (q.state.data?.some((t) => t.status === 'RUNNING') ? 2000 : false),
  });
  const start = useStartRedrive();
  const cancel = useCancelRedrive();
  const startDenied = useDeniedReason('sqs:StartMessageMoveTask', arn);
  const [target, setTarget] = useState<'sources' | 'other'>('sources');
  const [destination, setDestination] = useState('');
  const [rate, setRate] = useState('');
  const [startError, setStartError] = useState<string | undefined>();

  const running = moves.data?.find((t) => t.status === 'RUNNING');
  const waiting = attributes.available + attributes.inFlight + attributes.delayed;
  const rateError = rate === '' ? undefined : limitError(rate, { min: 1, max: 500, unit: 'messages per second' });
  const destinationError =
    target === 'other' && destination === '' ? 'Enter the queue to move the messages to' : undefined;
  const startReason =
    startDenied ??
    (!isDeadLetterQueue
      ? 'No queue uses this queue as its dead-letter queue'
      : running
        ? 'A redrive of this queue is already running'
        : waiting === 0
          ? 'The queue holds no messages to move'
          : rateError || destinationError
            ? 'Fix the fields above first'
            : undefined);

  async function startRedrive(e: FormEvent) {
    e.preventDefault();
    if (startReason) return;
    setStartError(undefined);
    let destinationArn: string | undefined;
    try {
      if (target === 'other') {
        const destUrl = await queryClient.fetchQuery(sqsQueries.urlByName(region, destination));
        destinationArn = (await queryClient.fetchQuery(sqsQueries.attributes(region, destUrl))).arn;
      }
    } catch (err) {
      setStartError(
        toAppError(err).kind === 'not-found'
          ? `No queue named ${destination} in ${region}`
          : failureMessage(`look up ${destination}`, err),
      );
      return;
    }
    const startedAt = Date.now();
    let handle: string;
    try {
      handle = await start.mutateAsync({
        region,
        sourceArn: arn,
        sourceName: name,
        destinationArn,
        maxPerSecond: rate ? Number(rate) : undefined,
      });
    } catch (err) {
      setStartError(failureMessage(`start the redrive of ${name}`, err));
      return;
    }
    const to = target === 'other' ? destination : 'their source queues';
    startTask({
      title: `Redrive ${name} to ${to}`,
      items: [name],
      label: (queue) => queue,
      total: waiting,
      queue: 'sqs-redrive',
      // Progress moves the counts of this queue and of the ones receiving its messages.
      invalidates: [sqsKeys.moveTasks(region, arn), [...sqsKeys.all(region), 'queue']],
      run: async (_queues, ctx) => {
        const task = await watchMessageMove({
          region,
          sourceArn: arn,
          handle,
          startedAt,
          signal: ctx.signal,
          onProgress: (t) => {
            ctx.progress(t.moved, t.toMove);
            ctx.setDetail(`${formatNumber(t.moved)} of ${formatNumber(t.toMove ?? t.moved)} moved`);
          },
        });
        if (task.status === 'FAILED')
          throw new Error(`The redrive failed: ${task.failureReason ?? 'SQS gave no reason'}`);
        if (task.status === 'CANCELLED') ctx.setDetail(`Cancelled after ${formatNumber(task.moved)} moved`);
      },
    });
  }

  const taskColumn = createColumnHelper<MoveTask>();
  const taskColumns: ResourceTableColumn<MoveTask>[] = [
    taskColumn.accessor((t) => t.startedAt?.getTime() ?? 0, {
      id: 'started',
      header: 'Started',
      cell: ({ row }) => <RelativeTime date={row.original.startedAt} />,
      meta: { isPinned: true, width: 130 },
    }),
    taskColumn.accessor('status', {
      id: 'status',
      header: 'Status',
      cell: ({ getValue }) => (
        <StatusBadge status={getValue()} tone={getValue() === 'RUNNING' ? 'warning' : undefined} />
      ),
      meta: { width: 130 },
    }),
    taskColumn.accessor('moved', {
      id: 'moved',
      header: 'Moved',
      cell: ({ row }) => `${formatNumber(row.original.moved)} of ${formatNumber(row.original.toMove)}`,
      meta: { align: 'right', width: 130 },
    }),
    taskColumn.accessor((t) => (t.destinationArn ? queueNameOf(t.destinationArn) : 'Source queues'), {
      id: 'destination',
      header: 'Destination',
      meta: { width: 180 },
    }),
    taskColumn.accessor((t) => t.failureReason ?? '', {
      id: 'failure',
      header: 'Failure reason',
      meta: { width: 220 },
    }),
    taskColumn.display({
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) =>
        row.original.handle && !isMoveFinished(row.original.status) ? (
          <Button
            size="sm"
            icon={<CircleStop aria-hidden />}
            isLoading={cancel.isPending}
            onClick={() => cancel.mutate({ region, handle: row.original.handle ?? '', sourceArn: arn })}
          >
            Cancel
          </Button>
        ) : null,
      meta: { width: 120 },
    }),
  ];

  return (
    <div className="flex flex-col gap-6">
      {attributes.redrivePolicy && (
        <p className="text-sm">
          {name} sends messages to <QueueNameLink name={queueNameOf(attributes.redrivePolicy.deadLetterTargetArn)} />{' '}
          after {formatNumber(attributes.redrivePolicy.maxReceiveCount)} receives.
        </p>
      )}
      <section aria-labelledby="dlq-sources" className="flex flex-col gap-3">
        <h2 id="dlq-sources" className="text-base font-semibold">
          Queues that send failed messages here
        </h2>
        <ResourceTable
          label="Source queues"
          columns={SOURCE_COLUMNS}
          {...sources.table}
          getRowId={(q) => q.url}
          height={sourceRows.length > 0 ? `${Math.min(sourceRows.length, 6) * 40 + 38}px` : undefined}
        />
      </section>

      {isDeadLetterQueue && (
        <section aria-labelledby="dlq-redrive" className="flex flex-col gap-3 rounded-md border border-border p-4">
          <h2 id="dlq-redrive" className="text-base font-semibold">
            Redrive
          </h2>
          <p className="text-sm text-muted">
            Move the {formatNumber(waiting)} {waiting === 1 ? 'message' : 'messages'} in {name} back to work. SQS moves
            them in the background; progress shows in the task tray, where you can cancel.
          </p>
          <form id={formId} noValidate onSubmit={(e) => void startRedrive(e)} className="flex flex-col gap-3">
            <fieldset className="flex flex-col gap-1.5">
              <legend className="mb-1 text-sm font-medium">Move messages to</legend>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  className="accent-accent"
                  checked={target === 'sources'}
                  onChange={() => setTarget('sources')}
                />
                Their source queues (each message returns to the queue it failed in)
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  className="accent-accent"
                  checked={target === 'other'}
                  onChange={() => setTarget('other')}
                />
                Another queue
              </label>
            </fieldset>
            <div className="flex flex-wrap items-start gap-3">
              {target === 'other' && (
                <TextField
                  className="w-64"
                  label="Destination queue name"
                  value={destination}
                  onChange={setDestination}
                  autoComplete="off"
                  spellCheck={false}
                />
              )}
              <TextField
                className="w-64"
                label="Messages per second (optional)"
                inputMode="numeric"
                value={rate}
                onChange={setRate}
                error={rateError}
                hint="1–500; empty lets SQS choose (up to 500)."
              />
            </div>
            <div className="flex flex-wrap items-center gap-3">
              <Button
                type="submit"
                variant="primary"
                icon={<Undo2 aria-hidden />}
                isLoading={start.isPending}
                disabledReason={startReason}
              >
                Start redrive
              </Button>
              {startReason && !startDenied && <span className="text-xs text-muted">{startReason}</span>}
            </div>
            {(startError ?? cancel.failure) && <ErrorNote>{startError ?? cancel.failure}</ErrorNote>}
          </form>
          <h3 className="text-sm font-semibold">Recent redrives</h3>
          <ResourceTable
            label="Redrive tasks"
            columns={taskColumns}
            rows={moves.data ?? []}
            getRowId={(t) => `${t.startedAt?.getTime() ?? 0}-${t.destinationArn ?? 'sources'}`}
            isLoading={moves.isPending}
            error={
              moves.error ? (
                <ErrorNotice {...errorProps(moves.error, config, 'sqs', () => void moves.refetch())} />
              ) : undefined
            }
            empty={
              <EmptyState
                title="No redrives yet"
                description="Tasks started here or elsewhere show for a while after they end."
              />
            }
          />
        </section>
      )}
    </div>
  );
}

import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { CircleStop, Play, TimerReset, Trash2, X } from 'lucide-react';
import { failureMessage } from '../../aws/mutation';
import { visibleAgainAt, type ReceivedMessage } from '../../aws/sqs/message-api';
import { useChangeVisibility, useDeleteMessages } from '../../aws/sqs/mutations';
import type { PollEnd, PollMode } from '../../aws/sqs/poller';
import type { QueueAttributes } from '../../aws/sqs/queue-attributes';
import { limitError } from '../../aws/sqs/queue-rules';
import { formatNumber } from '../../components/format';
import { RelativeTime } from '../../components/relative-time';
import { ResourceTable, selectedRows, type ResourceTableColumn } from '../../components/resource-table/resource-table';
import type { RowSelection } from '../../components/resource-table/selection';
import { Countdown } from '../../components/sqs/countdown';
import { attributeSummary, bodyPreview, MessageDetailsDialog } from '../../components/sqs/message-view';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { TextField } from '../../components/ui/field';
import { useDeniedReason } from '../../app/use-permission';
import { useRegion } from '../../app/use-region';
import { useToast } from '../../app/toasts';
import { PollModePicker } from '../../components/sqs/poll-mode-picker';
import { ErrorNote } from '../../components/ui/error-note';
import { useMessageSessionState } from '../../app/message-sessions';
import { useConsoleSession } from '../../app/session-context';

export interface MessagesTabProps {
  name: string;
  url: string;
  attributes: QueueAttributes;
}

const column = createColumnHelper<ReceivedMessage>();

function endText(end: PollEnd, mode: PollMode): string {
  const got = `${formatNumber(end.received)} ${end.received === 1 ? 'message' : 'messages'}`;
  switch (end.reason) {
    case 'count':
      return `Stopped after ${got}, the number asked for.`;
    case 'time':
      return end.received === 0 ? 'No messages arrived in the time given.' : `Time is up: ${got}.`;
    case 'stopped':
      return `Stopped: ${got}.`;
    case 'seen-all':
      return `Every visible message has been shown (${got}); polling again would only raise their receive counts.`;
    case 'error':
      return `Polling stopped after ${got}: ${failureMessage(mode === 'peek' ? 'peek at messages' : 'receive messages', end.error).replace(/^Could not [^:]+: /, '')}`;
  }
}

/** Send, peek and receive, delete and extend: the messages of one queue. */
export function MessagesTab({ name, url, attributes }: MessagesTabProps) {
  const region = useRegion();
  const toast = useToast();
  const arn = attributes.arn;
  // The poll and what it received live in the session, keyed by queue: switching tabs or pages keeps
  // polling and keeps the receipt handles that delete the messages SQS is hiding for us.
  const poller = useConsoleSession().messages.of(region, url, {
    mode: 'peek',
    visibility: String(Math.max(attributes.visibilityTimeout ?? 30, 30)),
    maxMessages: '100',
    duration: '20',
  });
  const { settings, messages, status, failures } = useMessageSessionState(poller);
  const { mode, visibility, maxMessages, duration } = settings;
  const [selection, setSelection] = useState<RowSelection>({});
  const [opened, setOpened] = useState<ReceivedMessage | undefined>();
  const [extendBy, setExtendBy] = useState('60');
  const [isConfirmingDelete, setConfirmingDelete] = useState(false);
  const deleteMessages = useDeleteMessages();
  const extend = useChangeVisibility();
  const deleteDenied = useDeniedReason('sqs:DeleteMessage', arn);
  const extendDenied = useDeniedReason('sqs:ChangeMessageVisibility', arn);
  const receiveDenied = useDeniedReason('sqs:ReceiveMessage', arn);

  const errors = {
    visibility: mode === 'receive' ? limitError(visibility, { min: 1, max: 43_200, unit: 'seconds' }) : undefined,
    maxMessages: limitError(maxMessages, { min: 1, max: 100_000 }),
    duration: limitError(duration, { min: 1, max: 3_600, unit: 'seconds' }),
  };
  const hasErrors = Object.values(errors).some(Boolean);
  const isPolling = status.state === 'polling';

  function start() {
    if (hasErrors || isPolling) return;
    void poller.start(arn);
  }

  function clear() {
    poller.clear();
    setSelection({});
  }

  const selected = selectedRows(messages, selection, (m) => m.id);
  const peeked = selected.filter((m) => m.visibleAgainAt === undefined);
  const handleReason =
    selected.length === 0
      ? 'Select messages first'
      : peeked.length > 0
        ? 'Peeked messages stay in the queue and cannot be deleted here: poll in Receive mode'
        : undefined;

  async function runDelete() {
    const vars = { region, url, messages: selected.map((m) => ({ id: m.id, receiptHandle: m.receiptHandle })) };
    const result = await deleteMessages.mutateAsync(vars);
    const deleted = new Set(result.succeeded);
    poller.removeMessages(deleted);
    setSelection({});
    poller.setFailures(result.failed.length > 0 ? { what: 'deleted', items: result.failed } : undefined);
    if (deleted.size > 0)
      toast(`Deleted ${formatNumber(deleted.size)} ${deleted.size === 1 ? 'message' : 'messages'}`, 'success');
  }

  async function runExtend() {
    const seconds = Number(extendBy);
    const handles = selected.map((m) => ({ id: m.id, receiptHandle: m.receiptHandle }));
    let result;
    try {
      result = await extend.mutateAsync({ region, url, messages: handles, timeoutSeconds: seconds });
    } catch {
      return; // extend.failure says why, beside the button.
    }
    poller.updateMessages(new Set(result.succeeded), { visibleAgainAt: visibleAgainAt(seconds) });
    poller.setFailures(result.failed.length > 0 ? { what: 'given more time', items: result.failed } : undefined);
  }

  const columns = useMemo<ResourceTableColumn<ReceivedMessage>[]>(
    () => [
      column.accessor('id', {
        id: 'id',
        header: 'Message ID',
        cell: ({ row }) => (
          <button
            type="button"
            className="max-w-full truncate text-left text-accent hover:underline"
            onClick={() => setOpened(row.original)}
          >
            {row.original.id}
          </button>
        ),
        meta: { isPinned: true, isMono: true, width: 200 },
      }),
      column.accessor('body', {
        id: 'body',
        header: 'Body',
        enableSorting: false,
        cell: ({ getValue }) => <span className="font-mono text-[13px]">{bodyPreview(getValue())}</span>,
        meta: { width: 320 },
      }),
      column.accessor((m) => attributeSummary(m.attributes), {
        id: 'attributes',
        header: 'Attributes',
        enableSorting: false,
        meta: { width: 220 },
      }),
      column.accessor('receiveCount', {
        id: 'receiveCount',
        header: 'Receive count',
        meta: { align: 'right', width: 150 },
      }),
      column.accessor((m) => m.visibleAgainAt ?? 0, {
        id: 'returns',
        header: 'Returns in',
        cell: ({ row }) =>
          row.original.visibleAgainAt === undefined ? (
            <span className="text-muted">Not hidden</span>
          ) : (
            <Countdown until={row.original.visibleAgainAt} />
          ),
        meta: { width: 150 },
      }),
      column.accessor((m) => m.sentAt?.getTime() ?? 0, {
        id: 'sent',
        header: 'Sent',
        cell: ({ row }) => <RelativeTime date={row.original.sentAt} />,
        meta: { width: 120 },
      }),
      column.accessor((m) => m.firstReceivedAt?.getTime() ?? 0, {
        id: 'firstReceived',
        header: 'First received',
        cell: ({ row }) => <RelativeTime date={row.original.firstReceivedAt} />,
        meta: { width: 130 },
      }),
      column.accessor((m) => m.groupId ?? '', { id: 'group', header: 'Group', meta: { isMono: true, width: 140 } }),
    ],
    [],
  );

  const maxReceive = attributes.redrivePolicy?.maxReceiveCount;
  return (
    <div className="flex flex-col gap-4">
      <section
        aria-label="Poll for messages"
        className="flex flex-col gap-3 rounded-md border border-border bg-surface p-4"
      >
        <PollModePicker
          mode={mode}
          onChange={(m) => poller.setSettings({ mode: m })}
          isDisabled={isPolling}
          visibilitySeconds={Number(visibility) || 0}
          maxReceiveCount={maxReceive}
        />
        <div className="flex flex-wrap items-start gap-3">
          {mode === 'receive' && (
            <TextField
              className="w-44"
              label="Hide for (seconds)"
              inputMode="numeric"
              value={visibility}
              onChange={(v) => poller.setSettings({ visibility: v })}
              error={errors.visibility}
              disabled={isPolling}
            />
          )}
          <TextField
            className="w-44"
            label="Stop after (messages)"
            inputMode="numeric"
            value={maxMessages}
            onChange={(v) => poller.setSettings({ maxMessages: v })}
            error={errors.maxMessages}
            disabled={isPolling}
          />
          <TextField
            className="w-44"
            label="Stop after (seconds)"
            inputMode="numeric"
            value={duration}
            onChange={(v) => poller.setSettings({ duration: v })}
            error={errors.duration}
            disabled={isPolling}
          />
          <div className="flex items-center gap-2 self-end pb-px">
            {isPolling ? (
              <Button variant="secondary" icon={<CircleStop aria-hidden />} onClick={() => poller.stop()}>
                Stop
              </Button>
            ) : (
              <Button
                variant="primary"
                icon={<Play aria-hidden />}
                disabledReason={receiveDenied ?? (hasErrors ? 'Fix the settings above first' : undefined)}
                onClick={start}
              >
                {mode === 'peek' ? 'Peek at messages' : 'Receive messages'}
              </Button>
            )}
          </div>
        </div>
        <p role="status" className="min-h-5 text-sm text-muted">
          {status.state === 'polling' &&
            (status.retry ??
              `Polling ${name} (long polls of up to 20 s, 10 messages each)… ${formatNumber(messages.length)} listed. Listed messages can be deleted while polling goes on.`)}
          {status.state === 'ended' && endText(status.end, status.mode)}
        </p>
      </section>

      {failures && (
        <div
          role="alert"
          className="flex flex-col gap-1 rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm"
        >
          <p className="font-semibold text-danger">
            {formatNumber(failures.items.length)} {failures.items.length === 1 ? 'message was' : 'messages were'} not{' '}
            {failures.what}:
          </p>
          <ul className="flex max-h-40 flex-col gap-0.5 overflow-auto">
            {failures.items.map((f) => (
              <li key={f.id}>
                <code className="font-mono text-[13px]">{f.id}</code>: {f.code}
                {f.message ? ` (${f.message})` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {(deleteMessages.failure && !isConfirmingDelete) || extend.failure ? (
        <ErrorNote>{extend.failure ?? deleteMessages.failure}</ErrorNote>
      ) : null}

      <ResourceTable
        label="Messages"
        columns={columns}
        rows={messages}
        getRowId={(m) => m.id}
        getRowLabel={(m) => `message ${m.id}`}
        selection={selection}
        onSelectionChange={setSelection}
        onRowOpen={setOpened}
        storageKey="sqs.messages"
        defaultHiddenColumns={attributes.isFifo ? [] : ['group']}
        toolbar={
          <>
            <Button
              variant="danger"
              size="sm"
              icon={<Trash2 aria-hidden />}
              disabledReason={handleReason ?? deleteDenied}
              isLoading={deleteMessages.isPending}
              onClick={() => setConfirmingDelete(true)}
            >
              {selected.length > 0 ? `Delete ${formatNumber(selected.length)}` : 'Delete'}
            </Button>
            <span className="flex items-center gap-1.5 text-sm text-muted">
              <Button
                size="sm"
                icon={<TimerReset aria-hidden />}
                disabledReason={
                  handleReason ??
                  extendDenied ??
                  (limitError(extendBy, { min: 0, max: 43_200 }) ? 'Enter 0 to 43,200 seconds' : undefined)
                }
                isLoading={extend.isPending}
                onClick={() => void runExtend()}
              >
                Extend visibility
              </Button>
              <span aria-hidden>to</span>
              <input
                className="h-7 w-16 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg tabular-nums"
                aria-label="New visibility timeout (seconds)"
                inputMode="numeric"
                value={extendBy}
                onChange={(e) => setExtendBy(e.target.value)}
              />
              <span aria-hidden>s</span>
            </span>
            <Button
              size="sm"
              variant="ghost"
              icon={<X aria-hidden />}
              disabledReason={messages.length === 0 && !isPolling ? 'Nothing to clear' : undefined}
              onClick={clear}
            >
              Clear list
            </Button>
          </>
        }
        empty={
          <EmptyState
            title={status.state === 'idle' ? 'No messages listed yet' : 'No messages received'}
            description={
              status.state === 'idle'
                ? 'Peek to look at messages without taking them, or receive them to delete them. Send one with Send message.'
                : 'The queue had no visible messages while polling. Messages in flight or delayed are not returned.'
            }
          />
        }
      />
      <MessageDetailsDialog message={opened} onOpenChange={(o) => !o && setOpened(undefined)} />
      <ConfirmDialog
        open={isConfirmingDelete}
        onOpenChange={setConfirmingDelete}
        verb="Delete"
        noun={{ one: 'message', other: 'messages' }}
        names={selected.map((m) => m.id)}
        consequence="Deleted messages are gone from the queue for good; no consumer will receive them."
        mutation={deleteMessages}
        onConfirm={runDelete}
      />
    </div>
  );
}

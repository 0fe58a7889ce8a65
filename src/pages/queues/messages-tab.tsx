import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { CircleStop, Play, TimerReset, Trash2, X } from 'lucide-react';
import { failureMessage } from '../../aws/mutation';
import { deniedActions } from '../../aws/permissions';
import { visibleAgainAt, type EntryFailure, type ReceivedMessage } from '../../aws/sqs/message-api';
import { useChangeVisibility, useDeleteMessages } from '../../aws/sqs/mutations';
import { pollQueue, type PollEnd, type PollMode } from '../../aws/sqs/poller';
import { sqsKeys } from '../../aws/sqs/queries';
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

export interface MessagesTabProps {
  name: string;
  url: string;
  attributes: QueueAttributes;
}

type PollStatus = { state: 'idle' } | { state: 'polling'; retry?: string } | { state: 'ended'; end: PollEnd };

const column = createColumnHelper<ReceivedMessage>();
const FLUSH_MS = 250;

/** New messages after the listed ones; a message received again (its visibility ran out) replaces its row and handle. */
function mergeMessages(current: ReceivedMessage[], incoming: ReceivedMessage[]): ReceivedMessage[] {
  const latest = new Map(incoming.map((m) => [m.id, m]));
  const kept = current.filter((m) => !latest.has(m.id));
  return kept.length === current.length && latest.size === incoming.length
    ? current.concat(incoming)
    : [...kept, ...latest.values()];
}

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
  const queryClient = useQueryClient();
  const arn = attributes.arn;
  const [mode, setMode] = useState<PollMode>('peek');
  const [visibility, setVisibility] = useState(String(Math.max(attributes.visibilityTimeout ?? 30, 30)));
  const [maxMessages, setMaxMessages] = useState('100');
  const [duration, setDuration] = useState('20');
  const [messages, setMessages] = useState<ReceivedMessage[]>([]);
  const [status, setStatus] = useState<PollStatus>({ state: 'idle' });
  const [selection, setSelection] = useState<RowSelection>({});
  const [opened, setOpened] = useState<ReceivedMessage | undefined>();
  const [extendBy, setExtendBy] = useState('60');
  const [failures, setFailures] = useState<{ what: string; items: EntryFailure[] } | undefined>();
  const [isConfirmingDelete, setConfirmingDelete] = useState(false);
  const controller = useRef<AbortController | undefined>(undefined);
  const deleteMessages = useDeleteMessages();
  const extend = useChangeVisibility();
  const deleteDenied = useDeniedReason('sqs:DeleteMessage', arn);
  const extendDenied = useDeniedReason('sqs:ChangeMessageVisibility', arn);
  const receiveDenied = useDeniedReason('sqs:ReceiveMessage', arn);

  // Leaving the page stops polling (the long poll is aborted, nothing more is received).
  useEffect(() => () => controller.current?.abort(), []);

  // Received messages reach the table a few times a second, not per call: rendering a long list after
  // every 10 messages would hold up the next receive.
  const pending = useRef<ReceivedMessage[]>([]);
  const flushTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = useCallback(() => {
    flushTimer.current = undefined;
    const batch = pending.current;
    pending.current = [];
    if (batch.length > 0) setMessages((current) => mergeMessages(current, batch));
  }, []);
  useEffect(() => () => clearTimeout(flushTimer.current), []);

  const errors = {
    visibility: mode === 'receive' ? limitError(visibility, { min: 1, max: 43_200, unit: 'seconds' }) : undefined,
    maxMessages: limitError(maxMessages, { min: 1, max: 100_000 }),
    duration: limitError(duration, { min: 1, max: 3_600, unit: 'seconds' }),
  };
  const hasErrors = Object.values(errors).some(Boolean);
  const isPolling = status.state === 'polling';

  async function start() {
    if (hasErrors || isPolling) return;
    const c = new AbortController();
    controller.current = c;
    setFailures(undefined);
    setStatus({ state: 'polling' });
    const end = await pollQueue({
      region,
      url,
      mode,
      visibilitySeconds: Number(visibility),
      maxMessages: Number(maxMessages),
      durationSeconds: Number(duration),
      signal: c.signal,
      onMessages: (batch) => {
        pending.current.push(...batch);
        flushTimer.current ??= setTimeout(flush, FLUSH_MS);
      },
      onRetry: (e, attempt) =>
        setStatus({
          state: 'polling',
          retry: `${e.kind === 'throttled' ? 'SQS is throttling' : `SQS answered ${e.code ?? 'an error'}`}: retrying (${attempt})…`,
        }),
    });
    clearTimeout(flushTimer.current);
    flush();
    if (end.reason === 'error') deniedActions.recordError(end.error, 'sqs:ReceiveMessage', arn);
    if (controller.current === c) controller.current = undefined;
    setStatus({ state: 'ended', end });
    void queryClient.invalidateQueries({ queryKey: sqsKeys.attributes(region, url) });
  }

  function clear() {
    setMessages([]);
    setSelection({});
    setFailures(undefined);
    setStatus({ state: 'idle' });
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
    let result;
    try {
      result = await deleteMessages.mutateAsync(vars);
    } catch (e) {
      throw new Error(
        failureMessage(selected.length === 1 ? 'delete the message' : `delete ${selected.length} messages`, e),
      );
    }
    const deleted = new Set(result.succeeded);
    setMessages((current) => current.filter((m) => !deleted.has(m.id)));
    setSelection({});
    if (result.failed.length > 0) setFailures({ what: 'deleted', items: result.failed });
    else setFailures(undefined);
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
    const ok = new Set(result.succeeded);
    const at = visibleAgainAt(seconds);
    setMessages((current) => current.map((m) => (ok.has(m.id) ? { ...m, visibleAgainAt: at } : m)));
    setFailures(result.failed.length > 0 ? { what: 'given more time', items: result.failed } : undefined);
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
          onChange={setMode}
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
              onChange={setVisibility}
              error={errors.visibility}
              disabled={isPolling}
            />
          )}
          <TextField
            className="w-44"
            label="Stop after (messages)"
            inputMode="numeric"
            value={maxMessages}
            onChange={setMaxMessages}
            error={errors.maxMessages}
            disabled={isPolling}
          />
          <TextField
            className="w-44"
            label="Stop after (seconds)"
            inputMode="numeric"
            value={duration}
            onChange={setDuration}
            error={errors.duration}
            disabled={isPolling}
          />
          <div className="flex items-center gap-2 self-end pb-px">
            {isPolling ? (
              <Button variant="secondary" icon={<CircleStop aria-hidden />} onClick={() => controller.current?.abort()}>
                Stop
              </Button>
            ) : (
              <Button
                variant="primary"
                icon={<Play aria-hidden />}
                disabledReason={receiveDenied ?? (hasErrors ? 'Fix the settings above first' : undefined)}
                onClick={() => void start()}
              >
                {mode === 'peek' ? 'Peek at messages' : 'Receive messages'}
              </Button>
            )}
          </div>
        </div>
        <p role="status" className="min-h-5 text-sm text-muted">
          {status.state === 'polling' &&
            (status.retry ??
              `Polling ${name} (long polls of up to 20 s, 10 messages each)… ${formatNumber(messages.length)} listed.`)}
          {status.state === 'ended' && endText(status.end, mode)}
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
              disabledReason={messages.length === 0 || isPolling ? 'Nothing to clear' : undefined}
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
        onConfirm={runDelete}
      />
    </div>
  );
}

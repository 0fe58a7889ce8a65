import { useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { DeniedActions } from '../aws/permissions';
import type { EntryFailure, ReceivedMessage } from '../aws/sqs/message-api';
import type { PollEnd, PollMode } from '../aws/sqs/poller';

// The poller and SQS's keys load with the first poll: the session object is part of every page's shell.
const loadSqs = () => Promise.all([import('../aws/sqs/poller'), import('../aws/sqs/queries')]);

export type PollStatus =
  | { state: 'idle' }
  | { state: 'polling'; mode: PollMode; retry?: string }
  | { state: 'ended'; mode: PollMode; end: PollEnd };

export interface PollSettings {
  mode: PollMode;
  visibility: string;
  maxMessages: string;
  duration: string;
}

export interface MessageSessionState {
  settings: PollSettings;
  /** Messages listed so far; received ones carry the receipt handle that deletes them. */
  messages: ReceivedMessage[];
  status: PollStatus;
  /** Entries SQS refused in the last delete or visibility change. */
  failures?: { what: string; items: EntryFailure[] };
}

const FLUSH_MS = 250;

/** New messages after the listed ones; a message received again replaces its row and handle. */
export function mergeMessages(current: ReceivedMessage[], incoming: ReceivedMessage[]): ReceivedMessage[] {
  const latest = new Map(incoming.map((m) => [m.id, m]));
  const kept = current.filter((m) => !latest.has(m.id));
  return kept.length === current.length && latest.size === incoming.length
    ? current.concat(incoming)
    : [...kept, ...latest.values()];
}

/**
 * What the console has received from one queue: the listed messages (with the receipt handles of the ones
 * SQS now hides for us), the poll in progress and its settings. It lives in the session, not in the
 * messages tab, so switching tabs or pages neither stops the poll nor drops handles that delete messages.
 */
export class MessageSession {
  private state: MessageSessionState;
  private readonly listeners = new Set<() => void>();
  private controller: AbortController | undefined;
  private pending: ReceivedMessage[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private sqsKeys: Awaited<ReturnType<typeof loadSqs>>[1]['sqsKeys'] | undefined;

  constructor(
    private readonly region: string,
    private readonly url: string,
    private readonly deps: { queryClient: QueryClient; denied: DeniedActions },
    defaults: PollSettings,
  ) {
    this.state = { settings: defaults, messages: [], status: { state: 'idle' } };
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  snapshot = (): MessageSessionState => this.state;

  setSettings(patch: Partial<PollSettings>): void {
    this.set({ settings: { ...this.state.settings, ...patch } });
  }

  /** Polls with the current settings until the count or time is reached, or stop() is called. */
  async start(arn: string | undefined): Promise<void> {
    if (this.state.status.state === 'polling') return;
    const { settings } = this.state;
    const c = new AbortController();
    this.controller = c;
    this.set({ failures: undefined, status: { state: 'polling', mode: settings.mode } });
    const [{ pollQueue }, { sqsKeys }] = await loadSqs();
    this.sqsKeys = sqsKeys;
    const end = await pollQueue({
      region: this.region,
      url: this.url,
      mode: settings.mode,
      visibilitySeconds: Number(settings.visibility),
      maxMessages: Number(settings.maxMessages),
      durationSeconds: Number(settings.duration),
      signal: c.signal,
      onMessages: (batch) => {
        // A few renders a second, not one per call: a long list rendered after every 10 messages would
        // hold up the next receive.
        this.pending.push(...batch);
        this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
        // A receive changes the queue's counts at once (messages go in flight).
        this.refreshCounts();
      },
      onRetry: (e, attempt) =>
        this.set({
          status: {
            state: 'polling',
            mode: settings.mode,
            retry: `${e.kind === 'throttled' ? 'SQS is throttling' : `SQS answered ${e.code ?? 'an error'}`}: retrying (${attempt})…`,
          },
        }),
    });
    this.flush();
    if (end.reason === 'error') this.deps.denied.recordError(end.error, 'sqs:ReceiveMessage', arn);
    if (this.controller === c) this.controller = undefined;
    this.set({ status: { state: 'ended', mode: settings.mode, end } });
    this.refreshCounts();
  }

  stop(): void {
    this.controller?.abort();
  }

  /** Forget the listed messages (a running poll is stopped first). */
  clear(): void {
    this.stop();
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pending = [];
    this.set({ messages: [], failures: undefined, status: { state: 'idle' } });
  }

  removeMessages(ids: ReadonlySet<string>): void {
    this.set({ messages: this.state.messages.filter((m) => !ids.has(m.id)) });
    this.refreshCounts();
  }

  updateMessages(ids: ReadonlySet<string>, patch: Partial<ReceivedMessage>): void {
    this.set({ messages: this.state.messages.map((m) => (ids.has(m.id) ? { ...m, ...patch } : m)) });
  }

  setFailures(failures: MessageSessionState['failures']): void {
    this.set({ failures });
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) this.set({ messages: mergeMessages(this.state.messages, batch) });
  }

  private refreshCounts(): void {
    if (this.sqsKeys)
      void this.deps.queryClient.invalidateQueries({ queryKey: this.sqsKeys.attributes(this.region, this.url) });
  }

  private set(patch: Partial<MessageSessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }
}

/** The session's message sessions, one per queue and region. */
export class MessageSessions {
  private readonly byQueue = new Map<string, MessageSession>();

  constructor(private readonly deps: { queryClient: QueryClient; denied: DeniedActions }) {}

  of(region: string, url: string, defaults: PollSettings): MessageSession {
    const key = `${region}|${url}`;
    let s = this.byQueue.get(key);
    if (!s) {
      s = new MessageSession(region, url, this.deps, defaults);
      this.byQueue.set(key, s);
    }
    return s;
  }

  clear(): void {
    for (const s of this.byQueue.values()) s.clear();
    this.byQueue.clear();
  }
}

export function useMessageSessionState(session: MessageSession): MessageSessionState {
  return useSyncExternalStore(session.subscribe, session.snapshot, session.snapshot);
}

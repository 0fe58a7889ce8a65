import { useCallback } from 'react';
import type { QueryKey } from '@tanstack/react-query';
import { failureMessage } from '../aws/mutation';
import type { ConsoleSession } from './console-session';
import { useConsoleSession } from './session-context';
import type { TaskUnit } from './tasks';

export interface AwsTaskContext<I> {
  signal: AbortSignal;
  progress(done: number, total?: number): void;
  setDetail(text: string): void;
  /** One item failed: listed in the tray with why (an error becomes a sentence naming the action). */
  failed(item: I, reason: unknown): void;
  /** Something that is not an item could not be done (a line of a file that is no item): listed, never retried. */
  reject(name: string, message: string): void;
}

export interface AwsTaskOptions<I> {
  /** "Delete 3 queues"; a function gets the items (a retry of failures has fewer). */
  title: string | ((items: readonly I[]) => string);
  items: readonly I[];
  /** The item's name in the tray's error list ("photo.jpg", "queue orders"). */
  label: (item: I) => string;
  /** The item a failed name stands for when it was found while running (a key inside a deleted folder). */
  fromLabel?: (label: string) => I | undefined;
  /** What was asked for one item, in words, for its failure: "delete queue orders". */
  describe?: (item: I) => string;
  /** The IAM action: a refusal is remembered, so the buttons that need it say so. */
  action?: string;
  /** One call per item, at most `concurrency` at a time. */
  each?: (item: I, signal: AbortSignal) => Promise<void>;
  concurrency?: number;
  /** Or the whole list at once (batch APIs), reporting failures with `ctx.failed`. */
  run?: (items: readonly I[], ctx: AwsTaskContext<I>) => Promise<void>;
  /** Query key prefixes refetched when the task ends, however it ends. */
  invalidates?: readonly QueryKey[];
  unit?: TaskUnit;
  /** Shown with a total across tasks of one group (an upload batch). */
  group?: string;
  /** Concurrency queue of the task store (uploads run a few files at a time). */
  queue?: string;
  detail?: string;
  /** Progress total when it is not the number of items (bytes). */
  total?: number;
  onDone?: (outcome: { failed: number; isCancelled: boolean }) => void;
}

/**
 * The one way to run long or bulk work against AWS: a task in the session's tray that goes on across
 * pages, never stops at the first failure, lists each failed item with why, offers a retry of just those,
 * remembers refusals, and refreshes the given queries when it ends.
 */
export function startAwsTask<I>(session: ConsoleSession, options: AwsTaskOptions<I>): string {
  const { items } = options;
  const byLabel = new Map(items.map((item) => [options.label(item), item]));
  const title = typeof options.title === 'function' ? options.title(items) : options.title;
  return session.tasks.start({
    title,
    unit: options.unit ?? 'items',
    total: options.total ?? (options.each ? items.length : undefined),
    ...(options.group !== undefined ? { group: options.group } : {}),
    ...(options.queue !== undefined ? { queue: options.queue } : {}),
    ...(options.detail !== undefined ? { detail: options.detail } : {}),
    retryFailed: (labels) => {
      const again = labels.flatMap((l) => {
        const item = byLabel.get(l) ?? options.fromLabel?.(l);
        return item === undefined ? [] : [item];
      });
      if (again.length > 0) startAwsTask(session, { ...options, items: again });
    },
    run: async (ctx) => {
      let failed = 0;
      const context: AwsTaskContext<I> = {
        signal: ctx.signal,
        progress: (done, total) => ctx.progress(done, total),
        setDetail: (text) => ctx.setDetail(text),
        failed: (item, reason) => {
          failed++;
          if (typeof reason !== 'string') session.aws.denied.recordError(reason, options.action);
          const what = options.describe?.(item) ?? `process ${options.label(item)}`;
          ctx.itemError(
            options.label(item),
            typeof reason === 'string' ? reason : failureMessage(what, reason).replace(/^Could not [^:]+: /, ''),
          );
        },
        reject: (name, message) => {
          failed++;
          ctx.itemError(name, message);
        },
      };
      try {
        if (options.run) await options.run(items, context);
        else if (options.each) await eachItem(items, options.each, options.concurrency ?? 4, context);
      } finally {
        await Promise.all(
          (options.invalidates ?? []).map((queryKey) => session.queryClient.invalidateQueries({ queryKey })),
        );
        options.onDone?.({ failed, isCancelled: ctx.signal.aborted });
      }
    },
  });
}

async function eachItem<I>(
  items: readonly I[],
  each: (item: I, signal: AbortSignal) => Promise<void>,
  concurrency: number,
  ctx: AwsTaskContext<I>,
): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length && !ctx.signal.aborted) {
      const item = items[next++] as I;
      try {
        await each(item, ctx.signal);
      } catch (e) {
        if (ctx.signal.aborted) return;
        ctx.failed(item, e);
      }
      ctx.progress(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** `startAwsTask` bound to the signed-in session, for pages. */
export function useStartAwsTask(): <I>(options: AwsTaskOptions<I>) => string {
  const session = useConsoleSession();
  return useCallback(<I>(options: AwsTaskOptions<I>) => startAwsTask(session, options), [session]);
}

import { memo, useId, useState, type ReactNode } from 'react';
import { ChevronDown, ChevronUp, CircleAlert, CircleCheck, Ban, LoaderCircle, Clock, RotateCcw, X } from 'lucide-react';
import { Button, IconButton } from './ui/button';
import { formatBytes } from './format';

export type TaskStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type TaskUnit = 'bytes' | 'items';

export interface TaskItemError {
  item: string;
  message: string;
}

/** One long-running task as the tray shows it (produced by the app's task store). */
export interface TaskSnapshot {
  id: string;
  title: string;
  detail?: string;
  group?: string;
  unit: TaskUnit;
  status: TaskStatus;
  done: number;
  total?: number;
  startedAt?: number;
  finishedAt?: number;
  /** Smoothed units per second while running. */
  rate?: number;
  etaSeconds?: number;
  error?: string;
  itemErrors: TaskItemError[];
  /** The task can run again: a failed task whole, a finished one for just the items that failed. */
  canRetry?: boolean;
}

export interface TaskTrayProps {
  tasks: readonly TaskSnapshot[];
  onCancel: (id: string) => void;
  /** Runs a failed task again, or only the failed items of a finished one. */
  onRetry?: (id: string) => void;
  onCancelAll: () => void;
  onClearFinished: () => void;
  onCancelGroup?: (group: string) => void;
  /** Rows shown before the rest collapse into a count; keeps hundreds of tasks cheap. */
  maxRows?: number;
}

const isActive = (t: TaskSnapshot) => t.status === 'queued' || t.status === 'running';

// ---------- numbers ----------

const countFormat = new Intl.NumberFormat('en-US');

export function formatAmount(n: number, unit: TaskUnit): string {
  return unit === 'bytes' ? formatBytes(n) : countFormat.format(Math.round(n));
}

export function formatRate(rate: number, unit: TaskUnit): string {
  if (unit === 'bytes') return `${formatBytes(rate)}/s`;
  return `${rate >= 10 ? countFormat.format(Math.round(rate)) : rate.toFixed(1)} items/s`;
}

export function formatEta(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return `${s} s left`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min left`;
  const h = Math.floor(min / 60);
  const rest = min % 60;
  return rest ? `${h} h ${rest} min left` : `${h} h left`;
}

/** Whole percent, 100 only when complete; undefined when the total is unknown. */
export function taskPercent(t: TaskSnapshot): number | undefined {
  if (t.status === 'done') return 100;
  if (t.total === undefined) return undefined;
  if (t.total <= 0) return t.status === 'running' || t.status === 'queued' ? 0 : 100;
  return Math.min(100, Math.floor((t.done / t.total) * 100));
}

// ---------- roll-up ----------

export interface TaskSummary {
  count: number;
  running: number;
  queued: number;
  done: number;
  failed: number;
  cancelled: number;
  /** Finished tasks that reported per-item errors. */
  withItemErrors: number;
  /** Whole percent over everything with a known size; undefined when nothing has one. */
  percent?: number;
  /** Combined speed of running tasks in `unit`. */
  rate?: number;
  unit: TaskUnit;
  etaSeconds?: number;
}

/**
 * The total over tasks: in one unit the sum of done over the sum of totals; with bytes and items
 * mixed, the mean of each task's fraction. A failed or cancelled task counts as what it finished.
 */
export function summarizeTasks(tasks: readonly TaskSnapshot[]): TaskSummary {
  const s: TaskSummary = {
    count: tasks.length,
    running: 0,
    queued: 0,
    done: 0,
    failed: 0,
    cancelled: 0,
    withItemErrors: 0,
    unit: 'items',
  };
  let hasBytes = false;
  let hasItems = false;
  for (const t of tasks) {
    s[t.status]++;
    if (t.status === 'done' && t.itemErrors.length > 0) s.withItemErrors++;
    if (t.unit === 'bytes') hasBytes = true;
    else hasItems = true;
  }
  s.unit = hasBytes ? 'bytes' : 'items';
  const isMixed = hasBytes && hasItems;

  let doneSum = 0;
  let totalSum = 0;
  let fractionSum = 0;
  let fractionCount = 0;
  let rate = 0;
  let hasRate = false;
  let remaining = 0;
  let isRemainingKnown = true;
  for (const t of tasks) {
    const finishedTotal = t.status === 'done' ? Math.max(t.total ?? t.done, t.done) : t.done;
    const total = isActive(t) ? t.total : finishedTotal;
    if (total !== undefined) {
      const done = t.status === 'done' ? total : Math.min(t.done, total);
      doneSum += t.unit === s.unit ? done : 0;
      totalSum += t.unit === s.unit ? total : 0;
      fractionSum += total > 0 ? done / total : 1;
      fractionCount++;
    }
    if (t.unit !== s.unit || !isActive(t)) continue;
    if (t.rate !== undefined) {
      rate += t.rate;
      hasRate = true;
    }
    if (t.total === undefined) isRemainingKnown = false;
    else remaining += Math.max(0, t.total - t.done);
  }
  const ratio = isMixed
    ? fractionCount
      ? fractionSum / fractionCount
      : undefined
    : totalSum > 0
      ? doneSum / totalSum
      : undefined;
  if (ratio !== undefined)
    s.percent = s.running + s.queued > 0 ? Math.min(99, Math.floor(ratio * 100)) : Math.floor(ratio * 100);
  if (hasRate) s.rate = rate;
  if (hasRate && rate > 0 && isRemainingKnown) s.etaSeconds = remaining / rate;
  return s;
}

function summaryText(s: TaskSummary, tasks: readonly TaskSnapshot[]): string {
  const finished = s.done + s.failed + s.cancelled;
  const parts: string[] = [];
  const only = tasks.length === 1 ? tasks[0] : undefined;
  if (s.running + s.queued > 0) {
    parts.push(only ? only.title : `${countFormat.format(finished)} of ${countFormat.format(s.count)} done`);
    if (s.percent !== undefined) parts.push(`${s.percent}%`);
    if (s.rate !== undefined) parts.push(formatRate(s.rate, s.unit));
    if (s.etaSeconds !== undefined) parts.push(formatEta(s.etaSeconds));
  } else {
    parts.push(only ? `${only.title}: ${statusWord(only)}` : `${countFormat.format(s.count)} tasks finished`);
  }
  if (!only && s.failed) parts.push(`${countFormat.format(s.failed)} failed`);
  if (!only && s.withItemErrors) parts.push(`${countFormat.format(s.withItemErrors)} with errors`);
  return parts.join(' · ');
}

// ---------- status ----------

function statusWord(t: TaskSnapshot): string {
  if (t.status === 'done' && t.itemErrors.length > 0) {
    const n = t.itemErrors.length;
    return `Done with ${countFormat.format(n)} ${n === 1 ? 'error' : 'errors'}`;
  }
  return { queued: 'Queued', running: 'Running', done: 'Done', failed: 'Failed', cancelled: 'Cancelled' }[t.status];
}

type Tone = 'accent' | 'success' | 'warning' | 'danger' | 'neutral';

function toneOf(t: TaskSnapshot): Tone {
  if (t.status === 'failed') return 'danger';
  if (t.status === 'done') return t.itemErrors.length ? 'warning' : 'success';
  if (t.status === 'cancelled' || t.status === 'queued') return 'neutral';
  return 'accent';
}

const BAR_TONES: Record<Tone, string> = {
  accent: 'bg-accent',
  success: 'bg-success',
  warning: 'bg-warning',
  danger: 'bg-danger',
  neutral: 'bg-neutral',
};
const TEXT_TONES: Record<Tone, string> = {
  accent: 'text-accent',
  success: 'text-success',
  warning: 'text-warning',
  danger: 'text-danger',
  neutral: 'text-muted',
};

function StatusIcon({ task }: { task: TaskSnapshot }) {
  const className = `size-4 shrink-0 ${TEXT_TONES[toneOf(task)]}`;
  if (task.status === 'running')
    return <LoaderCircle aria-hidden className={`${className} motion-safe:animate-spin`} />;
  if (task.status === 'queued') return <Clock aria-hidden className={className} />;
  if (task.status === 'cancelled') return <Ban aria-hidden className={className} />;
  if (task.status === 'failed' || task.itemErrors.length) return <CircleAlert aria-hidden className={className} />;
  return <CircleCheck aria-hidden className={className} />;
}

// Running first, then what needs attention, then waiting, then the finished.
function priority(t: TaskSnapshot): number {
  if (t.status === 'running') return 0;
  if (t.status === 'failed') return 1;
  if (t.status === 'done' && t.itemErrors.length) return 2;
  if (t.status === 'queued') return 3;
  return t.status === 'done' ? 4 : 5;
}

// ---------- pieces ----------

function ProgressBar({
  label,
  percent,
  tone,
  valueText,
}: {
  label: string;
  percent?: number;
  tone: Tone;
  valueText?: string;
}) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
      className="h-1.5 w-full overflow-hidden rounded-full bg-surface-3"
    >
      <div
        className={`h-full rounded-full ${BAR_TONES[tone]} ${percent === undefined ? 'w-1/3 motion-safe:animate-pulse' : 'transition-[width] duration-200'}`}
        style={percent === undefined ? undefined : { width: `${percent}%` }}
      />
    </div>
  );
}

const ITEM_ERRORS_SHOWN = 100;

function ItemErrors({ task }: { task: TaskSnapshot }) {
  const [isOpen, setOpen] = useState(false);
  const listId = useId();
  const n = task.itemErrors.length;
  if (!n) return null;
  return (
    <div className="mt-1">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={() => setOpen((v) => !v)}
        className="inline-flex items-center gap-1 rounded text-xs text-warning hover:underline"
      >
        {isOpen ? <ChevronUp aria-hidden className="size-3" /> : <ChevronDown aria-hidden className="size-3" />}
        {countFormat.format(n)} {n === 1 ? 'item failed' : 'items failed'}
      </button>
      {isOpen && (
        <ul
          id={listId}
          aria-label={`Errors in ${task.title}`}
          className="mt-1 max-h-40 overflow-y-auto rounded bg-surface-2 px-2 py-1 text-xs"
        >
          {task.itemErrors.slice(0, ITEM_ERRORS_SHOWN).map((e, i) => (
            <li key={i} className="py-0.5 break-words">
              <span className="font-mono">{e.item}</span>
              <span className="text-muted">: {e.message}</span>
            </li>
          ))}
          {n > ITEM_ERRORS_SHOWN && (
            <li className="py-0.5 text-muted">and {countFormat.format(n - ITEM_ERRORS_SHOWN)} more</li>
          )}
        </ul>
      )}
    </div>
  );
}

/** Memoized: the store keeps a task's snapshot object until that task changes, so only changed rows render. */
const TaskRow = memo(function TaskRow({
  task,
  onCancel,
  onRetry,
}: {
  task: TaskSnapshot;
  onCancel: (id: string) => void;
  onRetry?: ((id: string) => void) | undefined;
}) {
  const percent = taskPercent(task);
  const facts: string[] = [];
  if (task.status === 'running' || task.status === 'queued' || task.done > 0) {
    facts.push(
      task.total !== undefined
        ? `${formatAmount(task.done, task.unit)} of ${formatAmount(task.total, task.unit)}`
        : formatAmount(task.done, task.unit),
    );
  }
  if (task.status === 'running' && task.rate !== undefined) facts.push(formatRate(task.rate, task.unit));
  if (task.status === 'running' && task.etaSeconds !== undefined) facts.push(formatEta(task.etaSeconds));
  const valueText = [percent !== undefined ? `${percent}%` : statusWord(task), ...facts].join(', ');
  return (
    <li className="border-b border-border px-3 py-2 last:border-b-0">
      <div className="flex items-center gap-2">
        <StatusIcon task={task} />
        <span className="min-w-0 flex-1 truncate" title={task.title}>
          {task.title}
        </span>
        <span className={`shrink-0 text-xs ${TEXT_TONES[toneOf(task)]}`}>
          {task.status === 'running' && percent !== undefined ? `${percent}%` : statusWord(task)}
        </span>
        {isActive(task) && (
          <IconButton
            size="sm"
            label={`Cancel ${task.title}`}
            icon={<X aria-hidden />}
            onClick={() => onCancel(task.id)}
          />
        )}
        {task.canRetry && onRetry && (
          <Button size="sm" variant="ghost" icon={<RotateCcw aria-hidden />} onClick={() => onRetry(task.id)}>
            {task.status === 'failed' ? 'Retry' : 'Retry failed'}
            <span className="sr-only"> of {task.title}</span>
          </Button>
        )}
      </div>
      {isActive(task) && (
        <div className="mt-1.5">
          <ProgressBar
            label={task.title}
            percent={task.status === 'queued' ? 0 : percent}
            tone={toneOf(task)}
            valueText={valueText}
          />
        </div>
      )}
      {(facts.length > 0 || task.detail) && (
        <p className="mt-1 flex justify-between gap-2 text-xs text-muted">
          <span className="min-w-0 truncate">{task.detail}</span>
          <span className="shrink-0 tabular-nums">{facts.join(' · ')}</span>
        </p>
      )}
      {task.error && <p className="mt-1 text-xs break-words text-danger">{task.error}</p>}
      <ItemErrors task={task} />
    </li>
  );
});

function restText(tasks: readonly TaskSnapshot[]): string {
  const s = summarizeTasks(tasks);
  const parts = [
    s.running && `${countFormat.format(s.running)} running`,
    s.queued && `${countFormat.format(s.queued)} queued`,
    s.done && `${countFormat.format(s.done)} done`,
    s.failed && `${countFormat.format(s.failed)} failed`,
    s.cancelled && `${countFormat.format(s.cancelled)} cancelled`,
  ].filter(Boolean);
  return `and ${countFormat.format(tasks.length)} more (${parts.join(', ')})`;
}

interface Entry {
  key: string;
  group?: string;
  tasks: TaskSnapshot[];
  rank: number;
  order: number;
}

function entriesOf(tasks: readonly TaskSnapshot[]): Entry[] {
  const byGroup = new Map<string, Entry>();
  const entries: Entry[] = [];
  tasks.forEach((t, order) => {
    if (t.group === undefined) {
      entries.push({ key: t.id, tasks: [t], rank: priority(t), order });
      return;
    }
    let entry = byGroup.get(t.group);
    if (!entry) {
      entry = { key: `group:${t.group}`, group: t.group, tasks: [], rank: Infinity, order };
      byGroup.set(t.group, entry);
      entries.push(entry);
    }
    entry.tasks.push(t);
    entry.rank = Math.min(entry.rank, priority(t));
  });
  for (const e of entries) if (e.tasks.length > 1) e.tasks.sort((a, b) => priority(a) - priority(b));
  return entries.sort((a, b) => a.rank - b.rank || a.order - b.order);
}

function GroupBlock({
  entry,
  budget,
  onCancel,
  onRetry,
  onCancelGroup,
}: {
  entry: Entry & { group: string };
  budget: number;
  onCancel: (id: string) => void;
  onRetry?: ((id: string) => void) | undefined;
  onCancelGroup?: ((group: string) => void) | undefined;
}) {
  const s = summarizeTasks(entry.tasks);
  const shown = entry.tasks.slice(0, budget);
  const rest = entry.tasks.slice(budget);
  const hasActive = s.running + s.queued > 0;
  const facts = [`${countFormat.format(s.done + s.failed + s.cancelled)} of ${countFormat.format(s.count)} done`];
  if (s.percent !== undefined) facts.push(`${s.percent}%`);
  if (hasActive && s.rate !== undefined) facts.push(formatRate(s.rate, s.unit));
  if (hasActive && s.etaSeconds !== undefined) facts.push(formatEta(s.etaSeconds));
  if (s.failed) facts.push(`${countFormat.format(s.failed)} failed`);
  return (
    <li className="border-b border-border last:border-b-0">
      <div className="bg-surface-2 px-3 py-2">
        <div className="flex items-center gap-2">
          <span className="min-w-0 flex-1 truncate font-medium" title={entry.group}>
            {entry.group}
          </span>
          <span className="shrink-0 text-xs text-muted tabular-nums">{facts.join(' · ')}</span>
          {hasActive && onCancelGroup && (
            <IconButton
              size="sm"
              label={`Cancel ${entry.group}`}
              icon={<X aria-hidden />}
              onClick={() => onCancelGroup(entry.group)}
            />
          )}
        </div>
        {hasActive && (
          <div className="mt-1.5">
            <ProgressBar label={entry.group} percent={s.percent} tone="accent" valueText={facts.join(', ')} />
          </div>
        )}
      </div>
      <ul aria-label={entry.group}>
        {shown.map((t) => (
          <TaskRow key={t.id} task={t} onCancel={onCancel} onRetry={onRetry} />
        ))}
        {rest.length > 0 && <li className="px-3 py-2 text-xs text-muted">{restText(rest)}</li>}
      </ul>
    </li>
  );
}

// ---------- the tray ----------

/** Long work that outlives pages: a collapsible panel at the bottom right, hidden when empty. */
export function TaskTray({
  tasks,
  onCancel,
  onRetry,
  onCancelAll,
  onClearFinished,
  onCancelGroup,
  maxRows = 50,
}: TaskTrayProps) {
  const [isCollapsed, setCollapsed] = useState(false);
  const bodyId = useId();
  if (tasks.length === 0) return null;

  const summary = summarizeTasks(tasks);
  const hasActive = summary.running + summary.queued > 0;
  const hasFinished = summary.done + summary.failed + summary.cancelled > 0;
  const text = summaryText(summary, tasks);

  const rows: ReactNode[] = [];
  let budget = maxRows;
  const hidden: TaskSnapshot[] = [];
  for (const entry of entriesOf(tasks)) {
    if (budget <= 0) {
      hidden.push(...entry.tasks);
      continue;
    }
    if (entry.group !== undefined) {
      const take = Math.max(1, Math.min(budget - 1, entry.tasks.length));
      rows.push(
        <GroupBlock
          key={entry.key}
          entry={{ ...entry, group: entry.group }}
          budget={take}
          onCancel={onCancel}
          onRetry={onRetry}
          onCancelGroup={onCancelGroup}
        />,
      );
      budget -= take + 1;
    } else {
      for (const t of entry.tasks) rows.push(<TaskRow key={t.id} task={t} onCancel={onCancel} onRetry={onRetry} />);
      budget -= entry.tasks.length;
    }
  }

  return (
    <section
      aria-label="Tasks"
      className="fixed inset-x-0 bottom-0 z-40 flex max-h-[70vh] flex-col border-t border-border bg-surface text-sm text-fg shadow-lg sm:inset-x-auto sm:right-4 sm:bottom-4 sm:w-[28rem] sm:rounded-lg sm:border"
    >
      <header className="px-3 pt-2 pb-2">
        <div className="flex items-center gap-1">
          <h2 className="min-w-0 flex-1 truncate font-medium" title={text}>
            {text}
          </h2>
          {hasActive && (
            <Button size="sm" variant="ghost" onClick={onCancelAll}>
              Cancel all
            </Button>
          )}
          {hasFinished && (
            <Button size="sm" variant="ghost" onClick={onClearFinished}>
              Clear finished
            </Button>
          )}
          <IconButton
            size="sm"
            label={isCollapsed ? 'Show tasks' : 'Hide tasks'}
            aria-expanded={!isCollapsed}
            aria-controls={bodyId}
            icon={isCollapsed ? <ChevronUp aria-hidden /> : <ChevronDown aria-hidden />}
            onClick={() => setCollapsed((v) => !v)}
          />
        </div>
        {hasActive && (
          <div className="mt-1.5">
            <ProgressBar label="All tasks" percent={summary.percent} tone="accent" valueText={text} />
          </div>
        )}
      </header>
      <div id={bodyId} hidden={isCollapsed} className="min-h-0 overflow-y-auto border-t border-border">
        <ul aria-label="Task list">{rows}</ul>
        {hidden.length > 0 && <p className="px-3 py-2 text-xs text-muted">{restText(hidden)}</p>}
      </div>
    </section>
  );
}

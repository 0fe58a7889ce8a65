import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDownToLine, ChevronDown, ChevronRight } from 'lucide-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Button } from '../ui/button';
import { Spinner } from '../ui/skeleton';
import { formatDateTime } from '../format';
import { clockTime, prettyJsonOf } from './log-message';

export interface LogEventRow {
  id: string;
  timestamp: number;
  message: string;
  stream?: string | undefined;
}

export interface LogEventListProps {
  events: LogEventRow[];
  /** Show each event's stream (a whole-group view). */
  isStreamShown?: boolean;
  hasOlder: boolean;
  hasNewer: boolean;
  isLoadingOlder: boolean;
  isLoadingNewer: boolean;
  onLoadOlder: () => void;
  onLoadNewer: () => void;
  /** Kept at the bottom as events arrive; scrolling up unpins, and the list says so. */
  isPinned: boolean;
  onPinnedChange: (isPinned: boolean) => void;
  /** Height of the scrolling box. */
  height?: string;
}

const ROW = 28;
const NEAR = 8;

/**
 * A virtualized event list: the DOM holds a screenful of rows whatever the count. Scrolling to the top
 * loads older events (the view stays on the row being read); while pinned it follows the bottom.
 */
export function LogEventList({
  events,
  isStreamShown = false,
  hasOlder,
  hasNewer,
  isLoadingOlder,
  isLoadingNewer,
  onLoadOlder,
  onLoadNewer,
  isPinned,
  onPinnedChange,
  height = '60vh',
}: LogEventListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  // TanStack Virtual returns fresh functions each render by design; nothing here memoises around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 12,
    useFlushSync: false,
    getItemKey: (i) => events[i]?.id ?? i,
  });

  // Keep the row being read in place when older rows arrive above it.
  const firstId = events[0]?.id;
  const anchor = useRef<{ firstId: string | undefined; scrollTop: number } | undefined>(undefined);
  useLayoutEffect(() => {
    const prev = anchor.current;
    const el = scrollRef.current;
    if (prev && el && prev.firstId !== firstId && firstId !== undefined) {
      // The old first row now sits at `at`: keep it where the reader saw it.
      const at = events.findIndex((e) => e.id === prev.firstId);
      const offset = at > 0 ? virtualizer.getOffsetForIndex(at, 'start')?.[0] : undefined;
      if (offset !== undefined) el.scrollTop = offset + prev.scrollTop;
    }
    anchor.current = { firstId, scrollTop: el?.scrollTop ?? 0 };
  });
  const rememberScroll = () => {
    if (anchor.current && scrollRef.current) anchor.current.scrollTop = scrollRef.current.scrollTop;
  };

  // Pinned: every new event scrolls into view.
  const lastId = events[events.length - 1]?.id;
  useEffect(() => {
    if (isPinned && events.length > 0) virtualizer.scrollToIndex(events.length - 1, { align: 'end' });
  }, [isPinned, lastId, events.length, virtualizer]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    rememberScroll();
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR + ROW;
    if (atBottom !== isPinned && !(atBottom && hasNewer)) onPinnedChange(atBottom);
    if (el.scrollTop < ROW * 3 && hasOlder && !isLoadingOlder) onLoadOlder();
  };

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div
        ref={scrollRef}
        onScroll={onScroll}
        role="log"
        aria-label="Log events"
        aria-live="off"
        // A scrolling box must be reachable by keyboard (axe: scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        className="relative overflow-auto rounded-md border border-border bg-surface font-mono text-xs"
        style={{ height }}
      >
        <div className="sticky top-0 z-10 flex min-h-7 items-center justify-center bg-surface-2 px-2 text-muted">
          {isLoadingOlder ? (
            <Spinner size="sm" label="Loading older events" isLabelVisible />
          ) : hasOlder ? (
            <Button size="sm" variant="ghost" onClick={onLoadOlder}>
              Load older events
            </Button>
          ) : (
            <span>{events.length ? 'Beginning of the events in this range' : 'No events in this range'}</span>
          )}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const e = events[item.index];
            if (!e) return null;
            const pretty = expanded.has(e.id) ? prettyJsonOf(e.message) : undefined;
            const canExpand = prettyJsonOf(e.message) !== undefined;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="absolute top-0 left-0 flex w-full gap-2 border-b border-border px-2 py-1 hover:bg-surface-2"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <time
                  dateTime={new Date(e.timestamp).toISOString()}
                  title={formatDateTime(e.timestamp)}
                  className="shrink-0 text-muted tabular-nums"
                >
                  {clockTime(e.timestamp)}
                </time>
                {isStreamShown && e.stream && (
                  <span className="hidden max-w-40 shrink-0 truncate text-muted md:inline" title={e.stream}>
                    {e.stream}
                  </span>
                )}
                {canExpand ? (
                  <button
                    type="button"
                    aria-expanded={pretty !== undefined}
                    aria-label={`${pretty !== undefined ? 'Collapse' : 'Expand'} JSON event at ${clockTime(e.timestamp)}`}
                    onClick={() => toggle(e.id)}
                    className="shrink-0 rounded text-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-focus"
                  >
                    {pretty !== undefined ? (
                      <ChevronDown aria-hidden className="size-3.5" />
                    ) : (
                      <ChevronRight aria-hidden className="size-3.5" />
                    )}
                  </button>
                ) : (
                  <span aria-hidden className="w-3.5 shrink-0" />
                )}
                <span className="min-w-0 flex-1 break-all whitespace-pre-wrap">{pretty ?? e.message}</span>
              </div>
            );
          })}
        </div>
        {(hasNewer || isLoadingNewer) && (
          <div className="flex min-h-7 items-center justify-center px-2 text-muted">
            {isLoadingNewer ? (
              <Spinner size="sm" label="Loading newer events" isLabelVisible />
            ) : (
              <Button size="sm" variant="ghost" onClick={onLoadNewer}>
                Load newer events
              </Button>
            )}
          </div>
        )}
      </div>
      {!isPinned && (
        <div className="flex justify-end">
          <Button
            size="sm"
            variant="secondary"
            icon={<ArrowDownToLine aria-hidden />}
            onClick={() => onPinnedChange(true)}
          >
            Jump to latest
          </Button>
        </div>
      )}
    </div>
  );
}

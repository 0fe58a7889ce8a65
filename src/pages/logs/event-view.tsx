import { useEffect, useMemo, useState } from 'react';
import { Radio } from 'lucide-react';
import { groupPager, streamPager } from '../../aws/logs/event-window';
import { ErrorNotice } from '../../components/error-notice';
import { LogEventList } from '../../components/logs/log-event-list';
import { Button } from '../../components/ui/button';
import { FieldError, SelectField, TextField } from '../../components/ui/field';
import { useConfig } from '../../app/config-context';
import { errorProps } from '../../app/error-props';
import { RANGE_OPTIONS, resolveRange, type RangeId } from './time-range';
import { MAX_EVENTS_IN_MEMORY, useEventWindow } from './use-event-window';

export interface EventViewState {
  stream?: string | undefined;
  filter: string;
  range: RangeId;
  start?: string | undefined;
  end?: string | undefined;
  isFollowing: boolean;
}

export interface EventViewProps {
  region: string;
  group: string;
  state: EventViewState;
  onChange: (patch: Partial<Record<'filter' | 'range' | 'start' | 'end' | 'follow', string | undefined>>) => void;
  onFirstData: () => void;
}

/**
 * Events of one stream (GetLogEvents, both directions) or of the whole group with a filter pattern
 * (FilterLogEvents), in a time range; follow polls every second and keeps the newest in view.
 */
export function EventView({ region, group, state, onChange, onFirstData }: EventViewProps) {
  const config = useConfig();
  const [draft, setDraft] = useState(state.filter);
  const [isPinned, setPinned] = useState(true);
  // "Last 5 minutes" is measured from when the view (re)opens, not on every render.
  const [openedAt, setOpenedAt] = useState(() => Date.now());
  const { range, error: rangeError } = resolveRange(state.range, state, openedAt);
  const canFollow = range.end === undefined;
  const isFollowing = state.isFollowing && canFollow;
  const usesFilter = state.filter.trim() !== '' || state.stream === undefined;
  const key = JSON.stringify([region, group, state.stream, state.filter, range.start, range.end]);
  const makePager = useMemo(
    () => () =>
      usesFilter
        ? groupPager({
            region,
            group,
            streams: state.stream ? [state.stream] : undefined,
            pattern: state.filter.trim() || undefined,
            range,
          })
        : streamPager({ region, group, stream: state.stream ?? '', range }),
    // The key names every input of the pager.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  const w = useEventWindow(rangeError ? `invalid:${key}` : key, makePager, isFollowing && isPinned && !rangeError);
  const isShown = !w.isLoading && w.error === undefined;
  useEffect(() => {
    if (isShown) onFirstData();
  }, [isShown, onFirstData]);

  return (
    <div className="flex min-w-0 flex-col gap-3">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ filter: draft.trim() || undefined });
        }}
      >
        <TextField
          label="Filter pattern"
          value={draft}
          onChange={setDraft}
          placeholder='ERROR -healthcheck "timed out"'
          hint="CloudWatch Logs syntax: terms must all appear, -term excludes, ?term matches any, quote phrases."
          className="min-w-56 flex-1"
        />
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        <SelectField
          label="Time range"
          value={state.range}
          onChange={(v) => {
            setOpenedAt(Date.now());
            onChange({ range: v });
          }}
          options={RANGE_OPTIONS.map((o) => ({ value: o.value, label: o.label }))}
        />
        {state.range === 'custom' && (
          <>
            <TextField
              type="datetime-local"
              label="From"
              value={state.start ?? ''}
              onChange={(v) => onChange({ start: v })}
            />
            <TextField
              type="datetime-local"
              label="To (empty: now)"
              value={state.end ?? ''}
              onChange={(v) => onChange({ end: v })}
            />
          </>
        )}
        <Button
          variant={isFollowing ? 'primary' : 'secondary'}
          icon={<Radio aria-hidden />}
          aria-pressed={isFollowing}
          disabledReason={canFollow ? undefined : 'Follow needs a range that runs up to now'}
          onClick={() => {
            setPinned(true);
            if (!isFollowing) setOpenedAt(Date.now());
            onChange({ follow: isFollowing ? undefined : '1' });
          }}
        >
          {isFollowing ? 'Following' : 'Follow'}
        </Button>
      </form>
      {rangeError && <FieldError>{rangeError}</FieldError>}
      <p role="status" className="text-xs text-muted">
        {isFollowing
          ? isPinned
            ? 'Following: new events appear within a second.'
            : 'Follow paused while you read older events.'
          : `${w.events.length.toLocaleString('en-US')} events loaded`}
        {w.events.length >= MAX_EVENTS_IN_MEMORY
          ? ` · at most ${MAX_EVENTS_IN_MEMORY.toLocaleString('en-US')} are kept in memory; scrolling loads the rest`
          : ''}
      </p>
      {w.error !== undefined && !rangeError ? (
        <ErrorNotice {...errorProps(w.error, config, 'logs', w.reload)} />
      ) : (
        <LogEventList
          events={w.events}
          isStreamShown={state.stream === undefined}
          hasOlder={w.hasOlder && !w.isLoading}
          hasNewer={w.hasDroppedNewer || (!isFollowing && !w.isLoading && w.events.length > 0)}
          isLoadingOlder={w.isLoadingOlder || w.isLoading}
          isLoadingNewer={w.isLoadingNewer}
          onLoadOlder={w.loadOlder}
          onLoadNewer={w.loadNewer}
          isPinned={isPinned}
          onPinnedChange={(p) => {
            setPinned(p);
            if (p && w.hasDroppedNewer) w.reload();
          }}
        />
      )}
    </div>
  );
}

import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { ArrowLeft } from 'lucide-react';
import { logsQueries } from '../../aws/logs/queries';
import { SERVICE_ICONS } from '../../components/service-icons';
import { PageHeader } from '../../components/ui/page-header';
import { RefreshButton } from '../../components/ui/refresh-button';
import { useFirstDataMark } from '../../app/use-first-data-mark';
import { useRegion, useRegionHref } from '../../app/use-region';
import { useResourceList } from '../../app/use-resource-list';
import { useSearchState } from '../../app/use-search-state';
import { pathTo, routes } from '../../app/routes';
import { EventView } from './event-view';
import { GroupList } from './group-list';
import { StreamList } from './stream-list';
import { rangeIdOf } from './time-range';

const KEYS = ['group', 'stream', 'prefix', 'filter', 'range', 'start', 'end', 'follow'] as const;

type LogsState = ReturnType<typeof useSearchState<(typeof KEYS)[number]>>;

/** One group: its streams (a token list with Refresh in the header) beside the bounded event window. */
function GroupView({ group, search: [s, set] }: { group: string; search: LogsState }) {
  const region = useRegion();
  const href = useRegionHref();
  const navigate = useNavigate();
  const streams = useResourceList(logsQueries.streams(region, group));
  // The bench's mark for a group is its first events on screen, not its streams.
  const [hasEvents, setHasEvents] = useState(false);
  useFirstDataMark('logs', hasEvents);
  const onFirstData = useCallback(() => setHasEvents(true), []);
  const back = pathTo(routes.logs);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <PageHeader
        icon={<SERVICE_ICONS.logs />}
        title={<span className="font-mono break-all">{group}</span>}
        description={s.stream ? `Stream ${s.stream}` : 'All streams of this group'}
        actions={
          <>
            <RefreshButton {...streams.refresh} />
            {back && (
              <a
                href={href(back)}
                onClick={(e) => {
                  e.preventDefault();
                  void navigate(href(back));
                }}
                className="inline-flex items-center gap-1 text-sm text-accent hover:underline"
              >
                <ArrowLeft aria-hidden className="size-4" />
                All log groups
              </a>
            )}
          </>
        }
      />
      <div className="grid min-w-0 gap-4 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <StreamList list={streams} selected={s.stream} onSelect={(stream) => set({ stream })} />
        <EventView
          key={`${group}|${s.stream ?? ''}`}
          region={region}
          group={group}
          state={{
            stream: s.stream,
            filter: s.filter ?? '',
            range: rangeIdOf(s.range),
            start: s.start,
            end: s.end,
            isFollowing: s.follow === '1',
          }}
          onChange={(patch) => set(patch, { replace: true })}
          onFirstData={onFirstData}
        />
      </div>
    </div>
  );
}

/** CloudWatch Logs: groups, a group's streams, and its events (time range, filter pattern, follow). */
export default function LogsPage() {
  const href = useRegionHref();
  const region = useRegion();
  const navigate = useNavigate();
  const search = useSearchState(KEYS);
  const [s, set] = search;

  if (s.group) return <GroupView key={s.group} group={s.group} search={search} />;
  return (
    <GroupList
      region={region}
      prefix={s.prefix ?? ''}
      onPrefixChange={(prefix) => set({ prefix }, { replace: true })}
      onOpen={(g) => {
        const to = pathTo(routes.logs, {}, { group: g, range: '1h' });
        if (to) void navigate(href(to));
      }}
    />
  );
}

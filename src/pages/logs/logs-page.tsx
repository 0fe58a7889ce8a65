import { useNavigate } from 'react-router';
import { ArrowLeft } from 'lucide-react';
import { SERVICE_ICONS } from '../../components/service-icons';
import { PageHeader } from '../../components/ui/page-header';
import { useRegion, useRegionHref } from '../../app/use-region';
import { useSearchState } from '../../app/use-search-state';
import { pathTo, routes } from '../../app/routes';
import { EventView } from './event-view';
import { GroupList } from './group-list';
import { StreamList } from './stream-list';
import { rangeIdOf } from './time-range';

let marked = false;
function markFirstData() {
  if (marked) return;
  marked = true;
  performance.mark('first-data:logs');
  document.documentElement.dataset.firstData = 'logs';
}

const KEYS = ['group', 'stream', 'prefix', 'filter', 'range', 'start', 'end', 'follow'] as const;

/** CloudWatch Logs: groups, a group's streams, and its events (time range, filter pattern, follow). */
export default function LogsPage() {
  const region = useRegion();
  const href = useRegionHref();
  const navigate = useNavigate();
  const [s, set] = useSearchState(KEYS);
  const group = s.group;

  if (!group) {
    return (
      <div className="flex flex-col gap-4">
        <PageHeader
          icon={<SERVICE_ICONS.logs />}
          title="Logs"
          description="CloudWatch Logs groups in this region; a function's output lands in /aws/lambda/NAME."
        />
        <GroupList
          region={region}
          prefix={s.prefix ?? ''}
          onPrefixChange={(prefix) => set({ prefix }, { replace: true })}
          onOpen={(g) => {
            const to = pathTo(routes.logs, {}, { group: g, range: '1h' });
            if (to) void navigate(href(to));
          }}
          onFirstData={markFirstData}
        />
      </div>
    );
  }

  const back = pathTo(routes.logs);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <PageHeader
        icon={<SERVICE_ICONS.logs />}
        title={<span className="font-mono break-all">{group}</span>}
        description={s.stream ? `Stream ${s.stream}` : 'All streams of this group'}
        actions={
          back ? (
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
          ) : undefined
        }
      />
      <div className="grid min-w-0 gap-4 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <StreamList region={region} group={group} selected={s.stream} onSelect={(stream) => set({ stream })} />
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
          onFirstData={markFirstData}
        />
      </div>
    </div>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { SERVICE_ICONS } from '../../components/service-icons';
import { useNavigate } from 'react-router';
import { INSTANCE_STATES, type Instance, type InstanceFilters } from '../../aws/ec2/instances';
import { ec2Keys, ec2Queries } from '../../aws/ec2/queries';
import { routes } from '../../app/routes';
import { useConsoleSession } from '../../app/session-context';
import { useLinkTo, useRegion } from '../../app/use-region';
import { useResourceList } from '../../app/use-resource-list';
import { useSearchState } from '../../app/use-search-state';
import { StateSummary } from '../../components/ec2/state-summary';
import { formatCount } from '../../components/format';
import { ResourceTable, selectedRows } from '../../components/resource-table/resource-table';
import type { RowSelection } from '../../components/resource-table/selection';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField } from '../../components/ui/field';
import { FilterBar, type FilterChip } from '../../components/ui/filter-bar';
import { PageHeader } from '../../components/ui/page-header';
import { RefreshButton } from '../../components/ui/refresh-button';
import { humaniseStatus } from '../../components/ui/status-badge';
import { ACTION_ICON, ACTION_LABEL, useInstanceActions } from './instance-actions';
import { instanceColumns, InstanceRowToolsContext, type InstanceRowTools } from './instance-columns';
import { useActivityChanges, useInstanceWaiter } from './use-instance-waiter';
import { useInstanceActionPermissions } from './use-instance-permissions';

const FILTER_KEYS = ['q', 'state', 'type', 'zone', 'tag'] as const;
const MAX_TAG_COLUMNS = 20;
const ACTIONS = ['start', 'stop', 'reboot', 'terminate'] as const;

const CHIP_LABEL: Record<(typeof FILTER_KEYS)[number], (v: string) => string> = {
  q: (v) =>
    /^i-/.test(v) ? `Instance ID: ${v}` : v.includes('=') ? `Tag: ${v.replace('=', ' = ')}` : `Name contains: ${v}`,
  state: (v) => `State: ${humaniseStatus(v)}`,
  type: (v) => `Type: ${v}`,
  zone: (v) => `Zone: ${v}`,
  tag: (v) => `Tag: ${v.replace('=', ' = ')}`,
};

export default function InstancesPage() {
  const region = useRegion();
  const linkTo = useLinkTo();
  const navigate = useNavigate();
  const { names } = useConsoleSession().aws;
  const [filters, setFilters] = useSearchState(FILTER_KEYS);
  const list = useResourceList(ec2Queries.instances(region, filters as InstanceFilters), {
    alsoRefresh: [ec2Keys.stateCounts(region)],
    firstDataMark: 'instances',
  });
  const { rows, query } = list;
  useEffect(() => names.remember('instance', rows), [names, rows]);
  // Counts come after the first rows, so they never delay them.
  const counts = useQuery({ ...ec2Queries.stateCounts(region), enabled: query.data !== undefined });
  useInstanceWaiter(region);
  useActivityChanges();

  const [selection, setSelection] = useState<RowSelection>({});
  const selected = selectedRows(rows, selection, (i) => i.id);
  // DryRun probes wait until the user reaches for the table (pointer, focus, selection), so a page load
  // costs one list call; they answer long before a menu can be opened and read.
  const [isArmed, setArmed] = useState(false);
  const permissions = useInstanceActionPermissions(isArmed ? rows[0]?.id : undefined);
  const actions = useInstanceActions(region, permissions);

  // Tag keys seen in this visit's rows become optional columns (hidden until chosen in the table settings).
  const [tagKeys, setTagKeys] = useState<string[]>([]);
  const newTagKeys = useMemo(() => {
    const known = new Set(tagKeys);
    for (const i of rows) for (const t of i.tags) if (t.key !== 'Name') known.add(t.key);
    return [...known].slice(tagKeys.length, MAX_TAG_COLUMNS);
  }, [rows, tagKeys]);
  if (newTagKeys.length > 0) setTagKeys([...tagKeys, ...newTagKeys]);

  const listHref = (patch: Record<string, string | undefined>) =>
    linkTo(routes.instances, {}, { ...filters, ...patch });
  const detailHref = (i: Instance) => linkTo(routes.instance, { instanceId: i.id });
  const columns = useMemo(() => instanceColumns(tagKeys), [tagKeys]);
  const rowTools: InstanceRowTools = {
    region,
    hrefOf: detailHref,
    filterHref: listHref,
    menuItems: (i) => actions.menuItems([i]),
  };

  const chips: FilterChip[] = FILTER_KEYS.flatMap((k) => {
    const v = filters[k];
    return v ? [{ label: CHIP_LABEL[k](v), onRemove: () => setFilters({ [k]: undefined }) }] : [];
  });
  const hasFilters = chips.length > 0;
  const summary = INSTANCE_STATES.flatMap((state) => {
    const c = counts.data?.byState[state];
    return c
      ? [
          {
            state,
            count: formatCount(c.count, c.hasMore),
            href: listHref({ state }),
            isActive: filters.state === state,
          },
        ]
      : [];
  });

  const toolbar =
    selected.length > 0 ? (
      <div role="group" aria-label="Selected instances" className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted tabular-nums">{selected.length} selected</span>
        {ACTIONS.map((a) => (
          <Button
            key={a}
            size="sm"
            variant={a === 'terminate' ? 'danger' : 'secondary'}
            icon={ACTION_ICON[a]}
            disabledReason={actions.reasonFor(a, selected)}
            onClick={() => actions.request(a, selected)}
          >
            {ACTION_LABEL[a]}
          </Button>
        ))}
        <Button size="sm" variant="ghost" onClick={() => setSelection({})}>
          Clear selection
        </Button>
      </div>
    ) : undefined;

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <PageHeader
        icon={<SERVICE_ICONS.ec2 />}
        title="Instances"
        count={list.count}
        description={`EC2 instances in ${region}. Filters run on EC2; states update as they change.`}
        actions={<RefreshButton {...list.refresh} />}
      />
      <FilterBar
        label="Find instances"
        placeholder="Name, instance ID, or tag Key=Value"
        value={filters.q ?? ''}
        onSubmit={(q) => setFilters({ q }, { replace: true })}
        chips={chips}
        onClearAll={() =>
          setFilters({ q: undefined, state: undefined, type: undefined, zone: undefined, tag: undefined })
        }
      >
        <SelectField
          label="State"
          isLabelHidden
          value={filters.state ?? ''}
          onChange={(state) => setFilters({ state })}
          options={[
            { value: '', label: 'Any state' },
            ...INSTANCE_STATES.map((s) => ({ value: s, label: humaniseStatus(s) })),
          ]}
          className="w-36"
        />
      </FilterBar>
      <StateSummary
        items={summary}
        isLoading={counts.isPending && query.data !== undefined}
        {...(counts.error ? { error: counts.error.message } : {})}
      />
      <div
        className="flex min-w-0 flex-col"
        onPointerEnter={() => setArmed(true)}
        onFocusCapture={() => setArmed(true)}
      >
        <InstanceRowToolsContext value={rowTools}>
          <ResourceTable
            label="Instances"
            columns={columns}
            {...list.table}
            getRowId={(i) => i.id}
            getRowLabel={(i) => i.name ?? i.id}
            empty={
              <EmptyState
                icon={<SERVICE_ICONS.ec2 />}
                title={hasFilters ? 'No instances match these filters' : `No instances in ${region}`}
                description={
                  hasFilters
                    ? 'EC2 found none. Filters match exactly and are case-sensitive; * matches any text.'
                    : 'Instances launched in this region appear here.'
                }
                {...(hasFilters
                  ? {
                      action: (
                        <Button
                          onClick={() =>
                            setFilters({
                              q: undefined,
                              state: undefined,
                              type: undefined,
                              zone: undefined,
                              tag: undefined,
                            })
                          }
                        >
                          Clear filters
                        </Button>
                      ),
                    }
                  : {})}
              />
            }
            selection={selection}
            onSelectionChange={setSelection}
            storageKey="ec2-instances"
            defaultHiddenColumns={tagKeys.map((k) => `tag:${k}`)}
            onRowOpen={(i) => void navigate(detailHref(i))}
            toolbar={toolbar}
          />
        </InstanceRowToolsContext>
      </div>
      {actions.dialogs}
    </div>
  );
}

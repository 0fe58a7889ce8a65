import { createColumnHelper } from '@tanstack/react-table';
import { createContext, useContext } from 'react';
import { Link } from 'react-router';
import type { Instance } from '../../aws/ec2/instances';
import { InstanceNote } from '../../components/ec2/instance-note';
import { RelativeTime } from '../../components/relative-time';
import type { ResourceTableColumn } from '../../components/resource-table/resource-table';
import { CopyButton } from '../../components/ui/copy-button';
import type { ActionsMenuItem } from '../../components/ui/menu';
import { ActionsMenu } from '../../components/ui/menu';
import { StatusBadge } from '../../components/ui/status-badge';
import { useInstanceActivity } from './use-instance-waiter';

/**
 * What cells need that changes while the page lives (permissions, the URL). It reaches them through
 * context, so the column definitions stay the same objects: TanStack renders a cell function as a
 * component, and a new function each render would remount every cell (closing an open row menu).
 */
export interface InstanceRowTools {
  region: string;
  hrefOf: (i: Instance) => string;
  /** Filter the list by a cell's value (type, zone, a tag). */
  filterHref: (patch: Record<string, string>) => string;
  menuItems: (i: Instance) => ActionsMenuItem[];
}

export const InstanceRowToolsContext = createContext<InstanceRowTools | undefined>(undefined);

function useTools(): InstanceRowTools {
  const tools = useContext(InstanceRowToolsContext);
  if (!tools) throw new Error('instance cells need InstanceRowToolsContext');
  return tools;
}

function NameCell({ instance }: { instance: Instance }) {
  const { hrefOf } = useTools();
  return (
    <Link to={hrefOf(instance)} className="font-medium text-accent hover:underline">
      {instance.name ?? <span className="font-normal text-muted italic">(no name)</span>}
    </Link>
  );
}

function FilterCell({
  value,
  patch,
  title,
}: {
  value: string | undefined;
  patch: Record<string, string>;
  title: string;
}) {
  const { filterHref } = useTools();
  if (value === undefined) return null;
  return (
    <Link to={filterHref(patch)} className={filterLink} title={title}>
      {value}
    </Link>
  );
}

function StateColumnCell({ instance }: { instance: Instance }) {
  const { region } = useTools();
  return <StateCell region={region} instance={instance} />;
}

function ActionsCell({ instance }: { instance: Instance }) {
  const { menuItems } = useTools();
  return <ActionsMenu items={menuItems(instance)} triggerSize="sm" triggerVariant="ghost" />;
}

const h = createColumnHelper<Instance>();

const filterLink = 'rounded hover:underline focus-visible:underline';

/** The state badge with, beside it, what the console is doing or was told about the instance. */
export function StateCell({ region, instance }: { region: string; instance: Instance }) {
  const { waiting, note } = useInstanceActivity(region, instance.id);
  return (
    <span className="flex min-w-0 items-center gap-2">
      <StatusBadge status={instance.state} />
      {waiting ? (
        <InstanceNote kind="waiting" message={`Waiting for ${waiting.target}`} isCompact />
      ) : note ? (
        <InstanceNote kind={note.kind} message={note.message} isCompact />
      ) : null}
    </span>
  );
}

/** The list's columns; call once per set of tag keys (useMemo), so they stay the same objects. */
export function instanceColumns(tagKeys: string[]): ResourceTableColumn<Instance>[] {
  return [
    h.accessor((i) => i.name ?? '', {
      id: 'name',
      header: 'Name',
      meta: { isPinned: true, width: 200 },
      cell: ({ row }) => <NameCell instance={row.original} />,
    }),
    h.accessor((i) => i.id, {
      id: 'id',
      header: 'Instance ID',
      meta: { isMono: true, width: 220 },
      cell: ({ row }) => (
        <span className="flex items-center gap-1">
          <span className="truncate">{row.original.id}</span>
          <CopyButton value={row.original.id} label={`instance ID ${row.original.id}`} />
        </span>
      ),
    }),
    h.accessor((i) => i.state, {
      id: 'state',
      header: 'State',
      meta: { width: 240, canHide: false },
      cell: ({ row }) => <StateColumnCell instance={row.original} />,
    }),
    h.accessor((i) => i.type ?? '', {
      id: 'type',
      header: 'Type',
      meta: { width: 120 },
      cell: ({ row }) => {
        const type = row.original.type;
        return <FilterCell value={type} patch={{ type: type ?? '' }} title={`Show only ${type ?? ''}`} />;
      },
    }),
    h.accessor((i) => i.zone ?? '', {
      id: 'zone',
      header: 'Zone',
      meta: { width: 130 },
      cell: ({ row }) => {
        const zone = row.original.zone;
        return <FilterCell value={zone} patch={{ zone: zone ?? '' }} title={`Show only ${zone ?? ''}`} />;
      },
    }),
    h.accessor((i) => i.privateIp ?? '', {
      id: 'privateIp',
      header: 'Private IP',
      meta: { isMono: true, width: 130 },
    }),
    h.accessor((i) => i.publicIp ?? '', {
      id: 'publicIp',
      header: 'Public IP',
      meta: { isMono: true, width: 130 },
      cell: ({ row }) => row.original.publicIp ?? <span className="text-muted">–</span>,
    }),
    h.accessor((i) => i.launchTime?.getTime() ?? 0, {
      id: 'launchTime',
      header: 'Launched',
      meta: { width: 120, label: 'Launch time' },
      cell: ({ row }) => <RelativeTime date={row.original.launchTime} />,
    }),
    ...tagKeys.map((key) =>
      h.accessor((i) => i.tags.find((t) => t.key === key)?.value ?? '', {
        id: `tag:${key}`,
        header: key,
        meta: { width: 140, label: `Tag: ${key}` },
        cell: ({ row }) => {
          const value = row.original.tags.find((t) => t.key === key)?.value;
          return (
            <FilterCell
              value={value}
              patch={{ tag: `${key}=${value ?? ''}` }}
              title={`Show only ${key} = ${value ?? ''}`}
            />
          );
        },
      }),
    ),
    h.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      meta: { width: 110, canHide: false, label: 'Actions' },
      cell: ({ row }) => <ActionsCell instance={row.original} />,
    }),
  ];
}

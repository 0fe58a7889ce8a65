import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { instanceActivity } from '../../aws/ec2/activity';
import type { Instance } from '../../aws/ec2/instances';
import { InstanceNote } from '../../components/ec2/instance-note';
import { RelativeTime } from '../../components/relative-time';
import type { ResourceTableColumn } from '../../components/resource-table/resource-table';
import { CopyButton } from '../../components/ui/copy-button';
import type { ActionsMenuItem } from '../../components/ui/menu';
import { ActionsMenu } from '../../components/ui/menu';
import { StatusBadge } from '../../components/ui/status-badge';

export interface InstanceColumnsOptions {
  region: string;
  hrefOf: (i: Instance) => string;
  /** Filter the list by a cell's value (type, zone, a tag). */
  filterHref: (patch: Record<string, string>) => string;
  menuItems: (i: Instance) => ActionsMenuItem[];
  tagKeys: string[];
}

/** The state badge with, beside it, what the console is doing or was told about the instance. */
export function StateCell({ region, instance }: { region: string; instance: Instance }) {
  const waiting = instanceActivity.waitingFor(region, instance.id);
  const note = instanceActivity.noteFor(region, instance.id);
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

const h = createColumnHelper<Instance>();

const filterLink = 'rounded hover:underline focus-visible:underline';

export function instanceColumns({
  region,
  hrefOf,
  filterHref,
  menuItems,
  tagKeys,
}: InstanceColumnsOptions): ResourceTableColumn<Instance>[] {
  const columns: ResourceTableColumn<Instance>[] = [
    h.accessor((i) => i.name ?? '', {
      id: 'name',
      header: 'Name',
      meta: { isPinned: true, width: 200 },
      cell: ({ row }) => (
        <Link to={hrefOf(row.original)} className="font-medium text-accent hover:underline">
          {row.original.name ?? <span className="font-normal text-muted italic">(no name)</span>}
        </Link>
      ),
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
      meta: { width: 300, canHide: false },
      cell: ({ row }) => <StateCell region={region} instance={row.original} />,
    }),
    h.accessor((i) => i.type ?? '', {
      id: 'type',
      header: 'Type',
      meta: { width: 120 },
      cell: ({ row }) =>
        row.original.type ? (
          <Link
            to={filterHref({ type: row.original.type })}
            className={filterLink}
            title={`Show only ${row.original.type}`}
          >
            {row.original.type}
          </Link>
        ) : null,
    }),
    h.accessor((i) => i.zone ?? '', {
      id: 'zone',
      header: 'Zone',
      meta: { width: 130 },
      cell: ({ row }) =>
        row.original.zone ? (
          <Link
            to={filterHref({ zone: row.original.zone })}
            className={filterLink}
            title={`Show only ${row.original.zone}`}
          >
            {row.original.zone}
          </Link>
        ) : null,
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
          return value === undefined ? null : (
            <Link
              to={filterHref({ tag: `${key}=${value}` })}
              className={filterLink}
              title={`Show only ${key} = ${value}`}
            >
              {value}
            </Link>
          );
        },
      }),
    ),
    h.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      meta: { width: 110, canHide: false, label: 'Actions' },
      cell: ({ row }) => <ActionsMenu items={menuItems(row.original)} triggerSize="sm" triggerVariant="ghost" />,
    }),
  ];
  return columns;
}

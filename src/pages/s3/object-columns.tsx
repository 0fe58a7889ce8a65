import { createColumnHelper } from '@tanstack/react-table';
import { File, Folder } from 'lucide-react';
import { Link } from 'react-router';
import type { S3Entry } from '../../aws/s3/api';
import { formatBytes } from '../../components/format';
import { RelativeTime } from '../../components/relative-time';
import type { ResourceTableColumn } from '../../components/resource-table/resource-table';

export interface ObjectColumnsOptions {
  /** Link target for a folder row. */
  folderHref: (prefix: string) => string;
  onOpenObject: (key: string) => void;
}

/** Folders before objects whatever the sort direction by name, as file browsers do. */
const kindRank = (e: S3Entry) => (e.kind === 'folder' ? 0 : 1);

const h = createColumnHelper<S3Entry>();

export function objectColumns({ folderHref, onOpenObject }: ObjectColumnsOptions): ResourceTableColumn<S3Entry>[] {
  return [
    h.accessor((e) => e.name, {
      id: 'name',
      header: 'Name',
      sortingFn: (a, b) =>
        kindRank(a.original) - kindRank(b.original) ||
        (a.original.name < b.original.name ? -1 : a.original.name > b.original.name ? 1 : 0),
      cell: ({ row }) => {
        const e = row.original;
        return e.kind === 'folder' ? (
          <Link
            to={folderHref(e.key)}
            className="inline-flex max-w-full items-center gap-2 align-middle font-medium text-accent hover:underline"
          >
            <Folder aria-hidden className="size-4 shrink-0 text-subtle" />
            <span className="truncate">{e.name}</span>
          </Link>
        ) : (
          <button
            type="button"
            data-object-key={e.key}
            onClick={() => onOpenObject(e.key)}
            className="inline-flex max-w-full items-center gap-2 text-left align-middle text-fg hover:text-accent hover:underline"
          >
            <File aria-hidden className="size-4 shrink-0 text-subtle" />
            <span className="truncate">{e.name}</span>
          </button>
        );
      },
      meta: { isPinned: true, isMono: true, width: 360 },
    }),
    h.accessor((e) => (e.kind === 'object' ? e.size : -1), {
      id: 'size',
      header: 'Size',
      cell: ({ row }) =>
        row.original.kind === 'object' ? formatBytes(row.original.size) : <span className="text-muted">–</span>,
      meta: { align: 'right', width: 110 },
    }),
    h.accessor((e) => (e.kind === 'object' ? (e.lastModified?.getTime() ?? 0) : 0), {
      id: 'modified',
      header: 'Last modified',
      cell: ({ row }) =>
        row.original.kind === 'object' ? (
          <RelativeTime date={row.original.lastModified} />
        ) : (
          <span className="text-muted">–</span>
        ),
      meta: { width: 150 },
    }),
    h.accessor((e) => (e.kind === 'object' ? (e.storageClass ?? '') : ''), {
      id: 'storage',
      header: 'Storage class',
      cell: ({ row }) =>
        row.original.kind === 'object' ? (
          (row.original.storageClass ?? 'STANDARD')
        ) : (
          <span className="text-muted">–</span>
        ),
      meta: { width: 150 },
    }),
  ];
}

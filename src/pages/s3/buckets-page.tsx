import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { FolderOpen, Plus, Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { toAppError } from '../../aws/errors';
import { bucketNameProblem } from '../../aws/s3/bucket-name';
import { useCreateBucket, useDeleteBucket } from '../../aws/s3/mutations';
import { s3Queries } from '../../aws/s3/queries';
import type { BucketSummary } from '../../aws/s3/api';
import { useConfig } from '../../app/config-context';
import { routes } from '../../app/routes';
import { useDeniedReason } from '../../app/use-permission';
import { useLinkTo, useRegion } from '../../app/use-region';
import { useResourceList } from '../../app/use-resource-list';
import { useSearchParam } from '../../app/use-search-state';
import { SERVICE_ICONS } from '../../components/service-icons';
import { formatCount } from '../../components/format';
import { RelativeTime } from '../../components/relative-time';
import { ResourceTable, type ResourceTableColumn } from '../../components/resource-table/resource-table';
import { CreateBucketDialog } from '../../components/s3/create-bucket-dialog';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { TextField } from '../../components/ui/field';
import { FilterBar } from '../../components/ui/filter-bar';
import { ActionsMenu } from '../../components/ui/menu';
import { PageHeader } from '../../components/ui/page-header';
import { RefreshButton } from '../../components/ui/refresh-button';
import { pathTo } from '../../app/routes';
import { useFirstDataMark } from '../../app/use-first-data-mark';

interface BucketRow {
  name: string;
  createdAt?: Date;
  region?: string;
}

/** The region column asks GetBucketLocation only for rows on screen (the table renders only those). */
function RegionCell({ row }: { row: BucketRow }) {
  const region = useRegion();
  const q = useQuery({ ...s3Queries.bucketRegion(region, row.name), enabled: row.region === undefined });
  if (row.region) return <>{row.region}</>;
  if (q.data) return <>{q.data}</>;
  if (q.error)
    return (
      <span className="text-muted" title={toAppError(q.error).message}>
        unknown
      </span>
    );
  return <span className="text-muted">…</span>;
}

function BucketLink({ row }: { row: BucketRow }) {
  const config = useConfig();
  const linkTo = useLinkTo();
  const region = useRegion();
  const located = useQuery({ ...s3Queries.bucketRegion(region, row.name), enabled: false });
  const bucketRegion = row.region ?? located.data;
  // Open the bucket in its own region when the console knows it: S3 refuses calls signed for another.
  const target =
    bucketRegion && bucketRegion !== region && config.regions.includes(bucketRegion)
      ? pathTo(routes.bucket, { bucket: row.name }, { region: bucketRegion })
      : linkTo(routes.bucket, { bucket: row.name });
  return (
    <Link to={target} className="font-medium text-accent hover:underline">
      {row.name}
    </Link>
  );
}

const h = createColumnHelper<BucketRow>();
const COLUMNS: ResourceTableColumn<BucketRow>[] = [
  h.accessor((r) => r.name, {
    id: 'name',
    header: 'Name',
    cell: ({ row }) => <BucketLink row={row.original} />,
    meta: { isPinned: true, width: 320 },
  }),
  h.accessor((r) => r.region ?? '', {
    id: 'region',
    header: 'Region',
    cell: ({ row }) => <RegionCell row={row.original} />,
    meta: { width: 160 },
  }),
  h.accessor((r) => r.createdAt?.getTime() ?? 0, {
    id: 'created',
    header: 'Created',
    cell: ({ row }) => <RelativeTime date={row.original.createdAt} />,
    meta: { width: 160 },
  }),
];

export default function BucketsPage() {
  const config = useConfig();
  const region = useRegion();
  const linkTo = useLinkTo();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParam('search');
  const list = useResourceList(s3Queries.bucketList(region));
  const buckets = list.query;
  const [selection, setSelection] = useState<Record<string, boolean>>({});
  const [isCreateOpen, setCreateOpen] = useState(false);
  const [toDelete, setToDelete] = useState<string | undefined>();
  const [openName, setOpenName] = useState('');
  const createBucket = useCreateBucket(region);
  const deleteBucket = useDeleteBucket(region);
  const createDenied = useDeniedReason('s3:CreateBucket');
  const deleteDenied = useDeniedReason('s3:DeleteBucket', toDelete ? `arn:aws:s3:::${toDelete}` : undefined);

  // ListBuckets has no CORS on AWS (and a role may lack s3:ListAllMyBuckets): fall back to config.
  // Not when the credentials never came: that is reported as what it is.
  const listError = buckets.error ? toAppError(buckets.error) : undefined;
  const errorKind = listError?.source === 'credentials' ? undefined : listError?.kind;
  const isFallback = errorKind === 'network' || errorKind === 'forbidden';
  const prefix = search ?? '';
  const rows: BucketRow[] = useMemo(() => {
    const all: BucketSummary[] = isFallback ? config.buckets.map((name) => ({ name })) : list.rows;
    return all.filter((b) => b.name.startsWith(prefix));
  }, [isFallback, config.buckets, list.rows, prefix]);
  useFirstDataMark('buckets', buckets.data !== undefined || isFallback);

  // Only rows on screen count: a filter may hide a row selected earlier.
  const selected = rows.filter((r) => selection[r.name]).map((r) => r.name);
  const selectedBucket = selected.length === 1 ? selected[0] : undefined;
  const openBucket = (name: string) => void navigate(linkTo(routes.bucket, { bucket: name.trim() }));
  const openProblem = openName === '' ? undefined : bucketNameProblem(openName.trim());

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        icon={<SERVICE_ICONS.s3 />}
        title="Buckets"
        count={buckets.data || isFallback ? formatCount(rows.length, !isFallback && buckets.hasNextPage) : undefined}
        description="S3 buckets of the account. Open one to browse, upload and share its objects."
        actions={
          <>
            <RefreshButton {...list.refresh} />
            <ActionsMenu
              disabledReason={selectedBucket ? undefined : 'Select one bucket'}
              items={[
                {
                  label: 'Open',
                  icon: <FolderOpen aria-hidden />,
                  onSelect: () => selectedBucket && openBucket(selectedBucket),
                },
                {
                  label: 'Delete',
                  icon: <Trash2 aria-hidden />,
                  isDestructive: true,
                  separatorBefore: true,
                  onSelect: () => {
                    deleteBucket.reset();
                    setToDelete(selectedBucket);
                  },
                },
              ]}
            />
            <Button
              variant="primary"
              icon={<Plus aria-hidden />}
              disabledReason={createDenied}
              onClick={() => setCreateOpen(true)}
            >
              Create bucket
            </Button>
          </>
        }
      />
      {isFallback && (
        <section
          aria-label="Open bucket by name"
          className="flex flex-col gap-3 rounded-lg border border-border bg-surface-2 p-4 text-sm"
        >
          <p>
            {errorKind === 'network'
              ? 'The browser cannot list buckets here: S3 answers ListBuckets without CORS headers, so browsers may not read it. '
              : `Your role may not list buckets (${listError?.action ?? 's3:ListAllMyBuckets'}). `}
            {config.buckets.length > 0
              ? 'Showing the buckets named in config.json; open any other by name.'
              : 'Open a bucket by name, or list bucket names under "buckets" in config.json.'}
          </p>
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (openName.trim() && !openProblem) openBucket(openName);
            }}
          >
            <TextField
              label="Bucket name"
              value={openName}
              onChange={setOpenName}
              error={openProblem}
              className="min-w-0 flex-1 basis-56 sm:max-w-sm"
              spellCheck={false}
              autoCapitalize="off"
            />
            <Button type="submit" icon={<FolderOpen aria-hidden />}>
              Open bucket
            </Button>
          </form>
        </section>
      )}
      <FilterBar
        label="Find buckets by name prefix"
        placeholder="Find buckets by name prefix"
        value={prefix}
        onSubmit={(v) => setSearch(v, { replace: true })}
        chips={prefix ? [{ label: `Name starts with "${prefix}"`, onRemove: () => setSearch(undefined) }] : []}
      />
      <ResourceTable
        label="Buckets"
        columns={COLUMNS}
        {...list.table}
        // Where the browser may not list buckets, the names from config stand in for the list.
        rows={rows}
        isLoading={buckets.isPending && !isFallback}
        error={isFallback ? undefined : list.table.error}
        getRowId={(r) => r.name}
        selection={selection}
        onSelectionChange={setSelection}
        storageKey="s3-buckets"
        onRowOpen={(r) => openBucket(r.name)}
        empty={
          <EmptyState
            title={prefix ? `No buckets whose name starts with "${prefix}"` : 'No buckets'}
            description={prefix ? 'Clear the filter to see every bucket.' : 'Create a bucket to store objects in.'}
            action={
              prefix ? undefined : (
                <Button variant="primary" icon={<Plus aria-hidden />} onClick={() => setCreateOpen(true)}>
                  Create bucket
                </Button>
              )
            }
          />
        }
      />
      <CreateBucketDialog
        open={isCreateOpen}
        onOpenChange={(open) => {
          setCreateOpen(open);
          if (!open) createBucket.reset();
        }}
        regions={config.regions}
        defaultRegion={region}
        validate={bucketNameProblem}
        isPending={createBucket.isPending}
        {...(createBucket.failure ? { error: createBucket.failure } : {})}
        onCreate={async ({ name, region: r }) => {
          await createBucket.mutateAsync({ bucket: name, region: r });
          setCreateOpen(false);
        }}
      />
      <ConfirmDialog
        open={toDelete !== undefined}
        onOpenChange={(open) => {
          if (!open) setToDelete(undefined);
        }}
        verb="Delete"
        noun={{ one: 'bucket', other: 'buckets' }}
        names={toDelete ? [toDelete] : []}
        consequence="The bucket must be empty. Deleting it cannot be undone, and its name may be taken by another account."
        confirmText={toDelete}
        mutation={deleteBucket}
        onConfirm={async () => {
          if (!toDelete || deleteDenied) return;
          await deleteBucket.mutateAsync({ bucket: toDelete });
          setSelection({});
        }}
      />
    </div>
  );
}

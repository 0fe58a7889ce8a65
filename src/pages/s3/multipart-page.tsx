import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { ListRestart, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { abortMultipartUpload, type MultipartUploadSummary } from '../../aws/s3/api';
import { s3Keys, s3Queries } from '../../aws/s3/queries';
import { useStartAwsTask } from '../../app/aws-task';
import { useDeniedReason } from '../../app/use-permission';
import { useRegion } from '../../app/use-region';
import { useResourceList } from '../../app/use-resource-list';
import { formatBytes, formatNumber } from '../../components/format';
import { RelativeTime } from '../../components/relative-time';
import { ResourceTable, type ResourceTableColumn } from '../../components/resource-table/resource-table';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { RefreshButton } from '../../components/ui/refresh-button';

/** ListParts for rows on screen only. */
function PartsCell({ bucket, upload }: { bucket: string; upload: MultipartUploadSummary }) {
  const region = useRegion();
  const q = useQuery(s3Queries.uploadParts(region, bucket, upload.key, upload.uploadId));
  if (q.data) return <>{`${formatNumber(q.data.parts)} (${formatBytes(q.data.bytes)})`}</>;
  if (q.error) return <span className="text-muted">unknown</span>;
  return <span className="text-muted">…</span>;
}

const h = createColumnHelper<MultipartUploadSummary>();

export default function MultipartPage() {
  const { bucket = '' } = useParams();
  const region = useRegion();
  const startTask = useStartAwsTask();
  const list = useResourceList(s3Queries.uploads(region, bucket), {
    empty: (
      <EmptyState
        title="No unfinished uploads"
        description="Every multipart upload to this bucket was completed or aborted."
      />
    ),
  });
  const { rows } = list;
  const [selection, setSelection] = useState<Record<string, boolean>>({});
  const [isConfirmOpen, setConfirmOpen] = useState(false);
  const denied = useDeniedReason('s3:AbortMultipartUpload');
  const selected = rows.filter((r) => selection[r.uploadId]);

  const columns: ResourceTableColumn<MultipartUploadSummary>[] = [
    h.accessor((u) => u.key, { id: 'key', header: 'Key', meta: { isPinned: true, isMono: true, width: 340 } }),
    h.accessor((u) => u.initiated?.getTime() ?? 0, {
      id: 'initiated',
      header: 'Initiated',
      cell: ({ row }) => <RelativeTime date={row.original.initiated} />,
      meta: { width: 150 },
    }),
    h.display({
      id: 'parts',
      header: 'Parts uploaded',
      cell: ({ row }) => <PartsCell bucket={bucket} upload={row.original} />,
      meta: { width: 170, align: 'right' },
    }),
    h.accessor((u) => u.uploadId, { id: 'uploadId', header: 'Upload ID', meta: { isMono: true, width: 260 } }),
  ];

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        icon={<ListRestart />}
        title="Unfinished uploads"
        count={list.count}
        description={`Multipart uploads to s3://${bucket} that were never completed or aborted. Their parts are stored (and billed) but invisible in the bucket.`}
        actions={
          <>
            <RefreshButton {...list.refresh} />
            <Button
              variant="danger"
              icon={<Trash2 aria-hidden />}
              disabledReason={denied ?? (selected.length === 0 ? 'Select uploads to abort' : undefined)}
              onClick={() => setConfirmOpen(true)}
            >
              Abort
            </Button>
          </>
        }
      />
      <ResourceTable
        label="Unfinished uploads"
        columns={columns}
        {...list.table}
        getRowId={(u) => u.uploadId}
        getRowLabel={(u) => u.key}
        selection={selection}
        onSelectionChange={setSelection}
        storageKey="s3-multipart"
      />
      <ConfirmDialog
        open={isConfirmOpen}
        onOpenChange={setConfirmOpen}
        verb="Abort"
        noun={{ one: 'upload', other: 'uploads' }}
        names={selected.map((u) => u.key)}
        consequence="Their uploaded parts are deleted; the files must be uploaded again from the start."
        onConfirm={() => {
          startTask({
            title: (us) => (us.length === 1 ? `Abort the upload of ${us[0]?.key ?? ''}` : `Abort ${us.length} uploads`),
            items: selected,
            label: (u) => `${u.key} (${u.uploadId})`,
            describe: (u) => `abort the upload of ${u.key}`,
            action: 's3:AbortMultipartUpload',
            each: (u, signal) => abortMultipartUpload({ region, bucket, key: u.key, uploadId: u.uploadId }, signal),
            invalidates: [s3Keys.uploads(region, bucket)],
          });
          setSelection({});
          setConfirmOpen(false);
        }}
      />
    </div>
  );
}

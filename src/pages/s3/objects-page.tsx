import { useQuery } from '@tanstack/react-query';
import { ArrowLeft, Download, FileUp, FolderPlus, FolderUp, Link2, ListRestart, Trash2, Upload } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { S3Entry } from '../../aws/s3/api';
import { useCreateFolder } from '../../aws/s3/mutations';
import { presignGet, presignUploadLink } from '../../aws/s3/presign';
import { s3Queries } from '../../aws/s3/queries';
import { failureMessage } from '../../aws/mutation';
import { toAppError } from '../../aws/errors';
import { routes } from '../../app/routes';
import { useConsoleSession } from '../../app/session-context';
import { useDeniedReason } from '../../app/use-permission';
import { useLinkTo, useRegion } from '../../app/use-region';
import { useResourceList } from '../../app/use-resource-list';
import { useSearchState } from '../../app/use-search-state';
import { formatCountOf, formatNumber, pluralize } from '../../components/format';
import { ResourceTable } from '../../components/resource-table/resource-table';
import { CreateFolderDialog } from '../../components/s3/create-folder-dialog';
import { filesFromList, type PickedFile } from '../../components/s3/picked-files';
import { ShareLinkDialog } from '../../components/s3/share-link-dialog';
import { UploadDropZone } from '../../components/s3/upload-drop-zone';
import { UploadLinkDialog } from '../../components/s3/upload-link-dialog';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { Checkbox } from '../../components/ui/field';
import { FilterBar } from '../../components/ui/filter-bar';
import { ActionsMenu } from '../../components/ui/menu';
import { ErrorNote } from '../../components/ui/error-note';
import { PageHeader } from '../../components/ui/page-header';
import { RefreshButton } from '../../components/ui/refresh-button';
import { COUNT_LIMIT, countTargets, deleteResource, startDelete, type DeleteOutcome } from './deletes';
import { ObjectDetailsPanel } from './object-details-panel';
import { objectColumns } from './object-columns';
import { findExisting, planUploads, startUploads, uploadResource, type PlannedUpload } from './uploads';

/** A folder prefix as S3 keys write it: "" or ending in "/". */
const asFolder = (p: string | undefined) => (!p ? '' : p.endsWith('/') ? p : `${p}/`);
const lastLevel = (key: string, folder: string) => (key.startsWith(folder) ? key.slice(folder.length) : key);

interface PendingDelete {
  keys: string[];
  folders: string[];
}

export default function ObjectsPage() {
  const { bucket = '' } = useParams();
  const region = useRegion();
  const linkTo = useLinkTo();
  const session = useConsoleSession();
  const navigate = useNavigate();
  const [url, setUrl] = useSearchState(['prefix', 'search', 'object']);
  const folder = asFolder(url.prefix);
  const search = url.search ?? '';
  const openKey = url.object;

  const list = useResourceList(s3Queries.objects(region, bucket, folder, search), { firstDataMark: 'objects' });
  // A bucket that is not there offers nothing to do but the error (and Refresh, once it is made).
  const isMissing =
    list.rows.length === 0 && list.query.error !== null && toAppError(list.query.error).kind === 'not-found';
  const rows = useMemo(
    // Folders first across pages too (each page lists its folders first).
    () => [...list.rows.filter((e) => e.kind === 'folder'), ...list.rows.filter((e) => e.kind === 'object')],
    [list.rows],
  );

  const [selection, setSelection] = useState<Record<string, boolean>>({});
  const [isSse, setSse] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const [pendingUpload, setPendingUpload] = useState<{ planned: PlannedUpload[]; existing: string[] } | undefined>();
  const [isChecking, setChecking] = useState(false);
  const [isFolderOpen, setFolderOpen] = useState(false);
  const [shareKey, setShareKey] = useState<string | undefined>();
  const [isUploadLinkOpen, setUploadLinkOpen] = useState(false);
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | undefined>();
  const [counted, setCounted] = useState(0);
  const [isDownloading, setDownloading] = useState(false);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const target = { region, bucket, folder };
  const uploadDenied = useDeniedReason('s3:PutObject', uploadResource(target));
  const deleteDenied = useDeniedReason('s3:DeleteObject', deleteResource(bucket, folder));
  const createFolder = useCreateFolder(region, bucket);

  const selected = rows.filter((e) => selection[e.key]);
  const selectedObjects = selected.filter((e) => e.kind === 'object');
  const single = selected.length === 1 && selected[0]?.kind === 'object' ? selected[0].key : undefined;

  // Counting what a recursive delete will remove, for the confirm.
  // setCounted is a state setter (stable): only the progress display, not the result, depends on it.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  const count = useQuery({
    queryKey: ['aws', region, 's3', 'bucket', bucket, 'delete-count', folder, pendingDelete],
    queryFn: ({ signal }) =>
      countTargets(
        { region, bucket, folder, keys: pendingDelete?.keys ?? [], folders: pendingDelete?.folders ?? [] },
        setCounted,
        signal,
      ),
    enabled: pendingDelete !== undefined && pendingDelete.folders.length > 0,
    staleTime: 0,
    gcTime: 0,
    retry: false,
    meta: { isSilent: true },
  });

  const folderHref = (prefix: string) => linkTo(routes.bucket, { bucket }, { prefix });
  const columns = useMemo(
    () => objectColumns({ folderHref, onOpenObject: (key) => setUrl({ object: key }) }),
    // folderHref depends on the bucket and the region (linkTo) only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [bucket, linkTo, setUrl],
  );

  // Closing the panel gives focus back to the name that opened it, once the list shows again (phones).
  const focusAfterClose = useRef<string | undefined>(undefined);
  function closeDetails(key: string) {
    focusAfterClose.current = key;
    setUrl({ object: undefined });
  }
  useEffect(() => {
    const key = focusAfterClose.current;
    if (openKey !== undefined || key === undefined) return;
    focusAfterClose.current = undefined;
    const names = document.querySelectorAll<HTMLElement>('[data-object-key]');
    Array.from(names)
      .find((el) => el.dataset.objectKey === key)
      ?.focus();
  }, [openKey]);

  async function receiveFiles(files: PickedFile[]) {
    if (files.length === 0) return;
    setFailure(undefined);
    const planned = planUploads(target, files);
    setChecking(true);
    try {
      const existing = await findExisting(target, planned);
      if (existing.length > 0) setPendingUpload({ planned, existing });
      else startUploads(session, target, planned, uploadOptions());
    } catch (e) {
      setFailure(failureMessage(`check for existing objects in ${folder || 'the bucket'}`, e));
    } finally {
      setChecking(false);
    }
  }

  function uploadOptions() {
    return { ...(isSse ? { serverSideEncryption: 'AES256' as const } : {}), onFailure: setFailure };
  }

  async function download(key: string) {
    setDownloading(true);
    try {
      const { url: link } = await presignGet({ region, bucket, key, expiresIn: 300, asAttachment: true });
      const a = document.createElement('a');
      a.href = link;
      a.rel = 'noopener';
      document.body.appendChild(a);
      a.click();
      a.remove();
    } catch (e) {
      setFailure(failureMessage(`download ${key}`, e));
    } finally {
      setDownloading(false);
    }
  }

  function askDelete(entries: S3Entry[]) {
    setCounted(0);
    setPendingDelete({
      keys: entries.filter((e) => e.kind === 'object').map((e) => e.key),
      folders: entries.filter((e) => e.kind === 'folder').map((e) => e.key),
    });
  }

  function onDeleteDone(outcome: DeleteOutcome) {
    setSelection({});
    if (outcome.error) setFailure(outcome.error);
    else if (outcome.failed > 0)
      setFailure(
        `${formatNumber(outcome.failed)} of ${formatCountOf(outcome.deleted + outcome.failed, 'object')} ${outcome.failed === 1 ? 'was' : 'were'} not deleted. ${outcome.failures.join('. ')}`,
      );
  }

  const hasFolders = (pendingDelete?.folders.length ?? 0) > 0;
  const deleteCount = hasFolders ? (count.data?.count ?? counted) : (pendingDelete?.keys.length ?? 0);
  const isCounting = hasFolders && count.isFetching;
  const countText = count.data?.isCapped ? `more than ${formatNumber(COUNT_LIMIT)}` : formatNumber(deleteCount);
  // Objects picked beside the folders are counted too: say so, or the count looks wrong.
  const selectedKeys = pendingDelete?.keys.length ?? 0;
  const selectedKeysText = selectedKeys > 0 ? `, with ${formatCountOf(selectedKeys, 'selected object')}` : '';
  const deleteNames = pendingDelete
    ? [...pendingDelete.folders, ...pendingDelete.keys].map((k) => lastLevel(k, folder))
    : [];

  const openEntry = openKey !== undefined ? { key: openKey, name: lastLevel(openKey, folder) } : undefined;
  const title = folder ? lastLevel(folder, folder.replace(/[^/]*\/$/, '')) : bucket;
  const uploadTargetText = `s3://${bucket}/${folder}`;

  const table = (
    <ResourceTable
      label="Objects"
      columns={columns}
      {...list.table}
      rows={rows}
      getRowId={(e) => e.key}
      getRowLabel={(e) => e.name}
      selection={selection}
      onSelectionChange={setSelection}
      storageKey="s3-objects"
      onRowOpen={(e) =>
        e.kind === 'folder'
          ? setUrl({ prefix: e.key, search: undefined, object: undefined })
          : setUrl({ object: e.key })
      }
      empty={
        <EmptyState
          icon={<Upload />}
          title={
            search ? `No keys in ${folder || 'the bucket'} start with "${search}"` : `No objects in ${folder || bucket}`
          }
          description={
            search
              ? 'The search matches the start of the key, case-sensitively.'
              : 'Upload files, or drop files and folders here.'
          }
          action={
            search ? undefined : (
              <Button
                variant="primary"
                icon={<FileUp aria-hidden />}
                disabledReason={uploadDenied}
                onClick={() => filesInput.current?.click()}
              >
                Upload files
              </Button>
            )
          }
        />
      }
      toolbar={
        <>
          <h2 className="mr-auto text-sm font-semibold">
            Objects
            {list.count !== undefined && (
              <span className="ml-1 font-normal text-muted tabular-nums">({list.count})</span>
            )}
          </h2>
          {!isMissing && (
            <Checkbox
              label="Encrypt uploads with SSE-S3 (AES256)"
              checked={isSse}
              onChange={setSse}
              className="text-xs"
            />
          )}
        </>
      }
    />
  );

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={<span className="break-all">{title}</span>}
        description={`s3://${bucket}/${folder}`}
        actions={
          <>
            <RefreshButton {...list.refresh} />
            {!isMissing && (
              <>
                <ActionsMenu
                  items={[
                    {
                      label: 'Create folder',
                      icon: <FolderPlus aria-hidden />,
                      onSelect: () => setFolderOpen(true),
                      ...(uploadDenied ? { disabledReason: uploadDenied } : {}),
                    },
                    {
                      label: 'Download',
                      icon: <Download aria-hidden />,
                      onSelect: () => single && void download(single),
                      ...(single ? {} : { disabledReason: 'Select one object' }),
                    },
                    {
                      label: 'Copy link',
                      icon: <Link2 aria-hidden />,
                      onSelect: () => setShareKey(single),
                      ...(single ? {} : { disabledReason: 'Select one object' }),
                    },
                    {
                      label: 'Create upload link',
                      icon: <Upload aria-hidden />,
                      onSelect: () => setUploadLinkOpen(true),
                      // A link signed by a role that may not upload is dead on arrival.
                      ...(uploadDenied ? { disabledReason: uploadDenied } : {}),
                    },
                    {
                      label: 'Unfinished uploads',
                      icon: <ListRestart aria-hidden />,
                      onSelect: () => void navigate(linkTo(routes.bucketUploads, { bucket })),
                    },
                    {
                      label: selected.length > 0 ? `Delete ${formatNumber(selected.length)} selected` : 'Delete',
                      icon: <Trash2 aria-hidden />,
                      isDestructive: true,
                      separatorBefore: true,
                      onSelect: () => askDelete(selected),
                      ...(deleteDenied
                        ? { disabledReason: deleteDenied }
                        : selected.length === 0
                          ? { disabledReason: 'Select objects or folders' }
                          : {}),
                    },
                  ]}
                />
                <ActionsMenu
                  label="Upload"
                  triggerVariant="primary"
                  {...(uploadDenied ? { disabledReason: uploadDenied } : {})}
                  items={[
                    { label: 'Files…', icon: <FileUp aria-hidden />, onSelect: () => filesInput.current?.click() },
                    { label: 'Folder…', icon: <FolderUp aria-hidden />, onSelect: () => folderInput.current?.click() },
                  ]}
                />
              </>
            )}
          </>
        }
      />
      <input
        ref={filesInput}
        type="file"
        multiple
        hidden
        aria-label="Choose files to upload"
        onChange={(e) => {
          const list = e.currentTarget.files;
          if (list) void receiveFiles(filesFromList(list));
          e.currentTarget.value = '';
        }}
      />
      <input
        ref={(el) => {
          folderInput.current = el;
          // Not in React's types: the folder picker, whose files carry webkitRelativePath.
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        aria-label="Choose a folder to upload"
        onChange={(e) => {
          const list = e.currentTarget.files;
          if (list) void receiveFiles(filesFromList(list));
          e.currentTarget.value = '';
        }}
      />
      {failure && <ErrorNote onDismiss={() => setFailure(undefined)}>{failure}</ErrorNote>}
      {isChecking && (
        <p role="status" className="text-sm text-muted">
          Checking for objects the upload would replace…
        </p>
      )}
      {!isMissing && (
        <FilterBar
          label="Find objects by key prefix"
          placeholder={`Key prefix in ${folder || bucket}`}
          value={search}
          onSubmit={(v) => setUrl({ search: v, object: undefined }, { replace: true })}
          chips={
            search
              ? [{ label: `Key starts with "${folder}${search}"`, onRemove: () => setUrl({ search: undefined }) }]
              : []
          }
        />
      )}
      <UploadDropZone
        target={uploadTargetText}
        onFiles={(files) => void receiveFiles(files)}
        onError={setFailure}
        {...(isMissing
          ? { disabledReason: `Bucket ${bucket} does not exist` }
          : uploadDenied
            ? { disabledReason: uploadDenied }
            : {})}
      >
        <div className={openEntry ? 'grid min-w-0 gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]' : 'min-w-0'}>
          <div className={openEntry ? 'hidden min-w-0 lg:block' : 'min-w-0'}>{table}</div>
          {openEntry && (
            <div className="flex min-w-0 flex-col gap-2">
              <Button
                size="sm"
                variant="ghost"
                className="self-start lg:hidden"
                icon={<ArrowLeft aria-hidden />}
                onClick={() => closeDetails(openEntry.key)}
              >
                Back to the list
              </Button>
              <ObjectDetailsPanel
                key={openEntry.key}
                region={region}
                bucket={bucket}
                objectKey={openEntry.key}
                name={openEntry.name}
                onClose={() => closeDetails(openEntry.key)}
                onDownload={() => void download(openEntry.key)}
                isDownloading={isDownloading}
                onShare={() => setShareKey(openEntry.key)}
                onDelete={() => {
                  const entry = rows.find((r) => r.key === openEntry.key);
                  askDelete(entry ? [entry] : [{ kind: 'object', key: openEntry.key, name: openEntry.name, size: 0 }]);
                }}
                {...(deleteDenied ? { deleteDisabledReason: deleteDenied } : {})}
              />
            </div>
          )}
        </div>
      </UploadDropZone>

      <ConfirmDialog
        open={pendingUpload !== undefined}
        onOpenChange={(open) => {
          if (!open) setPendingUpload(undefined);
        }}
        verb="Replace"
        noun={{ one: 'object', other: 'objects' }}
        names={pendingUpload?.existing.map((k) => lastLevel(k, folder)) ?? []}
        title={
          pendingUpload ? `Replace ${formatCountOf(pendingUpload.existing.length, 'existing object')}?` : undefined
        }
        consequence={
          pendingUpload
            ? `${formatCountOf(pendingUpload.planned.length, 'file')} to upload; these keys already exist and would be overwritten (unless the bucket keeps versions, the old content is lost).`
            : undefined
        }
        confirmLabel="Replace and upload"
        tone="primary"
        onConfirm={() => {
          if (pendingUpload) startUploads(session, target, pendingUpload.planned, uploadOptions());
          setPendingUpload(undefined);
        }}
      />

      <ConfirmDialog
        open={pendingDelete !== undefined}
        onOpenChange={(open) => {
          if (!open) setPendingDelete(undefined);
        }}
        verb="Delete"
        noun={{ one: 'object', other: 'objects' }}
        names={deleteNames}
        title={
          isCounting
            ? `Delete ${deleteNames.length === 1 ? deleteNames[0] : formatCountOf(deleteNames.length, 'item')}? Counting objects… ${formatNumber(counted)} so far`
            : `Delete ${countText} ${pluralize(deleteCount, 'object')}?`
        }
        consequence={
          hasFolders
            ? `Everything under ${pendingDelete?.folders.length === 1 ? pendingDelete.folders[0] : 'these folders'} is deleted${selectedKeysText}: ${countText} ${pluralize(deleteCount, 'object')}${selectedKeys > 0 ? ' in all' : ''}. This cannot be undone.`
            : 'This cannot be undone.'
        }
        {...(hasFolders ? { confirmText: 'permanently delete' } : {})}
        confirmLabel={isCounting ? 'Counting…' : `Delete ${countText} ${pluralize(deleteCount, 'object')}`}
        isPending={isCounting}
        {...(count.error ? { error: failureMessage('count the objects to delete', count.error) } : {})}
        onConfirm={() => {
          if (!pendingDelete || isCounting) return;
          setFailure(undefined);
          startDelete(session, { region, bucket, folder, ...pendingDelete }, deleteCount, onDeleteDone);
          if (openKey && pendingDelete.keys.includes(openKey)) setUrl({ object: undefined });
          setPendingDelete(undefined);
        }}
      />

      <CreateFolderDialog
        open={isFolderOpen}
        onOpenChange={(open) => {
          setFolderOpen(open);
          if (!open) createFolder.reset();
        }}
        parent={folder}
        isPending={createFolder.isPending}
        {...(createFolder.failure ? { error: createFolder.failure } : {})}
        onCreate={async (name) => {
          await createFolder.mutateAsync({ key: `${folder}${name}/` });
          setFolderOpen(false);
        }}
      />

      <ShareLinkDialog
        open={shareKey !== undefined}
        onOpenChange={(open) => {
          if (!open) setShareKey(undefined);
        }}
        name={shareKey ? lastLevel(shareKey, folder) : ''}
        onGenerate={(seconds) => presignGet({ region, bucket, key: shareKey ?? '', expiresIn: seconds })}
      />

      <UploadLinkDialog
        open={isUploadLinkOpen}
        onOpenChange={setUploadLinkOpen}
        bucket={bucket}
        defaultPrefix={folder}
        onGenerate={(input) => presignUploadLink({ region, bucket, ...input })}
      />
      {selectedObjects.length > 0 && (
        <span className="sr-only">{formatCountOf(selectedObjects.length, 'object')} selected</span>
      )}
    </div>
  );
}

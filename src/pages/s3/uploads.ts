import { listKeys, objectExists } from '../../aws/s3/api';
import { refreshListings } from '../../aws/s3/queries';
import { uploadObject } from '../../aws/s3/transfer';
import { failureMessage } from '../../aws/mutation';
import { startAwsTask } from '../../app/aws-task';
import type { ConsoleSession } from '../../app/console-session';
import type { PickedFile } from '../../components/s3/picked-files';

export interface UploadTarget {
  region: string;
  bucket: string;
  /** The folder the files go into ("photos/" or ""). */
  folder: string;
}

export interface PlannedUpload {
  file: File;
  key: string;
}

export const UPLOAD_QUEUE = 'uploads';
/**
 * Files uploading at once: as many as Chromium opens connections to one host, so small files fill them all
 * (1,000 small files: 135 -> 160 files/s against 4). A large file also sends 6 parts at a time (transfer.ts).
 */
const FILES_IN_FLIGHT = 6;

/** Where each picked file lands: the folder plus its relative path (folders keep their tree). */
export function planUploads(target: UploadTarget, files: PickedFile[]): PlannedUpload[] {
  return files.map(({ file, path }) => ({ file, key: target.folder + path.replace(/^\/+/, '') }));
}

/** The resource a denied upload is remembered for: the folder, so the button is disabled there. */
export const uploadResource = (t: UploadTarget) => `arn:aws:s3:::${t.bucket}/${t.folder}*`;

/**
 * Keys that already exist: HeadObject for a few loose files, one listing per dropped folder (a folder of
 * 1,000 files costs one or two ListObjectsV2 calls, not 1,000 HEADs).
 */
export async function findExisting(
  target: UploadTarget,
  planned: PlannedUpload[],
  signal?: AbortSignal,
): Promise<string[]> {
  const wanted = new Set(planned.map((p) => p.key));
  const loose: string[] = [];
  const folders = new Set<string>();
  for (const { key } of planned) {
    const rest = key.slice(target.folder.length);
    const slash = rest.indexOf('/');
    if (slash < 0) loose.push(key);
    else folders.add(target.folder + rest.slice(0, slash + 1));
  }
  // Many loose files: one listing of the folder beats a HEAD each.
  if (loose.length > 20) {
    folders.add(target.folder);
    loose.length = 0;
  }
  const found = new Set<string>();
  const { region, bucket } = target;
  await Promise.all([
    ...loose.map(async (key) => {
      if (await objectExists({ region, bucket, key }, signal)) found.add(key);
    }),
    ...[...folders].map(async (prefix) => {
      let token: string | undefined;
      do {
        const page = await listKeys({ region, bucket, prefix, ...(token ? { token } : {}) }, signal);
        for (const k of page.items) if (wanted.has(k)) found.add(k);
        token = page.nextToken;
      } while (token);
    }),
  ]);
  return planned.map((p) => p.key).filter((k) => found.has(k));
}

let groups = 0;

export interface StartUploadsOptions {
  serverSideEncryption?: 'AES256';
  /** Called with the sentence for a failed file ("Could not upload a.txt: your role does not allow …"). */
  onFailure?: (message: string) => void;
}

/**
 * One TaskTray task per file, grouped per drop, in the global upload queue: uploads go on while the user
 * browses elsewhere. Listings of the bucket refresh (first page only) as files land.
 */
export function startUploads(
  session: ConsoleSession,
  target: UploadTarget,
  planned: PlannedUpload[],
  options: StartUploadsOptions = {},
): string {
  const n = planned.length;
  // The tray shows the group's name: it says what the drop was, and the number keeps drops apart.
  const group = `Upload #${++groups}: ${n} ${n === 1 ? 'file' : 'files'} to s3://${target.bucket}/${target.folder}`;
  const { queryClient } = session;
  session.tasks.setConcurrency(UPLOAD_QUEUE, FILES_IN_FLIGHT);
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      void refreshListings(queryClient, target.region, target.bucket);
    }, 400);
  };
  for (const { file, key } of planned) {
    // A failed file's task offers Retry in the tray (the whole file again; no parts are left behind).
    startAwsTask(session, {
      title: key.slice(target.folder.length) || key,
      detail: `to s3://${target.bucket}/${target.folder}`,
      items: [key],
      label: (k) => k,
      unit: 'bytes',
      total: file.size,
      group,
      queue: UPLOAD_QUEUE,
      run: async (_keys, ctx) => {
        try {
          await uploadObject(
            {
              region: target.region,
              bucket: target.bucket,
              key,
              body: file,
              ...(file.type ? { contentType: file.type } : {}),
              ...(options.serverSideEncryption ? { serverSideEncryption: options.serverSideEncryption } : {}),
            },
            { signal: ctx.signal, onProgress: (loaded) => ctx.progress(loaded, file.size) },
          );
          refreshSoon();
        } catch (e) {
          if (ctx.signal.aborted) throw e;
          if (session.aws.denied.recordError(e, 's3:PutObject', `arn:aws:s3:::${target.bucket}/${key}`))
            session.aws.denied.markDenied('s3:PutObject', uploadResource(target));
          const message = failureMessage(`upload ${key}`, e);
          options.onFailure?.(message);
          throw new Error(message, { cause: e });
        }
      },
    });
  }
  return group;
}

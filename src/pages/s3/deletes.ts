import { deleteObjectBatch, listKeys } from '../../aws/s3/api';
import { refreshListings } from '../../aws/s3/queries';
import { failureMessage } from '../../aws/mutation';
import { formatCountOf, formatNumber } from '../../components/format';
import { startAwsTask } from '../../app/aws-task';
import type { ConsoleSession } from '../../app/console-session';

export interface DeleteTarget {
  region: string;
  bucket: string;
  /** Objects picked one by one. */
  keys: string[];
  /** Folders, deleted with everything under them. */
  folders: string[];
  /** The folder on screen: a refusal disables Delete there. */
  folder: string;
}

/** The resource a refused delete is remembered for. */
export const deleteResource = (bucket: string, folder: string) => `arn:aws:s3:::${bucket}/${folder}*`;

/** Counting stops here: the confirm then says "more than 100,000". */
export const COUNT_LIMIT = 100_000;

/** How many objects a delete would remove (listing each folder, up to COUNT_LIMIT). */
export async function countTargets(
  t: DeleteTarget,
  onProgress: (n: number) => void,
  signal?: AbortSignal,
): Promise<{ count: number; isCapped: boolean }> {
  let count = t.keys.length;
  for (const prefix of t.folders) {
    let token: string | undefined;
    do {
      const page = await listKeys({ region: t.region, bucket: t.bucket, prefix, ...(token ? { token } : {}) }, signal);
      count += page.items.length;
      onProgress(count);
      if (count >= COUNT_LIMIT) return { count, isCapped: true };
      token = page.nextToken;
    } while (token);
  }
  return { count, isCapped: false };
}

export interface DeleteOutcome {
  deleted: number;
  failed: number;
  /** The first refusals, as sentences. */
  failures: string[];
  /** Set when the run stopped early: what went wrong and what was and was not done. */
  error?: string;
}

/**
 * Delete in the TaskTray: the picked keys, then each folder page by page (list 1,000, DeleteObjects
 * 1,000), so a folder of any size never sits in memory. Keys S3 refuses are reported per key.
 */
export function startDelete(
  session: ConsoleSession,
  t: DeleteTarget,
  expected: number,
  onDone: (outcome: DeleteOutcome) => void,
): void {
  const what =
    t.folders.length === 1 && t.keys.length === 0 ? `folder ${t.folders[0]}` : formatCountOf(expected, 'object');
  const { queryClient } = session;
  startAwsTask(session, {
    title: (items) =>
      items.length === t.keys.length + t.folders.length
        ? `Delete ${what}`
        : `Delete ${formatCountOf(items.length, 'object')}`,
    detail: `in s3://${t.bucket}`,
    // Keys, then folders (ending in /); a retry of failures gets the keys S3 refused.
    items: [...t.keys, ...t.folders],
    label: (key) => key,
    fromLabel: (key) => key,
    total: expected,
    run: async (items, ctx) => {
      const keys = items.filter((k) => !t.folders.includes(k));
      const folders = items.filter((k) => t.folders.includes(k));
      let deleted = 0;
      let failed = 0;
      const failures: string[] = [];
      const batch = async (keys: string[]) => {
        const result = await deleteObjectBatch({ region: t.region, bucket: t.bucket, keys }, ctx.signal);
        deleted += result.deleted;
        failed += result.errors.length;
        for (const e of result.errors) {
          const arn = `arn:aws:s3:::${t.bucket}/${e.key}`;
          // DeleteObjects reports a refusal per key without naming the action: it is s3:DeleteObject.
          const message =
            e.code === 'AccessDenied'
              ? `Your role does not allow s3:DeleteObject on ${arn}`
              : `${e.code}: ${e.message}`;
          if (e.code === 'AccessDenied')
            session.aws.denied.markDenied('s3:DeleteObject', deleteResource(t.bucket, t.folder));
          if (failures.length < 5) failures.push(message);
          ctx.failed(e.key, message);
        }
        ctx.progress(deleted + failed, Math.max(expected, deleted + failed));
      };
      try {
        for (let i = 0; i < keys.length; i += 1000) await batch(keys.slice(i, i + 1000));
        for (const prefix of folders) {
          let token: string | undefined;
          do {
            const page = await listKeys(
              { region: t.region, bucket: t.bucket, prefix, ...(token ? { token } : {}) },
              ctx.signal,
            );
            await batch(page.items);
            token = page.nextToken;
          } while (token);
        }
        onDone({ deleted, failed, failures });
      } catch (e) {
        session.aws.denied.recordError(e, 's3:DeleteObject');
        const reason = failureMessage(`delete ${what}`, e);
        const done = `${formatNumber(deleted)} deleted before it stopped`;
        const rest = ctx.signal.aborted ? 'the rest were kept' : 'nothing else was deleted; the rest are still there';
        const error = `${reason}. ${done}; ${rest}.`;
        onDone({ deleted, failed, failures, ...(ctx.signal.aborted ? {} : { error }) });
        throw new Error(error, { cause: e });
      } finally {
        await refreshListings(queryClient, t.region, t.bucket);
      }
    },
  });
}

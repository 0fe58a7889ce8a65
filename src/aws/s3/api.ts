import { pageOf, type Page } from '../paging';
import { send } from '../send';

export interface BucketSummary {
  name: string;
  createdAt?: Date;
  /** From ListBuckets where AWS includes it (BucketRegion); otherwise ask GetBucketLocation. */
  region?: string;
}

export async function listBuckets(
  params: { region: string; token?: string | undefined },
  signal?: AbortSignal,
): Promise<Page<BucketSummary>> {
  const out = await send(
    's3',
    params.region,
    (s3) => new s3.ListBucketsCommand(params.token ? { ContinuationToken: params.token } : {}),
    signal,
  );
  const items = (out.Buckets ?? []).flatMap((b) =>
    b.Name
      ? [
          {
            name: b.Name,
            ...(b.CreationDate ? { createdAt: b.CreationDate } : {}),
            ...(b.BucketRegion ? { region: b.BucketRegion } : {}),
          },
        ]
      : [],
  );
  return pageOf(items, out.ContinuationToken);
}

export interface BucketParams {
  region: string;
  bucket: string;
}

/** GetBucketLocation's constraint as a region: empty means us-east-1, the legacy "EU" eu-west-1. */
export function regionOfConstraint(constraint: string | undefined): string {
  if (!constraint) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}

export async function getBucketRegion(params: BucketParams, signal?: AbortSignal): Promise<string> {
  const out = await send(
    's3',
    params.region,
    (s3) => new s3.GetBucketLocationCommand({ Bucket: params.bucket }),
    signal,
  );
  return regionOfConstraint(out.LocationConstraint);
}

export async function createBucket(params: BucketParams, signal?: AbortSignal): Promise<void> {
  await send(
    's3',
    params.region,
    (s3) =>
      new s3.CreateBucketCommand({
        Bucket: params.bucket,
        // us-east-1 is the one region that takes no constraint (and refuses one).
        ...(params.region === 'us-east-1'
          ? {}
          : { CreateBucketConfiguration: { LocationConstraint: params.region as 'eu-west-1' } }),
      }),
    signal,
  );
}

export async function deleteBucket(params: BucketParams, signal?: AbortSignal): Promise<void> {
  await send('s3', params.region, (s3) => new s3.DeleteBucketCommand({ Bucket: params.bucket }), signal);
}

export interface S3Folder {
  kind: 'folder';
  /** The full prefix, ending in "/". */
  key: string;
  /** The last level, with its "/". */
  name: string;
}

export interface S3ObjectSummary {
  kind: 'object';
  key: string;
  /** The key after the listed prefix. */
  name: string;
  size: number;
  lastModified?: Date;
  etag?: string;
  storageClass?: string;
}

export type S3Entry = S3Folder | S3ObjectSummary;

export interface ListObjectsParams extends BucketParams {
  /** The folder being browsed ("photos/2024/"), plus any search text typed after it. */
  prefix: string;
  /** The folder level names are shown relative to (defaults to `prefix`). */
  folder?: string;
  token?: string;
  maxKeys?: number;
}

/** One page (up to 1,000) of a folder: sub-folders (CommonPrefixes) first, then objects, each in key order. */
export async function listObjects(params: ListObjectsParams, signal?: AbortSignal): Promise<Page<S3Entry>> {
  const out = await send(
    's3',
    params.region,
    (s3) =>
      new s3.ListObjectsV2Command({
        Bucket: params.bucket,
        Prefix: params.prefix || undefined,
        Delimiter: '/',
        ContinuationToken: params.token,
        MaxKeys: params.maxKeys,
      }),
    signal,
  );
  const folder = params.folder ?? params.prefix;
  const relative = (key: string) => (key.startsWith(folder) ? key.slice(folder.length) : key);
  const folders: S3Entry[] = (out.CommonPrefixes ?? []).flatMap((p) =>
    p.Prefix ? [{ kind: 'folder' as const, key: p.Prefix, name: relative(p.Prefix) }] : [],
  );
  const objects: S3Entry[] = (out.Contents ?? []).flatMap((o) =>
    // The folder's own marker object ("photos/") is the folder, not an entry in it.
    o.Key && o.Key !== folder
      ? [
          {
            kind: 'object' as const,
            key: o.Key,
            name: relative(o.Key),
            size: o.Size ?? 0,
            ...(o.LastModified ? { lastModified: o.LastModified } : {}),
            ...(o.ETag ? { etag: o.ETag } : {}),
            ...(o.StorageClass ? { storageClass: o.StorageClass } : {}),
          },
        ]
      : [],
  );
  return pageOf([...folders, ...objects], out.IsTruncated ? out.NextContinuationToken : undefined);
}

/** Every key under a prefix (no delimiter), one page at a time: for recursive deletes and counts. */
export async function listKeys(
  params: BucketParams & { prefix: string; token?: string },
  signal?: AbortSignal,
): Promise<Page<string>> {
  const out = await send(
    's3',
    params.region,
    (s3) =>
      new s3.ListObjectsV2Command({
        Bucket: params.bucket,
        Prefix: params.prefix || undefined,
        ContinuationToken: params.token,
      }),
    signal,
  );
  const keys = (out.Contents ?? []).flatMap((o) => (o.Key !== undefined ? [o.Key] : []));
  return pageOf(keys, out.IsTruncated ? out.NextContinuationToken : undefined);
}

export interface ObjectParams extends BucketParams {
  key: string;
}

export interface ObjectDetails {
  key: string;
  size: number;
  contentType?: string;
  lastModified?: Date;
  etag?: string;
  /** HeadObject omits STANDARD. */
  storageClass: string;
  serverSideEncryption?: string;
  kmsKeyId?: string;
  metadata: Record<string, string>;
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
}

export async function headObject(params: ObjectParams, signal?: AbortSignal): Promise<ObjectDetails> {
  const out = await send(
    's3',
    params.region,
    (s3) => new s3.HeadObjectCommand({ Bucket: params.bucket, Key: params.key }),
    signal,
  );
  return {
    key: params.key,
    size: out.ContentLength ?? 0,
    storageClass: out.StorageClass ?? 'STANDARD',
    metadata: out.Metadata ?? {},
    ...(out.ContentType ? { contentType: out.ContentType } : {}),
    ...(out.LastModified ? { lastModified: out.LastModified } : {}),
    ...(out.ETag ? { etag: out.ETag } : {}),
    ...(out.ServerSideEncryption ? { serverSideEncryption: out.ServerSideEncryption } : {}),
    ...(out.SSEKMSKeyId ? { kmsKeyId: out.SSEKMSKeyId } : {}),
    ...(out.CacheControl ? { cacheControl: out.CacheControl } : {}),
    ...(out.ContentDisposition ? { contentDisposition: out.ContentDisposition } : {}),
    ...(out.ContentEncoding ? { contentEncoding: out.ContentEncoding } : {}),
  };
}

/** Whether a key exists (HeadObject; 404 is "no"). Other errors are thrown. */
export async function objectExists(params: ObjectParams, signal?: AbortSignal): Promise<boolean> {
  try {
    await send(
      's3',
      params.region,
      (s3) => new s3.HeadObjectCommand({ Bucket: params.bucket, Key: params.key }),
      signal,
    );
    return true;
  } catch (e) {
    const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404) return false;
    throw e;
  }
}

/** The first `maxBytes` of an object as text (a preview never downloads a whole large object). */
export async function getObjectText(
  params: ObjectParams & { maxBytes: number },
  signal?: AbortSignal,
): Promise<{ text: string; isTruncated: boolean }> {
  const out = await send(
    's3',
    params.region,
    (s3) =>
      new s3.GetObjectCommand({ Bucket: params.bucket, Key: params.key, Range: `bytes=0-${params.maxBytes - 1}` }),
    signal,
  );
  const text = (await out.Body?.transformToString('utf-8')) ?? '';
  const total = /\/(\d+)$/.exec(out.ContentRange ?? '')?.[1];
  return { text, isTruncated: total !== undefined && Number(total) > params.maxBytes };
}

/** A folder is a zero-byte object whose key ends in "/", as the AWS console makes them. */
export async function createFolder(params: ObjectParams, signal?: AbortSignal): Promise<void> {
  const key = params.key.endsWith('/') ? params.key : `${params.key}/`;
  await send(
    's3',
    params.region,
    (s3) => new s3.PutObjectCommand({ Bucket: params.bucket, Key: key, Body: '' }),
    signal,
  );
}

export interface DeleteFailure {
  key: string;
  code: string;
  message: string;
}

export interface DeleteResult {
  deleted: number;
  errors: DeleteFailure[];
}

/** DeleteObjects for up to 1,000 keys; keys S3 refused come back in `errors` (the call itself succeeded). */
export async function deleteObjectBatch(
  params: BucketParams & { keys: string[] },
  signal?: AbortSignal,
): Promise<DeleteResult> {
  if (params.keys.length === 0) return { deleted: 0, errors: [] };
  if (params.keys.length > 1000) throw new Error('DeleteObjects takes at most 1,000 keys');
  const out = await send(
    's3',
    params.region,
    (s3) =>
      new s3.DeleteObjectsCommand({
        Bucket: params.bucket,
        Delete: { Objects: params.keys.map((Key) => ({ Key })), Quiet: true },
      }),
    signal,
  );
  const errors = (out.Errors ?? []).map((e) => ({
    key: e.Key ?? '',
    code: e.Code ?? 'Error',
    message: e.Message ?? e.Code ?? 'Not deleted',
  }));
  return { deleted: params.keys.length - errors.length, errors };
}

export interface MultipartUploadSummary {
  key: string;
  uploadId: string;
  initiated?: Date;
  storageClass?: string;
}

export async function listMultipartUploads(
  params: BucketParams & { token?: string },
  signal?: AbortSignal,
): Promise<Page<MultipartUploadSummary>> {
  // The token packs S3's two markers (key and upload id) into one string.
  const [keyMarker, uploadIdMarker] = params.token
    ? (JSON.parse(params.token) as [string, string])
    : [undefined, undefined];
  const out = await send(
    's3',
    params.region,
    (s3) =>
      new s3.ListMultipartUploadsCommand({
        Bucket: params.bucket,
        KeyMarker: keyMarker,
        UploadIdMarker: uploadIdMarker,
      }),
    signal,
  );
  const items = (out.Uploads ?? []).flatMap((u) =>
    u.Key && u.UploadId
      ? [
          {
            key: u.Key,
            uploadId: u.UploadId,
            ...(u.Initiated ? { initiated: u.Initiated } : {}),
            ...(u.StorageClass ? { storageClass: u.StorageClass } : {}),
          },
        ]
      : [],
  );
  const next = out.IsTruncated ? JSON.stringify([out.NextKeyMarker ?? '', out.NextUploadIdMarker ?? '']) : undefined;
  return pageOf(items, next);
}

export interface PartsSummary {
  parts: number;
  bytes: number;
}

/** The parts an unfinished upload holds (ListParts, all pages). */
export async function summariseParts(
  params: ObjectParams & { uploadId: string },
  signal?: AbortSignal,
): Promise<PartsSummary> {
  let marker: string | undefined;
  let parts = 0;
  let bytes = 0;
  for (;;) {
    const out = await send(
      's3',
      params.region,
      (s3) =>
        new s3.ListPartsCommand({
          Bucket: params.bucket,
          Key: params.key,
          UploadId: params.uploadId,
          PartNumberMarker: marker,
        }),
      signal,
    );
    for (const p of out.Parts ?? []) {
      parts += 1;
      bytes += p.Size ?? 0;
    }
    if (!out.IsTruncated || !out.NextPartNumberMarker) return { parts, bytes };
    marker = out.NextPartNumberMarker;
  }
}

export async function abortMultipartUpload(
  params: ObjectParams & { uploadId: string },
  signal?: AbortSignal,
): Promise<void> {
  await send(
    's3',
    params.region,
    (s3) => new s3.AbortMultipartUploadCommand({ Bucket: params.bucket, Key: params.key, UploadId: params.uploadId }),
    signal,
  );
}

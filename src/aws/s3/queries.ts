import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { tokenPaging } from '../paging';
import {
  getBucketRegion,
  getObjectText,
  headObject,
  listBuckets,
  listMultipartUploads,
  listObjects,
  summariseParts,
} from './api';

export const s3Keys = {
  all: (region: string) => ['aws', region, 's3'] as const,
  buckets: (region: string) => [...s3Keys.all(region), 'buckets'] as const,
  bucket: (region: string, bucket: string) => [...s3Keys.all(region), 'bucket', bucket] as const,
  bucketRegion: (region: string, bucket: string) => [...s3Keys.bucket(region, bucket), 'region'] as const,
  objects: (region: string, bucket: string) => [...s3Keys.bucket(region, bucket), 'objects'] as const,
  objectsUnder: (region: string, bucket: string, prefix: string) =>
    [...s3Keys.objects(region, bucket), { prefix }] as const,
  object: (region: string, bucket: string, key: string) => [...s3Keys.bucket(region, bucket), 'object', key] as const,
  uploads: (region: string, bucket: string) => [...s3Keys.bucket(region, bucket), 'uploads'] as const,
};

/** Text previews read at most this much of an object. */
export const PREVIEW_BYTES = 256 * 1024;

export const s3Queries = {
  buckets: (region: string) =>
    queryOptions({
      queryKey: s3Keys.buckets(region),
      queryFn: ({ signal }) => listBuckets({ region }, signal),
      meta: { label: 'the bucket list' },
    }),
  /** The buckets page's list, page by page (a key of its own: a query and an infinite query never share one). */
  bucketList: (region: string) =>
    infiniteQueryOptions({
      queryKey: [...s3Keys.buckets(region), 'list'] as const,
      queryFn: ({ pageParam, signal }) => listBuckets({ region, token: pageParam }, signal),
      ...tokenPaging,
      meta: { label: 'the bucket list' },
    }),
  bucketRegion: (region: string, bucket: string) =>
    queryOptions({
      queryKey: s3Keys.bucketRegion(region, bucket),
      queryFn: ({ signal }) => getBucketRegion({ region, bucket }, signal),
      // A bucket never moves.
      staleTime: Infinity,
      meta: { label: `the region of ${bucket}`, isSilent: true },
    }),
  /** A folder's entries, 1,000 a page; `search` is typed after the folder and sent to S3 as part of Prefix. */
  objects: (region: string, bucket: string, folder: string, search = '') =>
    infiniteQueryOptions({
      queryKey: [...s3Keys.objectsUnder(region, bucket, folder + search)],
      queryFn: ({ pageParam, signal }) =>
        listObjects(
          { region, bucket, prefix: folder + search, folder, ...(pageParam ? { token: pageParam } : {}) },
          signal,
        ),
      ...tokenPaging,
      meta: { label: 'the object list' },
    }),
  objectDetails: (region: string, bucket: string, key: string) =>
    queryOptions({
      queryKey: [...s3Keys.object(region, bucket, key), 'head'],
      queryFn: ({ signal }) => headObject({ region, bucket, key }, signal),
      meta: { label: `the details of ${key}` },
    }),
  objectText: (region: string, bucket: string, key: string) =>
    queryOptions({
      queryKey: [...s3Keys.object(region, bucket, key), 'text'],
      queryFn: ({ signal }) => getObjectText({ region, bucket, key, maxBytes: PREVIEW_BYTES }, signal),
      meta: { label: `the preview of ${key}` },
    }),
  uploads: (region: string, bucket: string) =>
    infiniteQueryOptions({
      queryKey: [...s3Keys.uploads(region, bucket), 'list'],
      queryFn: ({ pageParam, signal }) =>
        listMultipartUploads({ region, bucket, ...(pageParam ? { token: pageParam } : {}) }, signal),
      ...tokenPaging,
      meta: { label: 'the unfinished uploads' },
    }),
  uploadParts: (region: string, bucket: string, key: string, uploadId: string) =>
    queryOptions({
      queryKey: [...s3Keys.uploads(region, bucket), 'parts', key, uploadId],
      queryFn: ({ signal }) => summariseParts({ region, bucket, key, uploadId }, signal),
      meta: { label: `the parts of ${key}`, isSilent: true },
    }),
};

/**
 * Refresh listings of a bucket after a change, reloading only their first page: refetching an
 * infinite query reloads every page it holds, which for a scrolled-through 100,000-key folder is 100 calls.
 */
export async function refreshListings(queryClient: QueryClient, region: string, bucket: string): Promise<void> {
  const key = s3Keys.objects(region, bucket);
  queryClient.setQueriesData<{ pages: unknown[]; pageParams: unknown[] }>({ queryKey: key }, (data) =>
    data && data.pages.length > 1 ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
  );
  await queryClient.invalidateQueries({ queryKey: key });
}

import { toAppError } from '../errors';
import { useAwsMutation } from '../mutation';
import { createBucket, createFolder, deleteBucket } from './api';
import { s3Keys } from './queries';

export function useCreateBucket(region: string) {
  return useAwsMutation({
    describe: (v: { bucket: string; region: string }) => `create bucket ${v.bucket}`,
    mutationFn: (v: { bucket: string; region: string }) => createBucket(v),
    invalidates: () => [s3Keys.buckets(region)],
    action: 's3:CreateBucket',
  });
}

export function useDeleteBucket(region: string) {
  return useAwsMutation({
    describe: (v: { bucket: string }) => `delete bucket ${v.bucket}`,
    mutationFn: (v: { bucket: string }) => deleteBucket({ region, bucket: v.bucket }),
    invalidates: () => [s3Keys.buckets(region)],
    action: 's3:DeleteBucket',
    explain: (error, v) =>
      toAppError(error).code === 'BucketNotEmpty'
        ? `${v.bucket} still holds objects, and S3 deletes only empty buckets. Open it, select everything and delete it (folders are deleted with their contents), then delete the bucket.`
        : undefined,
  });
}

export function useCreateFolder(region: string, bucket: string) {
  return useAwsMutation({
    describe: (v: { key: string }) => `create folder ${v.key}`,
    mutationFn: (v: { key: string }) => createFolder({ region, bucket, key: v.key }),
    // Only the folder it appears in: other listings hold pages that need no reload.
    invalidates: (v) => [s3Keys.objectsUnder(region, bucket, v.key.replace(/[^/]*\/?$/, ''))],
    action: 's3:PutObject',
  });
}

import { useAwsMutation } from '../mutation';
import { abortMultipartUpload, createBucket, createFolder, deleteBucket } from './api';
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

export function useAbortMultipartUpload(region: string, bucket: string) {
  return useAwsMutation({
    describe: (v: { key: string; uploadId: string }) => `abort the upload of ${v.key}`,
    mutationFn: (v: { key: string; uploadId: string }) => abortMultipartUpload({ region, bucket, ...v }),
    invalidates: () => [s3Keys.uploads(region, bucket)],
    action: 's3:AbortMultipartUpload',
  });
}

import { rmSync } from 'node:fs';
import type { Service, ServiceFactory } from '../../core/types.js';
import { seedS3 } from '../../seed/s3.js';
import { checkContentSha256 } from './content-sha.js';
import { createBucket, deleteBucket, getBucketLocation, headBucket, listBuckets } from './buckets.js';
import { bucketCorsRules, deleteBucketCors, getBucketCors, putBucketCors } from './bucket-cors.js';
import { matchCorsRules } from './cors-match.js';
import type { S3Call } from './common.js';
import { readContentSync } from './content.js';
import { deleteObjects } from './delete-objects.js';
import { listObjectsV1, listObjectsV2 } from './list-objects.js';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  listMultipartUploads,
  listParts,
  uploadPart,
} from './multipart.js';
import { copyObject, deleteObject, getObject, putObject } from './objects.js';
import { postObject } from './post-object.js';
import { checkPresignedExpiry } from './presign.js';
import { uploadPartCopy } from './upload-part-copy.js';
import { operationOf, parseS3Request } from './request.js';
import { writeS3Error } from './response.js';
import { S3Store } from './store.js';
import { AwsError } from '../../core/errors.js';

type Handler = (call: S3Call) => Promise<void>;

const HANDLERS: Record<string, Handler> = {
  ListBuckets: listBuckets,
  CreateBucket: createBucket,
  DeleteBucket: deleteBucket,
  HeadBucket: headBucket,
  GetBucketLocation: getBucketLocation,
  GetBucketCors: getBucketCors,
  PutBucketCors: putBucketCors,
  DeleteBucketCors: deleteBucketCors,
  ListObjectsV2: listObjectsV2,
  ListObjects: listObjectsV1,
  GetObject: (call) => getObject(call, false),
  HeadObject: (call) => getObject(call, true),
  PutObject: putObject,
  PostObject: postObject,
  CopyObject: copyObject,
  DeleteObject: deleteObject,
  DeleteObjects: deleteObjects,
  CreateMultipartUpload: createMultipartUpload,
  UploadPart: uploadPart,
  UploadPartCopy: uploadPartCopy,
  CompleteMultipartUpload: completeMultipartUpload,
  AbortMultipartUpload: abortMultipartUpload,
  ListParts: listParts,
  ListMultipartUploads: listMultipartUploads,
};

/** S3 over REST-XML: index in SQLite, object bytes in files under the service's data folder. */
export const createS3Service: ServiceFactory = async (env) => {
  let store = new S3Store(env.dataDir);
  const service: Service = {
    name: 's3',
    // Object bodies stream to disk; the server buffers nothing for S3.
    maxBody: 'stream',
    async handle(ctx) {
      const r = parseS3Request(ctx.req);
      const operation = operationOf(r, ctx.req);
      await ctx.begin(operation);
      checkPresignedExpiry(r.query);
      checkContentSha256(ctx.req);
      const handler = HANDLERS[operation];
      if (!handler) throw new AwsError('NotImplemented', `The emulator does not implement ${operation}.`, 501);
      await handler({ ctx, store, r, accountId: env.accountId });
    },
    writeError: writeS3Error,
    corsGrant(req, request) {
      let bucket: string | null;
      try {
        bucket = parseS3Request(req).bucket;
      } catch {
        return null;
      }
      return bucket ? matchCorsRules(bucketCorsRules(store, bucket), request) : null;
    },
    // In-process reads for other services (Lambda's CreateFunction from an S3 object).
    async internal(operation, input) {
      if (operation !== 'GetObject') throw new AwsError('NotImplemented', `No in-process ${operation}`, 501);
      const bucket = String(input.Bucket ?? '');
      if (!store.getBucket(bucket)) throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
      const row = store.getObject(bucket, String(input.Key ?? ''));
      if (!row) throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404);
      return {
        Body: readContentSync((f) => store.path(f), row.file, row.size),
        ContentLength: row.size,
        ContentType: row.headers.contentType,
      };
    },
    async reset() {
      store.close();
      for (const name of ['index.db', 'index.db-wal', 'index.db-shm', 'objects', 'parts', 'tmp']) {
        rmSync(`${env.dataDir}/${name}`, { recursive: true, force: true });
      }
      store = new S3Store(env.dataDir);
    },
    async seed() {
      await seedS3(store, env.defaultRegion);
    },
    async close() {
      store.close();
    },
  };
  return service;
};

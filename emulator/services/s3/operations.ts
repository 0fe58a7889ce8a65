import type { Grant, Operation } from '../../core/operations.js';
import { validateBucketName } from './bucket-name.js';
import { deleteBucketCors, getBucketCors, putBucketCors } from './bucket-cors.js';
import { createBucket, deleteBucket, getBucketLocation, headBucket, listBuckets } from './buckets.js';
import { bucketArn, objectArn, target, type S3Call } from './common.js';
import { deleteObjects } from './delete-objects.js';
import { listObjectsV1, listObjectsV2, listParams } from './list-objects.js';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  listMultipartUploads,
  listParts,
  uploadPart,
} from './multipart.js';
import { copyObject, deleteObject, getObject, parseCopySource, putObject } from './objects.js';
import { postObject, readPostForm, type PostForm } from './post-object.js';
import { header } from './request.js';
import type { S3Store } from './store.js';
import { uploadPartCopy } from './upload-part-copy.js';

/** An S3 operation's input: the request itself, since bodies stream (plus POST Object's form, read first). */
export interface S3Input extends S3Call {
  post?: PostForm;
}

/**
 * An S3 operation on the shared table. `run` writes its own answer (object bodies and listings stream);
 * `read` completes the input before authorization where the caller is only known from the body.
 */
export interface S3Operation extends Operation<S3Store, S3Input> {
  read?(input: S3Input): Promise<S3Input>;
}

const bucketOf = (input: S3Input): string => input.r.bucket ?? '';
const onBucket = (input: S3Input): string => bucketArn(bucketOf(input));
/** The object's ARN; a key over 1,024 bytes is refused first (KeyTooLongError), as S3 does. */
const onObject = (input: S3Input): string => {
  const { bucket, key } = target(input);
  return objectArn(bucket, key);
};

function formOf(input: S3Input): PostForm {
  if (!input.post) throw new Error('POST Object runs only after its form is read');
  return input.post;
}

/** CopyObject and UploadPartCopy read the source and write the target: both are checked. */
function copyGrants(input: S3Input): Grant[] {
  const destination = onObject(input);
  const source = parseCopySource(header(input.ctx.req, 'x-amz-copy-source') ?? '');
  return [
    { action: 's3:GetObject', resources: [objectArn(source.bucket, source.key)] },
    { action: 's3:PutObject', resources: [destination] },
  ];
}

/** ListObjects(V2) check s3:ListBucket with the prefix, so a policy may allow some prefixes only. */
function listGrants(input: S3Input): Grant[] {
  const { bucket, prefix } = listParams(input);
  return [{ action: 's3:ListBucket', resources: [bucketArn(bucket)], context: { 's3:prefix': prefix } }];
}

/** Every operation the emulator serves, by the name `operationOf` gives a request; IAM actions as on AWS. */
export const S3_OPERATIONS: Record<string, S3Operation> = {
  ListBuckets: { action: 's3:ListAllMyBuckets', run: listBuckets },
  CreateBucket: {
    action: 's3:CreateBucket',
    resource: (input) => {
      validateBucketName(bucketOf(input));
      return onBucket(input);
    },
    run: createBucket,
  },
  DeleteBucket: { action: 's3:DeleteBucket', resource: onBucket, run: deleteBucket },
  HeadBucket: { action: 's3:ListBucket', resource: onBucket, run: headBucket },
  GetBucketLocation: { action: 's3:GetBucketLocation', resource: onBucket, run: getBucketLocation },
  GetBucketCors: { action: 's3:GetBucketCORS', resource: onBucket, run: getBucketCors },
  PutBucketCors: { action: 's3:PutBucketCORS', resource: onBucket, run: putBucketCors },
  // AWS has no separate delete action: removing CORS is s3:PutBucketCORS.
  DeleteBucketCors: { action: 's3:PutBucketCORS', resource: onBucket, run: deleteBucketCors },
  ListObjectsV2: { action: 's3:ListBucket', grants: listGrants, run: listObjectsV2 },
  ListObjects: { action: 's3:ListBucket', grants: listGrants, run: listObjectsV1 },
  GetObject: { action: 's3:GetObject', resource: onObject, run: (input) => getObject(input, false) },
  HeadObject: { action: 's3:GetObject', resource: onObject, run: (input) => getObject(input, true) },
  PutObject: { action: 's3:PutObject', resource: onObject, run: putObject },
  PostObject: {
    action: 's3:PutObject',
    read: async (input) => ({ ...input, post: await readPostForm(input) }),
    resource: (input) => objectArn(bucketOf(input), formOf(input).key),
    run: (input) => postObject(input, formOf(input)),
  },
  CopyObject: { action: 's3:PutObject', grants: copyGrants, run: copyObject },
  DeleteObject: { action: 's3:DeleteObject', resource: onObject, run: deleteObject },
  // No request-level action: run checks s3:DeleteObject per key and reports each denial in the answer.
  DeleteObjects: { action: null, run: deleteObjects },
  CreateMultipartUpload: { action: 's3:PutObject', resource: onObject, run: createMultipartUpload },
  UploadPart: { action: 's3:PutObject', resource: onObject, run: uploadPart },
  UploadPartCopy: { action: 's3:PutObject', grants: copyGrants, run: uploadPartCopy },
  CompleteMultipartUpload: { action: 's3:PutObject', resource: onObject, run: completeMultipartUpload },
  AbortMultipartUpload: { action: 's3:AbortMultipartUpload', resource: onObject, run: abortMultipartUpload },
  ListParts: { action: 's3:ListMultipartUploadParts', resource: onObject, run: listParts },
  ListMultipartUploads: { action: 's3:ListBucketMultipartUploads', resource: onBucket, run: listMultipartUploads },
};

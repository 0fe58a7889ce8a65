import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AwsError } from '../../core/errors.js';
import type { RequestContext } from '../../core/types.js';
import type { S3Request } from './request.js';
import type { BucketRow, ObjectHeaders, S3Store } from './store.js';
import { header } from './request.js';

/** What every S3 operation handler gets. */
export interface S3Call {
  ctx: RequestContext;
  store: S3Store;
  r: S3Request;
  accountId: string;
}

export const bucketArn = (bucket: string): string => `arn:aws:s3:::${bucket}`;
export const objectArn = (bucket: string, key: string): string => `arn:aws:s3:::${bucket}/${key}`;

export function noSuchBucket(bucket: string): AwsError {
  return new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket });
}

export function noSuchKey(key: string): AwsError {
  return new AwsError('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });
}

export function requireBucket(store: S3Store, name: string): BucketRow {
  const bucket = store.getBucket(name);
  if (!bucket) throw noSuchBucket(name);
  return bucket;
}

/** Longest object key S3 accepts, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

/** S3's KeyTooLongError for a key over 1,024 bytes; every operation that names a key checks it. */
export function checkKeyLength(key: string): void {
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw new AwsError('KeyTooLongError', 'Your key is too long', 400);
}

/** The bucket and key of an object operation (the router guarantees both). */
export function target(call: S3Call): { bucket: string; key: string } {
  const { bucket, key } = call.r;
  if (bucket === null || key === null) throw new AwsError('InvalidRequest', 'A bucket and key are required.');
  checkKeyLength(key);
  return { bucket, key };
}

/** S3's canonical user id for the account: 64 hex digits, stable. */
export function owner(accountId: string): { ID: string; DisplayName: string } {
  return { ID: createHash('sha256').update(`s3-owner:${accountId}`).digest('hex'), DisplayName: 'emulator' };
}

/** Largest total size of user metadata, as on AWS. */
const MAX_METADATA_BYTES = 2048;

/** Content headers and x-amz-meta-* of a PutObject / CreateMultipartUpload / CopyObject REPLACE. */
export function headersFromRequest(req: IncomingMessage): ObjectHeaders {
  const metadata: Record<string, string> = {};
  let metaSize = 0;
  for (const [name, value] of Object.entries(req.headers)) {
    if (!name.startsWith('x-amz-meta-') || value === undefined) continue;
    const v = Array.isArray(value) ? value.join(',') : value;
    const short = name.slice('x-amz-meta-'.length);
    metadata[short] = v;
    metaSize += Buffer.byteLength(short) + Buffer.byteLength(v);
  }
  if (metaSize > MAX_METADATA_BYTES) {
    throw new AwsError('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size', 400, {
      Size: String(metaSize),
      MaxSizeAllowed: String(MAX_METADATA_BYTES),
    });
  }
  // aws-chunked is transfer framing, not a content encoding: S3 does not store it.
  const encoding = (header(req, 'content-encoding') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s.toLowerCase() !== 'aws-chunked')
    .join(',');
  const out: ObjectHeaders = { contentType: header(req, 'content-type') ?? 'binary/octet-stream', metadata };
  const disposition = header(req, 'content-disposition');
  const cacheControl = header(req, 'cache-control');
  const language = header(req, 'content-language');
  const expires = header(req, 'expires');
  if (disposition !== undefined) out.contentDisposition = disposition;
  if (cacheControl !== undefined) out.cacheControl = cacheControl;
  if (encoding) out.contentEncoding = encoding;
  if (language !== undefined) out.contentLanguage = language;
  if (expires !== undefined) out.expires = expires;
  Object.assign(
    out,
    encryptionFrom((name) => header(req, name)),
  );
  return out;
}

const SSE_METHODS = ['AES256', 'aws:kms', 'aws:kms:dsse'];

/**
 * The server-side encryption a write asks for (x-amz-server-side-encryption, from a header or a POST form
 * field). The emulator stores bytes as they are, but answers as S3 does: each object says how it is encrypted.
 */
export function encryptionFrom(
  get: (name: string) => string | undefined,
): Pick<ObjectHeaders, 'serverSideEncryption' | 'sseKmsKeyId'> {
  const method = get('x-amz-server-side-encryption');
  const keyId = get('x-amz-server-side-encryption-aws-kms-key-id');
  if (method === undefined) {
    if (keyId !== undefined)
      throw new AwsError(
        'InvalidArgument',
        'x-amz-server-side-encryption header is absent but x-amz-server-side-encryption-aws-kms-key-id is present',
        400,
        { ArgumentName: 'x-amz-server-side-encryption', ArgumentValue: 'null' },
      );
    return {};
  }
  if (!SSE_METHODS.includes(method)) {
    throw new AwsError('InvalidArgument', 'The encryption method specified is not supported', 400, {
      ArgumentName: 'x-amz-server-side-encryption',
      ArgumentValue: method,
    });
  }
  if (keyId !== undefined && method === 'AES256') {
    throw new AwsError(
      'InvalidArgument',
      'Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms',
      400,
      { ArgumentName: 'x-amz-server-side-encryption', ArgumentValue: method },
    );
  }
  return { serverSideEncryption: method, ...(keyId !== undefined ? { sseKmsKeyId: keyId } : {}) };
}

/** Integer query parameter within [min, max], or the default; InvalidArgument otherwise. */
export function intParam(q: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) {
    throw new AwsError('InvalidArgument', `Provided ${name} not an integer or within integer range`, 400, {
      ArgumentName: name,
      ArgumentValue: raw,
    });
  }
  const n = Number(raw);
  if (n < min) {
    throw new AwsError('InvalidArgument', `Argument ${name} must be an integer between ${min} and 2147483647`, 400, {
      ArgumentName: name,
      ArgumentValue: raw,
    });
  }
  return Math.min(n, max);
}

/** S3's EncodingType=url: percent-encode like a form, keeping '/' readable. */
export function urlEncodeKey(s: string): string {
  return encodeURIComponent(s).replace(/%2F/g, '/').replace(/%20/g, '+');
}

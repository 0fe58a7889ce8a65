import type { IncomingMessage } from 'node:http';
import { AwsError } from '../../core/errors.js';

/** First value of a request header, or undefined. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export interface S3Request {
  bucket: string | null;
  key: string | null;
  query: URLSearchParams;
  method: string;
}

/**
 * Bucket and key from the raw request target: virtual-host (`bucket.localhost`) or path style.
 * Uses req.url as sent, so `//`, `..` and trailing `/` in keys survive exactly.
 */
export function parseS3Request(req: IncomingMessage): S3Request {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const rawPath = q >= 0 ? raw.slice(0, q) : raw;
  const query = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  const decode = (s: string): string => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw new AwsError('InvalidURI', "Couldn't parse the specified URI.", 400, { URI: raw });
    }
  };
  const host = (header(req, 'host') ?? '').replace(/:\d+$/, '').toLowerCase();
  const vhost = /^(.+)\.localhost$/.exec(host);
  const method = req.method ?? 'GET';
  const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  if (vhost?.[1] && vhost[1] !== 's3') {
    return { bucket: vhost[1], key: path === '' ? null : decode(path), query, method };
  }
  if (path === '') return { bucket: null, key: null, query, method };
  const slash = path.indexOf('/');
  if (slash < 0) return { bucket: decode(path), key: null, query, method };
  const key = path.slice(slash + 1);
  return { bucket: decode(path.slice(0, slash)), key: key === '' ? null : decode(key), query, method };
}

/** The SDK operation a request is, from method, bucket/key presence and subresources. */
export function operationOf(r: S3Request, req: IncomingMessage): string {
  const has = (name: string) => r.query.has(name);
  if (!r.bucket) {
    if (r.method === 'GET') return 'ListBuckets';
    throw new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405);
  }
  if (r.key === null) {
    switch (r.method) {
      case 'GET':
        if (has('location')) return 'GetBucketLocation';
        if (has('cors')) return 'GetBucketCors';
        if (has('uploads')) return 'ListMultipartUploads';
        if (has('list-type')) return 'ListObjectsV2';
        return unsupported(r, 'ListObjects');
      case 'HEAD':
        return 'HeadBucket';
      case 'PUT':
        if (has('cors')) return 'PutBucketCors';
        return unsupported(r, 'CreateBucket');
      case 'DELETE':
        if (has('cors')) return 'DeleteBucketCors';
        return unsupported(r, 'DeleteBucket');
      case 'POST':
        if (has('delete')) return 'DeleteObjects';
        // A browser form upload (POST Object) goes to the bucket URL with the key in the form.
        if (/^multipart\/form-data/i.test(header(req, 'content-type') ?? '')) return 'PostObject';
        break;
    }
    throw new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405);
  }
  switch (r.method) {
    case 'GET':
      if (has('uploadId')) return 'ListParts';
      return unsupported(r, 'GetObject');
    case 'HEAD':
      return 'HeadObject';
    case 'PUT':
      if (has('uploadId') && has('partNumber')) {
        return header(req, 'x-amz-copy-source') ? 'UploadPartCopy' : 'UploadPart';
      }
      if (header(req, 'x-amz-copy-source')) return unsupported(r, 'CopyObject');
      return unsupported(r, 'PutObject');
    case 'DELETE':
      if (has('uploadId')) return 'AbortMultipartUpload';
      return unsupported(r, 'DeleteObject');
    case 'POST':
      if (has('uploads')) return 'CreateMultipartUpload';
      if (has('uploadId')) return 'CompleteMultipartUpload';
      break;
  }
  throw new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405);
}

/** Subresources the emulator does not implement: answer NotImplemented instead of misreading them. */
const UNSUPPORTED = [
  'acl',
  'policy',
  'policyStatus',
  'tagging',
  'versioning',
  'versions',
  'lifecycle',
  'website',
  'logging',
  'notification',
  'replication',
  'encryption',
  'ownershipControls',
  'publicAccessBlock',
  'accelerate',
  'requestPayment',
  'analytics',
  'metrics',
  'inventory',
  'intelligent-tiering',
  'object-lock',
  'legal-hold',
  'retention',
  'torrent',
  'restore',
  'select',
  'attributes',
  'uploadId',
  'partNumber',
];

function unsupported(r: S3Request, operation: string): string {
  for (const name of UNSUPPORTED) {
    if (r.query.has(name)) {
      throw new AwsError('NotImplemented', `The emulator does not implement the ${name} subresource.`, 501, {
        Header: name,
      });
    }
  }
  return operation;
}

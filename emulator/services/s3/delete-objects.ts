import { AwsError } from '../../core/errors.js';
import { receiveSmallBody } from './body.js';
import { CHECKSUM_ALGORITHMS, checksumHeader } from './checksums.js';
import { MAX_KEY_BYTES, objectArn, requireBucket, type S3Call } from './common.js';
import { header } from './request.js';
import { sendXml } from './response.js';
import { children, malformedXml, parseXmlBody, textOf } from './xml-input.js';

const MAX_KEYS = 1000;

/** DeleteObjects: per-key s3:DeleteObject checks, per-key errors, Quiet mode. */
export async function deleteObjects(call: S3Call): Promise<void> {
  const bucket = call.r.bucket ?? '';
  const req = call.ctx.req;
  const hasDigest =
    header(req, 'content-md5') !== undefined ||
    header(req, 'x-amz-trailer') !== undefined ||
    CHECKSUM_ALGORITHMS.some((a) => header(req, checksumHeader(a)) !== undefined);
  if (!hasDigest) {
    throw new AwsError('InvalidRequest', 'Missing required header for this request: Content-MD5');
  }
  requireBucket(call.store, bucket);
  const { data } = await receiveSmallBody(call.ctx);
  const root = parseXmlBody(data, 'Delete');
  const objects = children(root, 'Object');
  if (objects.length === 0 || objects.length > MAX_KEYS) throw malformedXml();
  const keys = objects.map((o) => {
    const key = textOf(o, 'Key');
    if (key === undefined) throw malformedXml();
    return key;
  });
  const quiet = (textOf(root, 'Quiet') ?? 'false').trim().toLowerCase() === 'true';
  const deleted: Array<{ Key: string }> = [];
  const errors: Array<{ Key: string; Code: string; Message: string }> = [];
  for (const key of keys) {
    if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
      errors.push({ Key: key, Code: 'KeyTooLongError', Message: 'Your key is too long' });
      continue;
    }
    if (!call.ctx.isAllowed('s3:DeleteObject', objectArn(bucket, key))) {
      errors.push({ Key: key, Code: 'AccessDenied', Message: 'Access Denied' });
      continue;
    }
    try {
      call.store.deleteObject(bucket, key);
      deleted.push({ Key: key });
    } catch (e) {
      errors.push({ Key: key, Code: 'InternalError', Message: (e as Error).message });
    }
  }
  sendXml(call.ctx, 'DeleteResult', { Deleted: quiet ? [] : deleted, Error: errors });
}

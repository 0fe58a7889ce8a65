import { AwsError } from '../../core/errors.js';
import { escapeXml } from '../../protocols/xml.js';
import { receiveSmallBody } from './body.js';
import { intParam, noSuchBucket, owner, requireBucket, type S3Call } from './common.js';
import { S3_XMLNS, baseHeaders, isoDate, sendEmpty, sendXml } from './response.js';
import { parseXmlBody, textOf } from './xml-input.js';

const bucketOf = (call: S3Call): string => call.r.bucket ?? '';

export async function listBuckets(call: S3Call): Promise<void> {
  const q = call.r.query;
  const prefix = q.get('prefix') ?? '';
  const region = q.get('bucket-region');
  const max = intParam(q, 'max-buckets', 10_000, 1, 10_000);
  const after = q.get('continuation-token') ?? '';
  const all = call.store
    .listBuckets()
    .filter((b) => b.name.startsWith(prefix) && (!region || b.region === region) && b.name > after);
  const page = all.slice(0, max);
  const last = page[page.length - 1];
  sendXml(call.ctx, 'ListAllMyBucketsResult', {
    Buckets: { Bucket: page.map((b) => ({ Name: b.name, CreationDate: isoDate(b.created), BucketRegion: b.region })) },
    Owner: owner(call.accountId),
    ContinuationToken: all.length > max && last ? last.name : undefined,
    Prefix: q.has('prefix') ? prefix : undefined,
  });
}

export async function createBucket(call: S3Call): Promise<void> {
  const name = bucketOf(call);
  const { data } = await receiveSmallBody(call.ctx, 64 * 1024);
  let region = call.ctx.region;
  if (data.length) {
    const constraint = textOf(parseXmlBody(data, 'CreateBucketConfiguration'), 'LocationConstraint');
    if (constraint !== undefined) {
      if (constraint === 'us-east-1' || constraint === '') {
        throw new AwsError('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400, {
          LocationConstraint: constraint,
        });
      }
      if (constraint !== call.ctx.region) {
        throw new AwsError(
          'IllegalLocationConstraintException',
          `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`,
        );
      }
      region = constraint;
    }
  }
  if (call.store.getBucket(name)) {
    throw new AwsError(
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
      409,
      { BucketName: name },
    );
  }
  call.store.createBucket(name, region);
  sendEmpty(call.ctx, 200, { Location: `/${name}` });
}

export async function deleteBucket(call: S3Call): Promise<void> {
  const name = bucketOf(call);
  requireBucket(call.store, name);
  if (!call.store.isBucketEmpty(name)) {
    throw new AwsError('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, { BucketName: name });
  }
  call.store.deleteBucket(name);
  sendEmpty(call.ctx, 204);
}

export async function headBucket(call: S3Call): Promise<void> {
  const name = bucketOf(call);
  const bucket = call.store.getBucket(name);
  if (!bucket) throw noSuchBucket(name);
  sendEmpty(call.ctx, 200, { 'x-amz-bucket-region': bucket.region, 'x-amz-access-point-alias': 'false' });
}

export async function getBucketLocation(call: S3Call): Promise<void> {
  const name = bucketOf(call);
  const bucket = requireBucket(call.store, name);
  // us-east-1 is the empty constraint, as on AWS.
  const region = bucket.region === 'us-east-1' ? '' : bucket.region;
  const payload = `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="${S3_XMLNS}">${escapeXml(region)}</LocationConstraint>`;
  call.ctx.res.writeHead(200, {
    ...baseHeaders(call.ctx),
    'Content-Type': 'application/xml',
    'Content-Length': Buffer.byteLength(payload),
  });
  call.ctx.res.end(payload);
}

import { AwsError } from '../../core/errors.js';

/** AWS's general purpose bucket naming rules; InvalidBucketName when broken. */
export function validateBucketName(name: string): void {
  const fail = () => new AwsError('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: name });
  if (name.length < 3 || name.length > 63) throw fail();
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) throw fail();
  if (name.includes('..') || name.includes('.-') || name.includes('-.')) throw fail();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) throw fail();
  if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name)) throw fail();
  if (/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name)) throw fail();
}

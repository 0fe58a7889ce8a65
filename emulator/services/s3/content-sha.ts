import type { IncomingMessage } from 'node:http';
import { AwsError } from '../../core/errors.js';

/** The values S3 documents for x-amz-content-sha256 besides a SHA-256 in hex. */
const SPECIAL = [
  'UNSIGNED-PAYLOAD',
  'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
];

/** Refuse any other value ("garbage", empty), which would otherwise store a body nobody verified. */
export function checkContentSha256(req: IncomingMessage): void {
  const raw = req.headers['x-amz-content-sha256'];
  if (raw === undefined) return;
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  if (SPECIAL.includes(value) || /^[0-9a-f]{64}$/i.test(value)) return;
  throw new AwsError(
    'InvalidArgument',
    `x-amz-content-sha256 must be ${SPECIAL.slice(0, -1).join(', ')} or ${SPECIAL.at(-1)} or a valid sha256 value.`,
    400,
    { ArgumentName: 'x-amz-content-sha256', ArgumentValue: value },
  );
}

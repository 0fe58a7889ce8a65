import { AwsError } from '../../core/errors.js';

/** Longest presigned URL lifetime SigV4 allows (7 days). */
const MAX_EXPIRES = 604_800;

function parseAmzDate(v: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** Presigned URLs: refuse malformed X-Amz-Date/X-Amz-Expires and expired ones, as S3 does. */
export function checkPresignedExpiry(query: URLSearchParams, now = Date.now()): void {
  if (!query.has('X-Amz-Signature') && !query.has('X-Amz-Credential')) return;
  const dateRaw = query.get('X-Amz-Date') ?? '';
  const expiresRaw = query.get('X-Amz-Expires') ?? '';
  const signedAt = parseAmzDate(dateRaw);
  if (signedAt === null) {
    throw new AwsError(
      'AuthorizationQueryParametersError',
      "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"",
    );
  }
  if (!/^\d+$/.test(expiresRaw)) {
    throw new AwsError('AuthorizationQueryParametersError', 'X-Amz-Expires should be a number');
  }
  const expires = Number(expiresRaw);
  if (expires > MAX_EXPIRES) {
    throw new AwsError(
      'AuthorizationQueryParametersError',
      'X-Amz-Expires must be less than a week (in seconds) that is 604800',
    );
  }
  const expiresAt = signedAt + expires * 1000;
  if (now > expiresAt) {
    throw new AwsError('AccessDenied', 'Request has expired', 403, {
      'X-Amz-Expires': expiresRaw,
      Expires: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ServerTime: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
  }
}

import type { IncomingMessage } from 'node:http';
import { AwsError } from '../../core/errors.js';
import type { ObjectRow } from './store.js';
import { header } from './request.js';

const etagMatches = (list: string, etag: string): boolean =>
  list.split(',').some((t) => {
    const v = t.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    return v === '*' || v === etag;
  });

function dateOf(v: string | undefined): number | null {
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

/**
 * GET/HEAD conditional headers with S3's precedence: If-Match beats If-Unmodified-Since,
 * If-None-Match beats If-Modified-Since. Returns 304 when not modified; throws 412 on a failed precondition.
 */
export function checkReadConditions(req: IncomingMessage, o: ObjectRow, prefix = ''): 304 | null {
  const ifMatch = header(req, `${prefix}if-match`);
  const ifNoneMatch = header(req, `${prefix}if-none-match`);
  const ifModifiedSince = dateOf(header(req, `${prefix}if-modified-since`));
  const ifUnmodifiedSince = dateOf(header(req, `${prefix}if-unmodified-since`));
  const modifiedSec = Math.floor(o.lastModified / 1000) * 1000;
  const failed = (condition: string) =>
    new AwsError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, {
      Condition: condition,
    });
  if (ifMatch !== undefined && !etagMatches(ifMatch, o.etag)) throw failed('If-Match');
  if (ifMatch === undefined && ifUnmodifiedSince !== null && modifiedSec > ifUnmodifiedSince) {
    throw failed('If-Unmodified-Since');
  }
  if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, o.etag)) {
    if (prefix) throw failed('x-amz-copy-source-If-None-Match');
    return 304;
  }
  if (ifNoneMatch === undefined && ifModifiedSince !== null && modifiedSec <= ifModifiedSince) {
    if (prefix) throw failed('x-amz-copy-source-If-Modified-Since');
    return 304;
  }
  return null;
}

/** A Range header as [start, end] inclusive; null to send the whole object; InvalidRange when unsatisfiable. */
export function parseRange(value: string | undefined, size: number): [number, number] | null {
  if (!value) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(value.trim());
  // Malformed or multi-range headers are ignored, as S3 does.
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const invalid = () =>
    new AwsError('InvalidRange', 'The requested range is not satisfiable', 416, {
      RangeRequested: value,
      ActualObjectSize: String(size),
    });
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) throw invalid();
    return [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(m[1]);
  // A last byte before the first makes the header invalid, which S3 ignores (whole object, 200), before
  // asking whether the range fits the object.
  if (m[2] !== '' && Number(m[2]) < start) return null;
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size) throw invalid();
  return [start, end];
}

import { AwsError } from '../../core/errors.js';
import { intParam, owner, requireBucket, urlEncodeKey, type S3Call } from './common.js';
import { S3_XMLNS, baseHeaders, isoDate } from './response.js';
import type { ListedRow, S3Store } from './store.js';
import { escapeXml, xmlChildren, xmlElement, type XmlNode } from '../../protocols/xml.js';

/** Smallest byte string greater than every string that starts with `b` (null: none). */
export function successor(b: Buffer): Buffer | null {
  for (let i = b.length - 1; i >= 0; i--) {
    if (b[i] !== 0xff) {
      const out = Buffer.from(b.subarray(0, i + 1));
      out[i] = (out[i] ?? 0) + 1;
      return out;
    }
  }
  return null;
}

/** Smallest byte string greater than `b` itself. */
const after = (b: Buffer): Buffer => Buffer.concat([b, Buffer.from([0])]);
const maxBuf = (a: Buffer, b: Buffer): Buffer => (Buffer.compare(a, b) >= 0 ? a : b);

export interface Page {
  contents: ListedRow[];
  prefixes: string[];
  truncated: boolean;
  /** Inclusive lower bound to resume from. */
  resumeFrom: Buffer | null;
  /** Last key or common prefix returned (ListObjects v1 NextMarker). */
  lastEntry: string | null;
}

/**
 * One listing page by index range seeks: keys roll up into common prefixes, and a common prefix is skipped
 * in one seek past all its keys, so a page costs O(page) however many keys sit under each folder.
 */
export function listPage(
  store: S3Store,
  bucket: string,
  prefix: string,
  delimiter: string,
  from: Buffer,
  maxKeys: number,
): Page {
  const prefixBytes = Buffer.from(prefix, 'utf8');
  const upper = prefix ? successor(prefixBytes) : null;
  let cursor = maxBuf(from, prefixBytes);
  const page: Page = { contents: [], prefixes: [], truncated: false, resumeFrom: null, lastEntry: null };
  let count = 0;
  // With a delimiter, a batch may end at the first common prefix: start small after each skip, then double.
  let batch = delimiter ? 2 : 1001;
  for (;;) {
    if (count === maxKeys) break;
    const limit = Math.min(maxKeys - count + 1, batch);
    const rows = store.range(bucket, cursor, upper, limit);
    let jumped = false;
    for (const row of rows) {
      if (count === maxKeys) {
        page.truncated = maxKeys > 0;
        page.resumeFrom = cursor;
        return page;
      }
      const key = row.key.toString('utf8');
      if (delimiter) {
        const at = key.indexOf(delimiter, prefix.length);
        if (at >= 0) {
          const common = key.slice(0, at + delimiter.length);
          page.prefixes.push(common);
          page.lastEntry = common;
          count++;
          const next = successor(Buffer.from(common, 'utf8'));
          if (!next) return page;
          cursor = next;
          jumped = true;
          break;
        }
      }
      page.contents.push(row);
      page.lastEntry = key;
      count++;
      cursor = after(row.key);
    }
    if (!jumped && rows.length < limit) return page;
    batch = jumped ? 2 : Math.min(batch * 4, 1001);
  }
  if (maxKeys > 0 && store.range(bucket, cursor, upper, 1).length > 0) {
    page.truncated = true;
    page.resumeFrom = cursor;
  }
  return page;
}

/**
 * Lower bound for "strictly after `marker`": also skips the common prefix the marker itself rolls into,
 * since that prefix sorts before the marker and was listed already.
 */
function startAfter(marker: string, prefix: string, delimiter: string): Buffer {
  let from = after(Buffer.from(marker, 'utf8'));
  if (delimiter && marker.startsWith(prefix)) {
    const at = marker.indexOf(delimiter, prefix.length);
    if (at >= 0) {
      const next = successor(Buffer.from(marker.slice(0, at + delimiter.length), 'utf8'));
      if (next) from = maxBuf(from, next);
    }
  }
  return from;
}

const TOKEN_VERSION = 1;
const encodeToken = (from: Buffer): string => Buffer.concat([Buffer.from([TOKEN_VERSION]), from]).toString('base64');

function decodeToken(token: string): Buffer {
  const raw = /^[A-Za-z0-9+/]+={0,2}$/.test(token) ? Buffer.from(token, 'base64') : Buffer.alloc(0);
  if (raw[0] !== TOKEN_VERSION) {
    throw new AwsError('InvalidArgument', 'The continuation token provided is incorrect', 400, {
      ArgumentName: 'continuation-token',
      ArgumentValue: token,
    });
  }
  return raw.subarray(1);
}

/** A listing's parameters, checked before authorization as S3 does (the check needs the prefix). */
export function listParams(call: S3Call) {
  const q = call.r.query;
  const bucket = call.r.bucket ?? '';
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const encodingType = q.get('encoding-type');
  if (encodingType !== null && encodingType !== 'url') {
    throw new AwsError('InvalidArgument', 'Invalid Encoding Method specified in Request', 400, {
      ArgumentName: 'encoding-type',
      ArgumentValue: encodingType,
    });
  }
  const maxKeys = intParam(q, 'max-keys', 1000, 0, 1000);
  const enc = encodingType === 'url' ? urlEncodeKey : (s: string) => s;
  return { q, bucket, prefix, delimiter, encodingType, maxKeys, enc };
}

const NEEDS_ESCAPE = /[&<>"'\r]/;
/** escapeXml with a fast path: listing keys rarely need escaping, and a page holds a thousand. */
const esc = (v: string): string => (NEEDS_ESCAPE.test(v) ? escapeXml(v) : v);

/** Contents elements written straight to a string: the hot part of a 1,000-key page. */
function contentsXml(
  rows: ListedRow[],
  enc: (s: string) => string,
  withOwner: { ID: string; DisplayName: string } | undefined,
): string {
  const ownerXml = withOwner ? xmlElement('Owner', withOwner) : '';
  let out = '';
  for (const row of rows) {
    const algorithm = row.checksum_algorithm ? `<ChecksumAlgorithm>${row.checksum_algorithm}</ChecksumAlgorithm>` : '';
    out +=
      `<Contents><Key>${esc(enc(row.key.toString('utf8')))}</Key><LastModified>${isoDate(row.last_modified)}</LastModified>` +
      `<ETag>&quot;${row.etag}&quot;</ETag>${algorithm}<Size>${row.size}</Size><StorageClass>STANDARD</StorageClass>${ownerXml}</Contents>`;
  }
  return out;
}

/** A ListBucketResult: header fields through the XML writer, then the pre-serialized entries. */
function sendListing(
  call: S3Call,
  head: XmlNode,
  contents: string,
  prefixes: string[],
  enc: (s: string) => string,
): void {
  let body = xmlChildren(head) + contents;
  for (const p of prefixes) body += `<CommonPrefixes><Prefix>${esc(enc(p))}</Prefix></CommonPrefixes>`;
  const payload = `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="${S3_XMLNS}">${body}</ListBucketResult>`;
  call.ctx.res.writeHead(200, {
    ...baseHeaders(call.ctx),
    'Content-Type': 'application/xml',
    'Content-Length': Buffer.byteLength(payload),
  });
  call.ctx.res.end(payload);
}

export async function listObjectsV2(call: S3Call): Promise<void> {
  const { q, bucket, prefix, delimiter, encodingType, maxKeys, enc } = listParams(call);
  requireBucket(call.store, bucket);
  const token = q.get('continuation-token');
  const startAfterKey = q.get('start-after');
  let from: Buffer = Buffer.alloc(0);
  if (token !== null) from = decodeToken(token);
  else if (startAfterKey) from = startAfter(startAfterKey, prefix, delimiter);
  const page = listPage(call.store, bucket, prefix, delimiter, from, maxKeys);
  const fetchOwner = q.get('fetch-owner') === 'true';
  const head: XmlNode = {
    Name: bucket,
    Prefix: enc(prefix),
    Delimiter: delimiter ? enc(delimiter) : undefined,
    MaxKeys: maxKeys,
    EncodingType: encodingType ?? undefined,
    KeyCount: page.contents.length + page.prefixes.length,
    IsTruncated: page.truncated,
    ContinuationToken: token ?? undefined,
    NextContinuationToken: page.truncated && page.resumeFrom ? encodeToken(page.resumeFrom) : undefined,
    StartAfter: startAfterKey !== null ? enc(startAfterKey) : undefined,
  };
  sendListing(
    call,
    head,
    contentsXml(page.contents, enc, fetchOwner ? owner(call.accountId) : undefined),
    page.prefixes,
    enc,
  );
}

export async function listObjectsV1(call: S3Call): Promise<void> {
  const { q, bucket, prefix, delimiter, encodingType, maxKeys, enc } = listParams(call);
  requireBucket(call.store, bucket);
  const marker = q.get('marker') ?? '';
  const from = marker ? startAfter(marker, prefix, delimiter) : Buffer.alloc(0);
  const page = listPage(call.store, bucket, prefix, delimiter, from, maxKeys);
  const head: XmlNode = {
    Name: bucket,
    Prefix: enc(prefix),
    Marker: enc(marker),
    // AWS sends NextMarker only with a delimiter; without one callers resume from the last key.
    NextMarker: page.truncated && delimiter && page.lastEntry !== null ? enc(page.lastEntry) : undefined,
    Delimiter: delimiter ? enc(delimiter) : undefined,
    MaxKeys: maxKeys,
    EncodingType: encodingType ?? undefined,
    IsTruncated: page.truncated,
  };
  sendListing(call, head, contentsXml(page.contents, enc, owner(call.accountId)), page.prefixes, enc);
}

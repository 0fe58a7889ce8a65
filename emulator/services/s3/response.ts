import { randomBytes } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';
import type { AwsError } from '../../core/errors.js';
import type { RequestContext } from '../../core/types.js';
import { escapeXml, xmlDocument, type XmlNode } from '../../protocols/xml.js';
import type { ObjectHeaders, ObjectRow } from './store.js';

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** HTTP date (RFC 1123), as S3 sends Last-Modified. */
export const httpDate = (ms: number): string => new Date(ms).toUTCString();
/** ISO timestamp with milliseconds, as S3 writes dates in XML. */
export const isoDate = (ms: number): string => new Date(ms).toISOString();

export function baseHeaders(ctx: RequestContext): OutgoingHttpHeaders {
  return {
    'x-amz-request-id': ctx.requestId,
    'x-amz-id-2': randomBytes(48).toString('base64'),
    Server: 'AmazonS3',
  };
}

export function sendXml(
  ctx: RequestContext,
  root: string,
  body: XmlNode,
  status = 200,
  headers: OutgoingHttpHeaders = {},
): void {
  const payload = xmlDocument(root, body, S3_XMLNS);
  ctx.res.writeHead(status, {
    ...baseHeaders(ctx),
    'Content-Type': 'application/xml',
    'Content-Length': Buffer.byteLength(payload),
    ...headers,
  });
  ctx.res.end(payload);
}

export function sendEmpty(ctx: RequestContext, status = 200, headers: OutgoingHttpHeaders = {}): void {
  ctx.res.writeHead(status, { ...baseHeaders(ctx), 'Content-Length': 0, ...headers });
  ctx.res.end();
}

/** S3's error document; HEAD answers carry no body, as on AWS. */
export function writeS3Error(ctx: RequestContext, error: AwsError): void {
  const isHead = ctx.req.method === 'HEAD';
  let payload = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>`;
  for (const [name, value] of Object.entries(error.extra)) payload += `<${name}>${escapeXml(value)}</${name}>`;
  const headers = baseHeaders(ctx);
  payload += `<RequestId>${ctx.requestId}</RequestId><HostId>${String(headers['x-amz-id-2'])}</HostId></Error>`;
  // The caller may not have read the body: close so a half-sent upload is not parsed as the next request.
  const closing = !ctx.req.complete && ctx.req.method !== 'GET' && ctx.req.method !== 'HEAD';
  ctx.res.writeHead(error.status, {
    ...headers,
    'Content-Type': 'application/xml',
    'Content-Length': isHead ? 0 : Buffer.byteLength(payload),
    ...(closing ? { Connection: 'close' } : {}),
  });
  ctx.res.end(isHead ? undefined : payload);
}

/** Headers describing a stored object, for GET and HEAD. */
export function objectHeaders(o: ObjectRow, withChecksum: boolean): OutgoingHttpHeaders {
  const h = o.headers;
  const out: OutgoingHttpHeaders = {
    ETag: `"${o.etag}"`,
    'Last-Modified': httpDate(o.lastModified),
    'Accept-Ranges': 'bytes',
    'Content-Type': h.contentType ?? 'application/octet-stream',
  };
  if (h.contentDisposition !== undefined) out['Content-Disposition'] = h.contentDisposition;
  if (h.cacheControl !== undefined) out['Cache-Control'] = h.cacheControl;
  if (h.contentEncoding !== undefined) out['Content-Encoding'] = h.contentEncoding;
  if (h.contentLanguage !== undefined) out['Content-Language'] = h.contentLanguage;
  if (h.expires !== undefined) out.Expires = h.expires;
  for (const [name, value] of Object.entries(h.metadata)) out[`x-amz-meta-${name}`] = value;
  Object.assign(out, encryptionHeaders(h));
  if (withChecksum && o.checksumAlgorithm && o.checksumValue) {
    out[`x-amz-checksum-${o.checksumAlgorithm.toLowerCase()}`] = o.checksumValue;
    out['x-amz-checksum-type'] = o.checksumValue.includes('-') ? 'COMPOSITE' : 'FULL_OBJECT';
  }
  return out;
}

/** The encryption response headers of an object (or an upload): SSE-S3 unless it asked for KMS. */
export function encryptionHeaders(h: Pick<ObjectHeaders, 'serverSideEncryption' | 'sseKmsKeyId'>): OutgoingHttpHeaders {
  return {
    'x-amz-server-side-encryption': h.serverSideEncryption ?? 'AES256',
    ...(h.sseKmsKeyId !== undefined ? { 'x-amz-server-side-encryption-aws-kms-key-id': h.sseKmsKeyId } : {}),
  };
}

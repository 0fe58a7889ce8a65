import { copyFile, open, rename, unlink } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { OutgoingHttpHeaders } from 'node:http';
import { AwsError } from '../../core/errors.js';
import { newContentFile, receiveToFile } from './body.js';
import { openContent, segmentsOf, type Content, writeFully } from './content.js';
import { checkReadConditions, parseRange } from './conditions.js';
import {
  checkKeyLength,
  headersFromRequest,
  noSuchBucket,
  noSuchKey,
  requireBucket,
  target,
  type S3Call,
} from './common.js';
import { header } from './request.js';
import { baseHeaders, encryptionHeaders, isoDate, objectHeaders, sendEmpty, sendXml } from './response.js';
import type { ObjectRow } from './store.js';
import { contentSafetyHeaders } from './active-content.js';

const OVERRIDES: Array<[string, string]> = [
  ['response-content-type', 'Content-Type'],
  ['response-content-disposition', 'Content-Disposition'],
  ['response-cache-control', 'Cache-Control'],
  ['response-content-encoding', 'Content-Encoding'],
  ['response-content-language', 'Content-Language'],
  ['response-expires', 'Expires'],
];

function checksumMode(call: S3Call): boolean {
  const mode = header(call.ctx.req, 'x-amz-checksum-mode') ?? call.r.query.get('x-amz-checksum-mode');
  return mode?.toUpperCase() === 'ENABLED';
}

/** GetObject and HeadObject: conditions, range, response overrides, then the stored bytes streamed. */
export async function getObject(call: S3Call, isHead: boolean): Promise<void> {
  const { bucket, key } = target(call);
  requireBucket(call.store, bucket);
  const { o, content } = await openObject(call, bucket, key, isHead);
  try {
    await sendObject(call, o, content, isHead);
  } finally {
    await content?.close();
  }
}

/**
 * The object's row and its opened content, taken together so an overwrite that unlinks the old file
 * between the index read and the first byte cannot break the answer (an open file stays readable).
 */
async function openObject(
  call: S3Call,
  bucket: string,
  key: string,
  isHead: boolean,
): Promise<{ o: ObjectRow; content: Content | null }> {
  for (let attempt = 0; ; attempt++) {
    const o = call.store.getObject(bucket, key);
    if (!o) throw noSuchKey(key);
    if (isHead || !o.file || o.size === 0) return { o, content: null };
    try {
      return { o, content: await openContent((f) => call.store.path(f), o.file, o.size) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 2) throw e;
    }
  }
}

async function sendObject(call: S3Call, o: ObjectRow, content: Content | null, isHead: boolean): Promise<void> {
  const { req, res } = call.ctx;
  if (checkReadConditions(req, o) === 304) {
    res.writeHead(304, {
      ...baseHeaders(call.ctx),
      ETag: `"${o.etag}"`,
      'Last-Modified': new Date(o.lastModified).toUTCString(),
    });
    res.end();
    return;
  }
  const range = parseRange(header(req, 'range'), o.size);
  const headers: OutgoingHttpHeaders = { ...baseHeaders(call.ctx), ...objectHeaders(o, checksumMode(call) && !range) };
  for (const [param, name] of OVERRIDES) {
    const v = call.r.query.get(param);
    if (v === null) continue;
    // A value Node cannot put in a header would fail after the fact: refuse it up front.
    if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(v)) {
      throw new AwsError('InvalidArgument', `${param} has a value that is not valid in an HTTP header`, 400, {
        ArgumentName: param,
        ArgumentValue: v,
      });
    }
    headers[name] = v;
  }
  Object.assign(headers, contentSafetyHeaders(headers['Content-Type']));
  const [start, end] = range ?? [0, o.size - 1];
  headers['Content-Length'] = o.size === 0 ? 0 : end - start + 1;
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${o.size}`;
  res.writeHead(range ? 206 : 200, headers);
  if (isHead || !content || o.size === 0) {
    res.end();
    return;
  }
  await pipeline(content.stream(start, end), res);
}

export async function putObject(call: S3Call): Promise<void> {
  const { bucket, key } = target(call);
  requireBucket(call.store, bucket);
  const headers = headersFromRequest(call.ctx.req);
  const body = await receiveToFile(call.store, call.ctx, 'objects');
  // Conditional write: If-None-Match: * refuses to overwrite.
  if (header(call.ctx.req, 'if-none-match') === '*' && call.store.getObject(bucket, key)) {
    call.store.unlinkQuietly(body.file);
    throw new AwsError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, {
      Condition: 'If-None-Match',
    });
  }
  if (!call.store.getBucket(bucket)) {
    call.store.unlinkQuietly(body.file);
    throw noSuchBucket(bucket);
  }
  call.store.putObject({
    bucket,
    key,
    size: body.size,
    etag: body.md5,
    lastModified: Date.now(),
    headers,
    checksumAlgorithm: body.checksum?.algorithm ?? null,
    checksumValue: body.checksum?.value ?? null,
    file: body.file,
  });
  const out: OutgoingHttpHeaders = { ETag: `"${body.md5}"`, ...encryptionHeaders(headers) };
  if (body.checksum) {
    out[`x-amz-checksum-${body.checksum.algorithm.toLowerCase()}`] = body.checksum.value;
    out['x-amz-checksum-type'] = 'FULL_OBJECT';
  }
  sendEmpty(call.ctx, 200, out);
}

/** `x-amz-copy-source`: `[/]bucket/key[?versionId=...]`, URL-encoded. */
export function parseCopySource(value: string): { bucket: string; key: string } {
  const bad = () =>
    new AwsError('InvalidArgument', 'Invalid copy source object key', 400, {
      ArgumentName: 'x-amz-copy-source',
      ArgumentValue: value,
    });
  const path = value.replace(/^\//, '').split('?')[0] ?? '';
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1) throw bad();
  let source: { bucket: string; key: string };
  try {
    source = { bucket: decodeURIComponent(path.slice(0, slash)), key: decodeURIComponent(path.slice(slash + 1)) };
  } catch {
    throw bad();
  }
  checkKeyLength(source.key);
  return source;
}

/** Copy an object's content into one new content file (fsynced), for CopyObject. */
async function copyContent(call: S3Call, src: ObjectRow): Promise<string | null> {
  if (!src.file) return null;
  const tmp = call.store.path(`tmp/${randomUUID()}`);
  try {
    const segments = segmentsOf(src.file, src.size);
    if (segments.length === 1) await copyFile(call.store.path(segments[0]!.file), tmp);
    else {
      // A multipart object's parts, joined.
      const content = await openContent((f) => call.store.path(f), src.file, src.size);
      const out = await open(tmp, 'w');
      try {
        for await (const chunk of content.stream(0, src.size - 1) as AsyncIterable<Buffer>) {
          await writeFully(out, chunk);
        }
      } finally {
        await out.close();
        await content.close();
      }
    }
    const fh = await open(tmp, 'r+');
    await fh.sync();
    await fh.close();
    const dest = newContentFile(call.store, 'objects');
    await rename(tmp, call.store.path(dest));
    return dest;
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

export async function copyObject(call: S3Call): Promise<void> {
  const { bucket, key } = target(call);
  const source = parseCopySource(header(call.ctx.req, 'x-amz-copy-source') ?? '');
  requireBucket(call.store, source.bucket);
  requireBucket(call.store, bucket);
  const src = call.store.getObject(source.bucket, source.key);
  if (!src) throw noSuchKey(source.key);
  checkReadConditions(call.ctx.req, src, 'x-amz-copy-source-');
  const directive = (header(call.ctx.req, 'x-amz-metadata-directive') ?? 'COPY').toUpperCase();
  if (directive !== 'COPY' && directive !== 'REPLACE') {
    throw new AwsError('InvalidArgument', 'Unknown metadata directive.', 400, {
      ArgumentName: 'x-amz-metadata-directive',
      ArgumentValue: directive,
    });
  }
  if (directive === 'COPY' && source.bucket === bucket && source.key === key) {
    throw new AwsError(
      'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  const file = await copyContent(call, src);
  const row: ObjectRow = {
    ...src,
    bucket,
    key,
    lastModified: Date.now(),
    headers: directive === 'REPLACE' ? headersFromRequest(call.ctx.req) : src.headers,
    file,
  };
  call.store.putObject(row);
  const checksum =
    row.checksumAlgorithm && row.checksumValue ? { [`Checksum${row.checksumAlgorithm}`]: row.checksumValue } : {};
  sendXml(
    call.ctx,
    'CopyObjectResult',
    { ETag: `"${row.etag}"`, LastModified: isoDate(row.lastModified), ...checksum },
    200,
    encryptionHeaders(row.headers),
  );
}

export async function deleteObject(call: S3Call): Promise<void> {
  const { bucket, key } = target(call);
  requireBucket(call.store, bucket);
  call.store.deleteObject(bucket, key);
  sendEmpty(call.ctx, 204);
}

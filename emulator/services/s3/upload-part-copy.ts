import { createHash, randomUUID } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { AwsError } from '../../core/errors.js';
import { newContentFile } from './body.js';
import { openContent, writeFully } from './content.js';
import { checkReadConditions } from './conditions.js';
import { noSuchKey, requireBucket, target, type S3Call } from './common.js';
import { parseCopySource } from './objects.js';
import { header } from './request.js';
import { isoDate, sendXml } from './response.js';

const MAX_COPY_PART = 5 * 1024 ** 3;

/** `x-amz-copy-source-range: bytes=first-last` within the source, or the whole source. */
function copyRange(value: string | undefined, size: number): [number, number] {
  if (value === undefined) return [0, size - 1];
  const m = /^bytes=(\d+)-(\d+)$/.exec(value.trim());
  if (!m) {
    throw new AwsError(
      'InvalidArgument',
      'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy',
      400,
      {
        ArgumentName: 'x-amz-copy-source-range',
        ArgumentValue: value,
      },
    );
  }
  const first = Number(m[1]);
  const last = Number(m[2]);
  if (first > last || last >= size) {
    throw new AwsError('InvalidRange', 'The requested range is not satisfiable', 416, {
      RangeRequested: value,
      ActualObjectSize: String(size),
    });
  }
  return [first, last];
}

/** UploadPartCopy: a part made from a byte range of an existing object, streamed file to file. */
export async function uploadPartCopy(call: S3Call): Promise<void> {
  const { bucket, key } = target(call);
  const source = parseCopySource(header(call.ctx.req, 'x-amz-copy-source') ?? '');
  requireBucket(call.store, bucket);
  requireBucket(call.store, source.bucket);
  const raw = call.r.query.get('partNumber') ?? '';
  const partNumber = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(partNumber >= 1 && partNumber <= 10_000)) {
    throw new AwsError('InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive', 400, {
      ArgumentName: 'partNumber',
      ArgumentValue: raw,
    });
  }
  const uploadId = call.r.query.get('uploadId') ?? '';
  const upload = call.store.getUpload(uploadId);
  if (!upload || upload.bucket !== bucket || upload.key !== key) {
    throw new AwsError(
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      404,
      { UploadId: uploadId },
    );
  }
  const src = call.store.getObject(source.bucket, source.key);
  if (!src) throw noSuchKey(source.key);
  checkReadConditions(call.ctx.req, src, 'x-amz-copy-source-');
  const [first, last] = src.size === 0 ? [0, -1] : copyRange(header(call.ctx.req, 'x-amz-copy-source-range'), src.size);
  if (last - first + 1 > MAX_COPY_PART)
    throw new AwsError(
      'InvalidRequest',
      'The specified copy source is larger than the maximum allowable size for a copy source: 5368709120',
    );

  const tmp = call.store.path(`tmp/${randomUUID()}`);
  const out = await open(tmp, 'w');
  const md5 = createHash('md5');
  try {
    if (src.file && last >= first) {
      const content = await openContent((f) => call.store.path(f), src.file, src.size);
      try {
        for await (const chunk of content.stream(first, last) as AsyncIterable<Buffer>) {
          md5.update(chunk);
          await writeFully(out, chunk);
        }
      } finally {
        await content.close();
      }
    }
    await out.sync();
    await out.close();
  } catch (e) {
    await out.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  const file = newContentFile(call.store, 'parts');
  await rename(tmp, call.store.path(file));
  const etag = md5.digest('hex');
  const now = Date.now();
  call.store.putPart({
    uploadId,
    partNumber,
    size: Math.max(0, last - first + 1),
    etag,
    lastModified: now,
    checksumValue: null,
    file,
  });
  sendXml(call.ctx, 'CopyPartResult', { ETag: `"${etag}"`, LastModified: isoDate(now) });
}

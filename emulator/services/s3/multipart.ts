import { randomBytes, createHash } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';
import { AwsError } from '../../core/errors.js';
import { receiveSmallBody, receiveToFile } from './body.js';
import { segmentsRef } from './content.js';
import { compositeChecksum, toChecksumAlgorithm } from './checksums.js';
import { headersFromRequest, intParam, owner, requireBucket, target, type S3Call } from './common.js';
import { header } from './request.js';
import { encryptionHeaders, isoDate, sendEmpty, sendXml } from './response.js';
import type { PartRow, UploadRow } from './store.js';
import { children, malformedXml, parseXmlBody, textOf } from './xml-input.js';

const MIN_PART_SIZE = 5 * 1024 * 1024;
const MAX_PARTS = 10_000;

function noSuchUpload(uploadId: string): AwsError {
  return new AwsError(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    404,
    { UploadId: uploadId },
  );
}

function requireUpload(call: S3Call, bucket: string, key: string): UploadRow {
  const uploadId = call.r.query.get('uploadId') ?? '';
  const upload = call.store.getUpload(uploadId);
  if (!upload || upload.bucket !== bucket || upload.key !== key) throw noSuchUpload(uploadId);
  return upload;
}

export async function createMultipartUpload(call: S3Call): Promise<void> {
  const { bucket, key } = target(call);
  requireBucket(call.store, bucket);
  const algorithm = toChecksumAlgorithm(header(call.ctx.req, 'x-amz-checksum-algorithm'));
  const upload: UploadRow = {
    uploadId: randomBytes(48).toString('base64url'),
    bucket,
    key,
    initiated: Date.now(),
    headers: headersFromRequest(call.ctx.req),
    checksumAlgorithm: algorithm,
  };
  call.store.createUpload(upload);
  const extra: OutgoingHttpHeaders = {
    ...encryptionHeaders(upload.headers),
    ...(algorithm ? { 'x-amz-checksum-algorithm': algorithm, 'x-amz-checksum-type': 'COMPOSITE' } : {}),
  };
  sendXml(
    call.ctx,
    'InitiateMultipartUploadResult',
    { Bucket: bucket, Key: key, UploadId: upload.uploadId },
    200,
    extra,
  );
}

export async function uploadPart(call: S3Call): Promise<void> {
  const { bucket, key } = target(call);
  requireBucket(call.store, bucket);
  const raw = call.r.query.get('partNumber') ?? '';
  const partNumber = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(partNumber >= 1 && partNumber <= MAX_PARTS)) {
    throw new AwsError('InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive', 400, {
      ArgumentName: 'partNumber',
      ArgumentValue: raw,
    });
  }
  const upload = requireUpload(call, bucket, key);
  const body = await receiveToFile(call.store, call.ctx, 'parts');
  const file = body.file ?? '';
  if (!call.store.getUpload(upload.uploadId)) {
    call.store.unlinkQuietly(file);
    throw noSuchUpload(upload.uploadId);
  }
  call.store.putPart({
    uploadId: upload.uploadId,
    partNumber,
    size: body.size,
    etag: body.md5,
    lastModified: Date.now(),
    checksumValue: body.checksum?.value ?? null,
    file,
  });
  const out: OutgoingHttpHeaders = { ETag: `"${body.md5}"`, ...encryptionHeaders(upload.headers) };
  if (body.checksum) out[`x-amz-checksum-${body.checksum.algorithm.toLowerCase()}`] = body.checksum.value;
  sendEmpty(call.ctx, 200, out);
}

const unquote = (etag: string): string => etag.trim().replace(/^"|"$/g, '');

export async function completeMultipartUpload(call: S3Call): Promise<void> {
  const { bucket, key } = target(call);
  requireBucket(call.store, bucket);
  const upload = requireUpload(call, bucket, key);
  const { data } = await receiveSmallBody(call.ctx);
  const requested = children(parseXmlBody(data, 'CompleteMultipartUpload'), 'Part').map((p) => {
    const n = textOf(p, 'PartNumber')?.trim() ?? '';
    const etag = textOf(p, 'ETag');
    if (!/^\d+$/.test(n) || etag === undefined) throw malformedXml();
    return { partNumber: Number(n), etag: unquote(etag) };
  });
  if (!requested.length) throw malformedXml();
  const stored = new Map(call.store.listParts(upload.uploadId).map((p) => [p.partNumber, p]));
  // AWS checks the order of the whole list first, then that each part exists, then part sizes.
  for (let i = 1; i < requested.length; i++) {
    if (requested[i]!.partNumber <= requested[i - 1]!.partNumber) {
      throw new AwsError(
        'InvalidPartOrder',
        'The list of parts was not in ascending order. Parts must be ordered by part number.',
        400,
        {
          UploadId: upload.uploadId,
        },
      );
    }
  }
  const chosen: PartRow[] = requested.map((want) => {
    const part = stored.get(want.partNumber);
    if (!part || part.etag !== want.etag) {
      throw new AwsError(
        'InvalidPart',
        "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
        400,
        { UploadId: upload.uploadId, PartNumber: String(want.partNumber), ETag: want.etag },
      );
    }
    return part;
  });
  for (const part of chosen.slice(0, -1)) {
    if (part.size < MIN_PART_SIZE) {
      throw new AwsError('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', 400, {
        ProposedSize: String(part.size),
        MinSizeAllowed: String(MIN_PART_SIZE),
        PartNumber: String(part.partNumber),
        ETag: part.etag,
      });
    }
  }
  const md5s = createHash('md5');
  for (const p of chosen) md5s.update(Buffer.from(p.etag, 'hex'));
  const etag = `${md5s.digest('hex')}-${chosen.length}`;
  const algorithm = toChecksumAlgorithm(upload.checksumAlgorithm);
  const values = chosen.map((p) => p.checksumValue);
  const checksum =
    algorithm && values.every((v): v is string => v !== null) ? compositeChecksum(algorithm, values) : null;
  const size = chosen.reduce((n, p) => n + p.size, 0);
  // The object is its parts, in order, as they are on disk (content.ts): nothing is copied.
  const completed = call.store.completeUpload(upload.uploadId, {
    bucket,
    key,
    size,
    etag,
    lastModified: Date.now(),
    headers: upload.headers,
    checksumAlgorithm: checksum ? algorithm : null,
    checksumValue: checksum,
    file: size === 0 ? null : segmentsRef(chosen.map((p) => ({ file: p.file, size: p.size }))),
  });
  if (!completed) throw noSuchUpload(upload.uploadId);
  sendXml(
    call.ctx,
    'CompleteMultipartUploadResult',
    {
      Location: `${call.ctx.url.origin}/${bucket}/${encodeURIComponent(key).replace(/%2F/g, '/')}`,
      Bucket: bucket,
      Key: key,
      ETag: `"${etag}"`,
      ...(checksum && algorithm ? { [`Checksum${algorithm}`]: checksum, ChecksumType: 'COMPOSITE' } : {}),
    },
    200,
    encryptionHeaders(upload.headers),
  );
}

export async function abortMultipartUpload(call: S3Call): Promise<void> {
  const { bucket, key } = target(call);
  requireBucket(call.store, bucket);
  const upload = requireUpload(call, bucket, key);
  call.store.removeUpload(upload.uploadId);
  sendEmpty(call.ctx, 204);
}

export async function listParts(call: S3Call): Promise<void> {
  const { bucket, key } = target(call);
  requireBucket(call.store, bucket);
  const upload = requireUpload(call, bucket, key);
  const maxParts = intParam(call.r.query, 'max-parts', 1000, 0, 1000);
  const marker = intParam(call.r.query, 'part-number-marker', 0, 0, MAX_PARTS);
  const parts = call.store.listParts(upload.uploadId, marker, maxParts + 1);
  const page = parts.slice(0, maxParts);
  const truncated = parts.length > maxParts;
  const who = owner(call.accountId);
  const algorithm = upload.checksumAlgorithm;
  sendXml(call.ctx, 'ListPartsResult', {
    Bucket: bucket,
    Key: key,
    UploadId: upload.uploadId,
    PartNumberMarker: marker,
    NextPartNumberMarker: page.length ? page[page.length - 1]?.partNumber : undefined,
    MaxParts: maxParts,
    IsTruncated: truncated,
    Part: page.map((p) => ({
      PartNumber: p.partNumber,
      LastModified: isoDate(p.lastModified),
      ETag: `"${p.etag}"`,
      Size: p.size,
      ...(algorithm && p.checksumValue ? { [`Checksum${algorithm}`]: p.checksumValue } : {}),
    })),
    Initiator: who,
    Owner: who,
    StorageClass: 'STANDARD',
    ChecksumAlgorithm: algorithm ?? undefined,
  });
}

export async function listMultipartUploads(call: S3Call): Promise<void> {
  const bucket = call.r.bucket ?? '';
  requireBucket(call.store, bucket);
  const q = call.r.query;
  const prefix = q.get('prefix') ?? '';
  const keyMarker = q.get('key-marker') ?? '';
  const idMarker = q.get('upload-id-marker') ?? '';
  const max = intParam(q, 'max-uploads', 1000, 0, 1000);
  const all = call.store.listUploads(bucket).filter((u) => {
    if (!u.key.startsWith(prefix)) return false;
    if (!keyMarker) return true;
    // With an upload-id marker, the marker key's later uploads follow; without one, the key is skipped.
    return u.key > keyMarker || (u.key === keyMarker && idMarker !== '' && u.uploadId > idMarker);
  });
  const page = all.slice(0, max);
  const last = page[page.length - 1];
  const truncated = all.length > max;
  const who = owner(call.accountId);
  sendXml(call.ctx, 'ListMultipartUploadsResult', {
    Bucket: bucket,
    KeyMarker: keyMarker,
    UploadIdMarker: idMarker,
    NextKeyMarker: truncated && last ? last.key : undefined,
    NextUploadIdMarker: truncated && last ? last.uploadId : undefined,
    Prefix: prefix,
    MaxUploads: max,
    IsTruncated: truncated,
    Upload: page.map((u) => ({
      Key: u.key,
      UploadId: u.uploadId,
      Initiator: who,
      Owner: who,
      StorageClass: 'STANDARD',
      Initiated: isoDate(u.initiated),
      ChecksumAlgorithm: u.checksumAlgorithm ?? undefined,
    })),
  });
}

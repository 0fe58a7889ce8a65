import { randomUUID } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { AwsError } from '../../core/errors.js';
import { writeFully } from './content.js';
import type { RequestContext } from '../../core/types.js';
import { decodeAwsChunked, signatureMismatch, type SignedChunks } from './aws-chunked.js';
import {
  CHECKSUM_ALGORITHMS,
  DIGEST_BYTES,
  checksumHeader,
  createHasher,
  toChecksumAlgorithm,
  type ChecksumAlgorithm,
  type Hasher,
} from './checksums.js';
import type { S3Store } from './store.js';
import { header } from './request.js';

/** The request whose body is read, and its caller (who holds the chunk signer of a streaming-signed upload). */
export type BodyContext = Pick<RequestContext, 'req' | 'caller'>;

/** Largest single PutObject / UploadPart body AWS accepts. */
const MAX_SINGLE_UPLOAD = 5 * 1024 ** 3;

export interface ReceivedBody {
  size: number;
  md5: string;
  checksum: { algorithm: ChecksumAlgorithm; value: string } | null;
}

interface ExpectedChecksum {
  algorithm: ChecksumAlgorithm;
  /** Value sent in a header; null when it comes in a trailer or is to be computed. */
  value: string | null;
  fromTrailer: boolean;
}

function expectedChecksum(req: IncomingMessage): ExpectedChecksum | null {
  const sent = CHECKSUM_ALGORITHMS.filter((a) => header(req, checksumHeader(a)) !== undefined);
  if (sent.length > 1) {
    throw new AwsError(
      'InvalidRequest',
      'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.',
    );
  }
  const [algorithm] = sent;
  if (algorithm) return { algorithm, value: header(req, checksumHeader(algorithm)) ?? '', fromTrailer: false };
  const trailer = header(req, 'x-amz-trailer');
  if (trailer) {
    const fromTrailer = toChecksumAlgorithm(
      trailer
        .trim()
        .toLowerCase()
        .replace(/^x-amz-checksum-/, ''),
    );
    if (fromTrailer) return { algorithm: fromTrailer, value: null, fromTrailer: true };
  }
  const declared = toChecksumAlgorithm(header(req, 'x-amz-sdk-checksum-algorithm'));
  return declared ? { algorithm: declared, value: null, fromTrailer: false } : null;
}

/** Signed-chunk uploads are checked chunk by chunk; one without a signer (presigned, anonymous) cannot be. */
function signedChunks(ctx: BodyContext, contentSha: string): SignedChunks | null {
  if (
    contentSha !== 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' &&
    contentSha !== 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER'
  )
    return null;
  const signer = ctx.caller.chunkSigner;
  if (!signer) throw signatureMismatch();
  return { signer, trailer: contentSha.endsWith('-TRAILER') };
}

function validChecksumValue(algorithm: ChecksumAlgorithm, value: string): boolean {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === DIGEST_BYTES[algorithm];
}

/**
 * Stream a request body (plain or aws-chunked) into `write`, computing MD5 and the checksum the caller
 * asked for, and verify Content-MD5, x-amz-checksum-*, x-amz-content-sha256, chunk signatures and the decoded length.
 */
export async function receiveBody(
  ctx: BodyContext,
  write: (chunk: Buffer) => Promise<void> | void,
): Promise<ReceivedBody> {
  const { req } = ctx;
  const contentSha = header(req, 'x-amz-content-sha256') ?? '';
  const encoding = header(req, 'content-encoding') ?? '';
  const chunked = contentSha.startsWith('STREAMING-') || /(^|,)\s*aws-chunked\s*(,|$)/i.test(encoding);
  const declaredLength = Number(
    chunked ? (header(req, 'x-amz-decoded-content-length') ?? NaN) : (header(req, 'content-length') ?? NaN),
  );
  if (!chunked && header(req, 'content-length') === undefined && header(req, 'transfer-encoding')) {
    throw new AwsError('MissingContentLength', 'You must provide the Content-Length HTTP header.', 411);
  }
  if (declaredLength > MAX_SINGLE_UPLOAD) {
    throw new AwsError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, {
      ProposedSize: String(declaredLength),
      MaxSizeAllowed: String(MAX_SINGLE_UPLOAD),
    });
  }

  const expected = expectedChecksum(req);
  if (
    expected?.value !== null &&
    expected?.value !== undefined &&
    !validChecksumValue(expected.algorithm, expected.value)
  ) {
    throw new AwsError('InvalidRequest', `Value for ${checksumHeader(expected.algorithm)} header is invalid.`);
  }
  const contentMd5 = header(req, 'content-md5');
  if (contentMd5 !== undefined && Buffer.from(contentMd5, 'base64').length !== 16) {
    throw new AwsError('InvalidDigest', 'The Content-MD5 you specified was invalid.', 400, {
      'Content-MD5': contentMd5,
    });
  }
  const literalSha = /^[0-9a-f]{64}$/i.test(contentSha) ? contentSha.toLowerCase() : null;

  const md5 = createHasher('MD5');
  const checksum: Hasher | null = expected ? createHasher(expected.algorithm) : null;
  const sha256: Hasher | null = literalSha ? createHasher('SHA256') : null;
  const trailers = new Map<string, string>();
  const source: AsyncIterable<Buffer> = chunked ? decodeAwsChunked(req, trailers, signedChunks(ctx, contentSha)) : req;
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > MAX_SINGLE_UPLOAD)
      throw new AwsError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
    md5.update(chunk);
    checksum?.update(chunk);
    sha256?.update(chunk);
    await write(chunk);
  }

  if (Number.isFinite(declaredLength) && declaredLength !== size) {
    throw new AwsError(
      'IncompleteBody',
      'You did not provide the number of bytes specified by the Content-Length HTTP header.',
    );
  }
  const md5Raw = md5.digest();
  if (contentMd5 !== undefined && md5Raw.toString('base64') !== contentMd5) {
    throw new AwsError('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400, {
      ExpectedDigest: contentMd5,
      CalculatedDigest: md5Raw.toString('base64'),
    });
  }
  if (sha256 && literalSha) {
    const computed = sha256.digest().toString('hex');
    if (computed !== literalSha) {
      throw new AwsError(
        'XAmzContentSHA256Mismatch',
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
        400,
        {
          ClientComputedContentSHA256: literalSha,
          S3ComputedContentSHA256: computed,
        },
      );
    }
  }
  let stored: ReceivedBody['checksum'] = null;
  if (expected && checksum) {
    const computed = checksum.digest().toString('base64');
    const given = expected.fromTrailer ? (trailers.get(checksumHeader(expected.algorithm)) ?? null) : expected.value;
    if (expected.fromTrailer && given === null) {
      throw new AwsError(
        'InvalidRequest',
        `The trailer ${checksumHeader(expected.algorithm)} was declared but not sent.`,
      );
    }
    if (given !== null && !validChecksumValue(expected.algorithm, given)) {
      throw new AwsError('InvalidRequest', `Value for ${checksumHeader(expected.algorithm)} header is invalid.`);
    }
    if (given !== null && given !== computed) {
      throw new AwsError('BadDigest', `The ${expected.algorithm} you specified did not match the calculated checksum.`);
    }
    stored = { algorithm: expected.algorithm, value: computed };
  }
  return { size, md5: md5Raw.toString('hex'), checksum: stored };
}

/** A fresh content-file path (relative to the store root), its folder created. */
export function newContentFile(store: S3Store, kind: 'objects' | 'parts'): string {
  const id = randomUUID();
  const rel = `${kind}/${id.slice(0, 2)}/${id}`;
  store.ensureDir(dirname(store.path(rel)));
  return rel;
}

/**
 * Receive a body into a new content file: written to a temp name, fsynced, renamed. Returns the file
 * (null for an empty body) with the digests; the temp file is removed on any failure.
 */
export async function receiveToFile(
  store: S3Store,
  ctx: BodyContext,
  kind: 'objects' | 'parts',
): Promise<ReceivedBody & { file: string | null }> {
  const tmp = store.path(`tmp/${randomUUID()}`);
  const fh = await open(tmp, 'w');
  let closed = false;
  try {
    const body = await receiveBody(ctx, (chunk) => writeFully(fh, chunk));
    if (body.size === 0 && kind === 'objects') {
      await fh.close();
      closed = true;
      await unlink(tmp);
      return { ...body, file: null };
    }
    await fh.sync();
    await fh.close();
    closed = true;
    const file = newContentFile(store, kind);
    await rename(tmp, store.path(file));
    return { ...body, file };
  } catch (e) {
    if (!closed) await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** Read a small body (XML documents) into memory, with the same decoding and digest checks. */
export async function receiveSmallBody(
  ctx: BodyContext,
  limit = 2 * 1024 * 1024,
): Promise<{ data: Buffer; body: ReceivedBody }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const body = await receiveBody(ctx, (chunk) => {
    size += chunk.length;
    if (size > limit) throw new AwsError('MaxMessageLengthExceeded', 'Your request was too big.');
    chunks.push(chunk);
  });
  return { data: Buffer.concat(chunks), body };
}

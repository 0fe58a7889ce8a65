import { createHash, type Hash } from 'node:crypto';
import { AwsError } from '../../core/errors.js';
import type { ChunkSigner } from '../../core/types.js';

/** Chained signatures to check while decoding (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]). */
export interface SignedChunks {
  signer: ChunkSigner;
  /** The -TRAILER variant: the trailers end with x-amz-trailer-signature. */
  trailer: boolean;
}

export function signatureMismatch(): AwsError {
  return new AwsError(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    403,
  );
}

/** Verifies each chunk's signature against the previous one, from the seed signature on. */
class ChunkChain {
  private previous: string;
  private expected = '';
  private hash: Hash | null = null;
  private trailerHash = createHash('sha256');
  private trailerSignature: string | null = null;

  constructor(private readonly signed: SignedChunks) {
    this.previous = signed.signer.seedSignature;
  }

  start(sizeLine: string): void {
    const signature = /;\s*chunk-signature=([0-9a-f]{64})\s*$/.exec(sizeLine)?.[1];
    if (!signature) throw signatureMismatch();
    this.expected = signature;
    this.hash = createHash('sha256');
  }

  update(data: Buffer): void {
    this.hash?.update(data);
  }

  end(): void {
    if (!this.hash || !this.signed.signer.verifyChunk(this.previous, this.expected, this.hash.digest('hex')))
      throw signatureMismatch();
    this.previous = this.expected;
    this.hash = null;
  }

  trailerLine(line: string, name: string, value: string): void {
    if (name === 'x-amz-trailer-signature') this.trailerSignature = value;
    else if (this.trailerSignature === null) this.trailerHash.update(`${line}\n`);
    else throw signatureMismatch();
  }

  finish(): void {
    if (!this.signed.trailer) return;
    const signature = this.trailerSignature;
    if (!signature || !this.signed.signer.verifyTrailer(this.previous, signature, this.trailerHash.digest('hex')))
      throw signatureMismatch();
  }
}

/**
 * Decode an aws-chunked body (STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]):
 * `hex-size[;chunk-signature=...]\r\n data \r\n ... 0\r\n trailer-name:value\r\n \r\n`.
 * Yields the payload without framing; trailers (lower-case names) land in `trailers`. With `signed`, a
 * chunk or trailer whose signature does not match throws SignatureDoesNotMatch once its data is read.
 */
export async function* decodeAwsChunked(
  source: AsyncIterable<Buffer>,
  trailers: Map<string, string>,
  signed: SignedChunks | null = null,
): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  let state = 'size' as 'size' | 'data' | 'crlf' | 'trailer' | 'done';
  let remaining = 0;
  const chain = signed ? new ChunkChain(signed) : null;
  const malformed = () => new AwsError('IncompleteBody', 'The request body is not valid aws-chunked encoding.', 400);
  const trailerLine = (line: string) => {
    const colon = line.indexOf(':');
    if (colon <= 0) return false;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    chain?.trailerLine(line, name, value);
    trailers.set(name, value);
    return true;
  };

  for await (const chunk of source) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (state === 'data') {
        if (!pending.length) break;
        const take = Math.min(remaining, pending.length);
        const data = pending.subarray(0, take);
        chain?.update(data);
        yield data;
        pending = pending.subarray(take);
        remaining -= take;
        if (remaining === 0) {
          chain?.end();
          state = 'crlf';
        }
        continue;
      }
      if (state === 'crlf') {
        if (pending.length < 2) break;
        if (pending[0] !== 0x0d || pending[1] !== 0x0a) throw malformed();
        pending = pending.subarray(2);
        state = 'size';
        continue;
      }
      if (state === 'done') {
        pending = Buffer.alloc(0);
        break;
      }
      const eol = pending.indexOf('\r\n');
      if (eol < 0) {
        if (pending.length > 8192) throw malformed();
        break;
      }
      const line = pending.subarray(0, eol).toString('latin1');
      pending = pending.subarray(eol + 2);
      if (state === 'size') {
        const hex = line.split(';')[0]?.trim() ?? '';
        if (!/^[0-9a-fA-F]{1,16}$/.test(hex)) throw malformed();
        remaining = parseInt(hex, 16);
        chain?.start(line);
        if (remaining === 0) chain?.end();
        state = remaining === 0 ? 'trailer' : 'data';
      } else if (line === '') {
        state = 'done';
      } else if (!trailerLine(line)) {
        throw malformed();
      }
    }
  }
  // Some encoders end after the trailers without the closing blank line.
  if (state === 'data' || state === 'crlf' || state === 'size') throw malformed();
  if (state === 'trailer' && pending.length) trailerLine(pending.toString('latin1').trim());
  chain?.finish();
}

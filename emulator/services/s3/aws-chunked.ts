import { AwsError } from '../../core/errors.js';

/**
 * Decode an aws-chunked body (STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]):
 * `hex-size[;chunk-signature=...]\r\n data \r\n ... 0\r\n trailer-name:value\r\n \r\n`.
 * Yields the payload without framing; trailers (lower-case names) land in `trailers`.
 */
export async function* decodeAwsChunked(
  source: AsyncIterable<Buffer>,
  trailers: Map<string, string>,
): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  let state = 'size' as 'size' | 'data' | 'crlf' | 'trailer' | 'done';
  let remaining = 0;
  const malformed = () => new AwsError('IncompleteBody', 'The request body is not valid aws-chunked encoding.', 400);

  for await (const chunk of source) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (state === 'data') {
        if (!pending.length) break;
        const take = Math.min(remaining, pending.length);
        yield pending.subarray(0, take);
        pending = pending.subarray(take);
        remaining -= take;
        if (remaining === 0) state = 'crlf';
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
        state = remaining === 0 ? 'trailer' : 'data';
      } else if (line === '') {
        state = 'done';
      } else {
        const colon = line.indexOf(':');
        if (colon <= 0) throw malformed();
        trailers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
    }
  }
  // Some encoders end after the trailers without the closing blank line.
  if (state === 'data' || state === 'crlf' || state === 'size') throw malformed();
  if (state === 'trailer' && pending.length) {
    const line = pending.toString('latin1').trim();
    const colon = line.indexOf(':');
    if (colon > 0) trailers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
}

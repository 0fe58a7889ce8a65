import { AwsError } from '../../core/errors.js';

/** S3's answer to a body that is not multipart/form-data it can read. */
export const malformedPost = (detail = 'The body of your POST request is not well-formed multipart/form-data.') =>
  new AwsError('MalformedPOSTRequest', detail, 400);

/** The boundary of a multipart/form-data Content-Type, or null when it is not one. */
export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2] ?? null;
}

export interface FormPart {
  /** The field name, as sent (S3 compares names case-insensitively). */
  name: string;
  /** Set for a file part. */
  filename?: string;
  contentType?: string;
}

/** Fields larger than this are refused (S3 limits a POST's form fields to 20 KB in all). */
const MAX_FIELDS_BYTES = 20 * 1024;
const MAX_HEADER_BYTES = 8 * 1024;

/**
 * A pull parser over a multipart/form-data stream: fields are read into memory, the file part is
 * streamed (held back only by the length of the boundary), so a 5 GB upload never sits in memory.
 */
export class FormReader {
  private buf: Buffer = Buffer.alloc(0);
  private ended = false;
  private readonly source: AsyncIterator<Buffer>;
  private readonly delimiter: Buffer;
  private fieldBytes = 0;
  private isFinished = false;

  constructor(stream: AsyncIterable<Buffer>, boundary: string) {
    this.source = stream[Symbol.asyncIterator]();
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.source.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as Uint8Array);
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    return true;
  }

  private async need(n: number): Promise<void> {
    while (this.buf.length < n) if (!(await this.fill())) throw malformedPost();
  }

  /** Stream bytes up to `marker` (consumed, not yielded); the tail that could start a marker is held back. */
  private async *until(marker: Buffer, limit = Infinity): AsyncGenerator<Buffer> {
    let seen = 0;
    for (;;) {
      const at = this.buf.indexOf(marker);
      if (at >= 0) {
        seen += at;
        if (seen > limit) throw malformedPost('A form field or part header is too large.');
        if (at > 0) yield this.buf.subarray(0, at);
        this.buf = this.buf.subarray(at + marker.length);
        return;
      }
      const keep = marker.length - 1;
      if (this.buf.length > keep) {
        const out = this.buf.subarray(0, this.buf.length - keep);
        seen += out.length;
        if (seen > limit) throw malformedPost('A form field or part header is too large.');
        this.buf = this.buf.subarray(this.buf.length - keep);
        yield out;
      }
      if (!(await this.fill())) throw malformedPost();
    }
  }

  private async collect(marker: Buffer, limit: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const b of this.until(marker, limit)) parts.push(b);
    return Buffer.concat(parts);
  }

  /** The next part's headers, or null after the closing boundary. Call `text()` or `body()` before the next. */
  async next(): Promise<FormPart | null> {
    if (this.isFinished) return null;
    if (!this.started) {
      this.started = true;
      // The first boundary has no CRLF before it: discard any preamble up to it.
      this.buf = Buffer.concat([Buffer.from('\r\n'), this.buf]);
      await this.collect(this.delimiter, 64 * 1024);
    }
    await this.need(2);
    if (this.buf[0] === 0x2d && this.buf[1] === 0x2d) {
      this.isFinished = true;
      return null;
    }
    if (this.buf[0] !== 0x0d || this.buf[1] !== 0x0a) throw malformedPost();
    this.buf = this.buf.subarray(2);
    const head = (await this.collect(Buffer.from('\r\n\r\n'), MAX_HEADER_BYTES)).toString('utf8');
    const headers = new Map<string, string>();
    for (const line of head.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = headers.get('content-disposition') ?? '';
    if (!/^form-data\b/i.test(disposition)) throw malformedPost();
    const param = (key: string) => {
      const m =
        new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition) ??
        new RegExp(`;\\s*${key}=([^;\\s]+)`, 'i').exec(disposition);
      return m?.[1]?.replace(/\\(.)/g, '$1');
    };
    const name = param('name');
    if (name === undefined) throw malformedPost();
    const filename = param('filename');
    const contentType = headers.get('content-type');
    return { name, ...(filename !== undefined ? { filename } : {}), ...(contentType ? { contentType } : {}) };
  }

  private started = false;

  /** The current part as text (fields): all fields together stay under 20 KB. */
  async text(): Promise<string> {
    const value = await this.collect(this.delimiter, MAX_FIELDS_BYTES - this.fieldBytes);
    this.fieldBytes += value.length;
    return value.toString('utf8');
  }

  /** The current part's bytes, streamed. */
  body(): AsyncGenerator<Buffer> {
    return this.until(this.delimiter);
  }
}

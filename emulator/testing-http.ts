import { request as httpRequest } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { NodeSha256 } from './auth/hash.js';
import type { TestEmulator } from './testing.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One HTTP request with exactly these headers (Host included), which fetch would not allow. */
export function rawRequest(
  url: string,
  opts: { method?: string; path: string; headers: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: Number(target.port),
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: opts.headers,
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

export interface SignOptions {
  /** Signing name: s3, sqs, dynamodb, lambda, ... */
  service: string;
  method?: string;
  /** Path, optionally with a query string (merged with `query`). */
  path?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Headers to leave out of the signature (a client that signs too little). */
  unsigned?: string[];
  /** Sign as of this time (late or replayed requests). */
  date?: Date;
  /** Other keys than the emulator's admin keys (the viewer's, or a wrong secret). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** S3's x-amz-content-sha256 (default UNSIGNED-PAYLOAD). */
  payloadHash?: string;
}

/**
 * Sign a request by hand with the emulator's admin keys (S3 with UNSIGNED-PAYLOAD), so a test can send
 * what an SDK client never would. Returns the path and headers to send.
 */
export async function signRequest(
  emu: TestEmulator,
  opts: SignOptions,
): Promise<{ path: string; headers: Record<string, string> }> {
  const url = new URL(emu.url);
  const [pathname = '/', search = ''] = (opts.path ?? '/').split('?', 2) as [string, string?];
  const query = { ...Object.fromEntries(new URLSearchParams(search)), ...opts.query };
  const isS3 = opts.service === 's3';
  const headers: Record<string, string> = { host: url.host, ...opts.headers };
  if (isS3) {
    headers['x-amz-content-sha256'] ??= opts.payloadHash ?? 'UNSIGNED-PAYLOAD';
    if (opts.body !== undefined) headers['content-length'] ??= String(Buffer.byteLength(opts.body));
  }
  const request = new HttpRequest({
    method: opts.method ?? 'GET',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: pathname,
    query,
    headers,
    body: isS3 ? undefined : (opts.body ?? ''),
  });
  const signer = new SignatureV4({
    service: opts.service,
    region: emu.region,
    credentials: opts.credentials ?? emu.credentials,
    sha256: NodeSha256,
    uriEscapePath: !isS3,
    applyChecksum: false,
  });
  const signed = await signer.sign(request, {
    unsignableHeaders: new Set(opts.unsigned ?? []),
    ...(opts.date ? { signingDate: opts.date } : {}),
  });
  // A query given in the path is sent as written (its encoding is part of what a test checks).
  const extra = new URLSearchParams(opts.query ?? {}).toString();
  const sent = opts.path ?? '/';
  return { path: extra ? `${sent}${sent.includes('?') ? '&' : '?'}${extra}` : sent, headers: signed.headers };
}

/** Sign and send with exactly the signed headers (node:http, so Host and the rest are as given). */
export async function signedRawRequest(emu: TestEmulator, opts: SignOptions): Promise<RawResponse> {
  const { path, headers } = await signRequest(emu, opts);
  return rawRequest(emu.url, { method: opts.method, path, headers, body: opts.body });
}

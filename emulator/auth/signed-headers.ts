import type { IncomingMessage } from 'node:http';

/**
 * Headers present in the request that its signature must cover, as AWS requires: every x-amz-* header,
 * Host, and Content-MD5 when sent. Without this, anyone holding a presigned URL could add
 * `x-amz-copy-source` or `x-amz-meta-*`, and a request signed without Host could be replayed against
 * another virtual-host bucket.
 */
export function headersNotSigned(req: IncomingMessage, signedHeaders: readonly string[]): string[] {
  const signed = new Set(signedHeaders.map((h) => h.toLowerCase()));
  const missing: string[] = [];
  if (!signed.has('host')) missing.push('host');
  for (const name of Object.keys(req.headers)) {
    const mustSign = name.startsWith('x-amz-') || name === 'content-md5';
    if (mustSign && !signed.has(name) && !missing.includes(name)) missing.push(name);
  }
  return missing;
}

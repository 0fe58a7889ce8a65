import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { TestEmulator } from '../../testing.js';

/** SHA-256 / HMAC-SHA-256 on node:crypto: the pure-JS hash makes signing thousands of requests slow. */
type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytes(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

/** A raw SigV4-signed POST to the emulator, for requests an SDK client would never send (bad JSON, query protocol). */
export async function signedPost(emu: TestEmulator, headers: Record<string, string>, body: string, path = '/'): Promise<Response> {
  const url = new URL(path, emu.url);
  const signer = new SignatureV4({ service: 'sqs', region: emu.region, credentials: emu.credentials, sha256: NodeSha256 });
  const request = new HttpRequest({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    headers: { host: url.host, ...headers },
    body,
  });
  const signed = await signer.sign(request);
  return fetch(url, { method: 'POST', headers: signed.headers, body });
}

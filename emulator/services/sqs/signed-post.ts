import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { TestEmulator } from '../../testing.js';

/** A raw SigV4-signed POST to the emulator, for requests an SDK client would never send (bad JSON, query protocol). */
export async function signedPost(emu: TestEmulator, headers: Record<string, string>, body: string, path = '/'): Promise<Response> {
  const url = new URL(path, emu.url);
  const signer = new SignatureV4({ service: 'sqs', region: emu.region, credentials: emu.credentials, sha256: Sha256 });
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

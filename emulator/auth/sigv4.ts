import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { parseCredential, type CredentialScope } from '../core/route.js';
import { authError, type AuthFailure } from './auth-errors.js';
import type { StoredCredentials } from './credentials.js';
import { NodeSha256, sha256Hex } from './hash.js';
import { headersNotSigned } from './signed-headers.js';

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;
const CONTENT_SHA = 'x-amz-content-sha256';

export interface SignedInput {
  req: IncomingMessage;
  url: URL;
  service: string;
  body: Buffer | null;
}

/** What a signature claims, from the Authorization header or the presigned query. */
interface Claim {
  scope: CredentialScope;
  signedHeaders: string[];
  signature: string;
  date: Date;
  token: string | undefined;
  /** Seconds, presigned only. */
  expires?: number;
}

class AuthFailed extends Error {
  constructor(
    readonly failure: AuthFailure,
    readonly detail?: string,
  ) {
    super(failure);
  }
}

function parseAmzDate(value: string | undefined): Date | null {
  const m = value ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) : null;
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? null : date;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/** The raw query as the signer wants it: decoded names and values, repeated names as arrays. */
function rawQuery(req: IncomingMessage): Record<string, string | string[]> {
  const raw = (req.url ?? '').split('?').slice(1).join('?');
  const query: Record<string, string | string[]> = {};
  if (!raw) return query;
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
    const prev = query[name];
    query[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return query;
}

function claimFromHeader(req: IncomingMessage, auth: string): Claim {
  if (!auth.startsWith(`${ALGORITHM} `)) throw new AuthFailed('malformed', 'Unsupported Authorization Type.');
  const credential = /Credential=([^,\s]+)/.exec(auth)?.[1];
  const signedHeaders = /SignedHeaders=([^,\s]+)/.exec(auth)?.[1];
  const signature = /Signature=([0-9a-f]{64})/.exec(auth)?.[1];
  const scope = credential ? parseCredential(credential) : null;
  if (!scope || !signedHeaders || !signature) throw new AuthFailed('malformed');
  const date = parseAmzDate(header(req, 'x-amz-date'));
  if (!date) throw new AuthFailed('malformed', 'A valid x-amz-date header is required.');
  return {
    scope,
    signedHeaders: signedHeaders.split(';'),
    signature,
    date,
    token: header(req, 'x-amz-security-token'),
  };
}

function claimFromQuery(query: Record<string, string | string[]>): Claim {
  const one = (name: string) => {
    const v = query[name];
    return typeof v === 'string' ? v : undefined;
  };
  const scope = parseCredential(one('X-Amz-Credential') ?? '');
  const signedHeaders = one('X-Amz-SignedHeaders');
  const signature = one('X-Amz-Signature');
  const date = parseAmzDate(one('X-Amz-Date'));
  const expires = Number(one('X-Amz-Expires'));
  if (one('X-Amz-Algorithm') !== ALGORITHM || !scope || !signedHeaders || !signature || !date) {
    throw new AuthFailed(
      'malformed-query',
      'Query-string authentication requires X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-SignedHeaders and X-Amz-Signature.',
    );
  }
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGN_SECONDS) {
    throw new AuthFailed('malformed-query', 'X-Amz-Expires must be between 1 and 604800 seconds.');
  }
  return {
    scope,
    signedHeaders: signedHeaders.split(';'),
    signature,
    date,
    token: one('X-Amz-Security-Token'),
    expires,
  };
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function expectedSignature(
  input: SignedInput,
  claim: Claim,
  creds: StoredCredentials,
  query: Record<string, string | string[]>,
): Promise<string> {
  const { req, service, body } = input;
  const isS3 = service === 's3';
  const headers: Record<string, string> = {};
  for (const name of claim.signedHeaders) {
    const value = header(req, name);
    if (value === undefined) throw new AuthFailed('bad-signature');
    headers[name] = value;
  }
  const unsignable = new Set<string>();
  if (isS3) {
    // S3 signs the payload hash the client declares; the S3 service checks a hex hash against the body.
    if (headers[CONTENT_SHA] === undefined) {
      headers[CONTENT_SHA] = header(req, CONTENT_SHA) ?? 'UNSIGNED-PAYLOAD';
      unsignable.add(CONTENT_SHA);
    }
  } else if (headers[CONTENT_SHA] !== undefined) {
    // Other services sign the body itself: a changed body must change the signature.
    headers[CONTENT_SHA] = sha256Hex(body ?? Buffer.alloc(0));
  }
  const request = new HttpRequest({
    method: req.method ?? 'GET',
    protocol: 'http:',
    hostname: headers.host ?? 'localhost',
    path: (req.url ?? '/').split('?')[0] ?? '/',
    query,
    headers,
    body: isS3 ? undefined : (body ?? Buffer.alloc(0)),
  });
  const signer = new SignatureV4({
    service: claim.scope.service,
    region: claim.scope.region,
    credentials: {
      accessKeyId: creds.accessKeyId,
      secretAccessKey: creds.secretAccessKey,
      sessionToken: claim.token !== undefined ? creds.sessionToken : undefined,
    },
    sha256: NodeSha256,
    uriEscapePath: !isS3,
    applyChecksum: false,
  });
  const signed = new Set(claim.signedHeaders);
  if (claim.expires !== undefined) {
    const out = await signer.presign(request, {
      signingDate: claim.date,
      expiresIn: claim.expires,
      signableHeaders: signed,
      unhoistableHeaders: new Set([...signed, CONTENT_SHA]),
      unsignableHeaders: unsignable,
    });
    const sig = out.query?.['X-Amz-Signature'];
    return typeof sig === 'string' ? sig : '';
  }
  const out = await signer.sign(request, {
    signingDate: claim.date,
    signableHeaders: signed,
    unsignableHeaders: unsignable,
  });
  return /Signature=([0-9a-f]{64})/.exec(out.headers.authorization ?? '')?.[1] ?? '';
}

export type VerifyResult =
  | { kind: 'unsigned' }
  | {
      kind: 'signed';
      creds: StoredCredentials;
      scope: CredentialScope;
      /** The verified signature and its X-Amz-Date, which S3's signed chunks chain from; presigned requests have no chunks. */
      seed: { signature: string; amzDate: string } | null;
    };

/**
 * Verify a request's SigV4 signature (header or presigned) against the credential store; throws the
 * service's authentication error. Signatures are computed by @smithy/signature-v4.
 */
/**
 * The checks that need no body: the claim parses, every header that must be signed is, the key is known
 * and the session token is its own. Null when the request is unsigned.
 */
function checkClaim(
  input: Pick<SignedInput, 'req'>,
  lookup: (accessKeyId: string) => StoredCredentials | null,
): { claim: Claim; creds: StoredCredentials; query: Record<string, string | string[]> } | null {
  const auth = header(input.req, 'authorization');
  const query = rawQuery(input.req);
  const presigned = !auth && query['X-Amz-Credential'] !== undefined;
  if (!auth && !presigned) return null;
  const claim = auth ? claimFromHeader(input.req, auth) : claimFromQuery(query);
  if (claim.scope.date !== claim.date.toISOString().slice(0, 10).replace(/-/g, '')) {
    throw new AuthFailed('bad-signature', 'The credential scope date does not match the request date.');
  }
  const unsigned = headersNotSigned(input.req, claim.signedHeaders);
  if (unsigned.length) throw new AuthFailed('unsigned-headers', unsigned.join(','));
  const creds = lookup(claim.scope.accessKeyId);
  if (!creds) throw new AuthFailed('unknown-key');
  if ((creds.sessionToken ?? '') !== (claim.token ?? '')) throw new AuthFailed('invalid-token');
  return { claim, creds, query };
}

function rethrow(service: string, e: unknown): never {
  if (e instanceof AuthFailed) throw authError(service, e.failure, e.detail);
  if (e instanceof URIError) throw authError(service, 'bad-signature');
  throw e;
}

/**
 * Whether a request claims a signature from a known key, checked before its body is read, so an
 * unauthenticated client cannot make the server buffer a large body. Throws the service's auth error.
 */
export function precheckSigV4(
  input: Pick<SignedInput, 'req' | 'service'>,
  lookup: (accessKeyId: string) => StoredCredentials | null,
): boolean {
  try {
    return checkClaim(input, lookup) !== null;
  } catch (e) {
    return rethrow(input.service, e);
  }
}

export async function verifySigV4(
  input: SignedInput,
  lookup: (accessKeyId: string) => StoredCredentials | null,
  now = Date.now(),
): Promise<VerifyResult> {
  try {
    const checked = checkClaim(input, lookup);
    if (!checked) return { kind: 'unsigned' };
    const { claim, creds, query } = checked;
    if (!sameHex(await expectedSignature(input, claim, creds, query), claim.signature))
      throw new AuthFailed('bad-signature');
    if (creds.expiresAt !== undefined && now >= creds.expiresAt) throw new AuthFailed('expired-token');
    const signedAt = claim.date.getTime();
    if (claim.expires !== undefined) {
      if (now > signedAt + claim.expires * 1000) throw new AuthFailed('presign-expired');
      if (signedAt - now > MAX_SKEW_MS) throw new AuthFailed('skewed');
    } else if (Math.abs(now - signedAt) > MAX_SKEW_MS) {
      throw new AuthFailed('skewed');
    }
    const seed =
      claim.expires === undefined
        ? { signature: claim.signature, amzDate: header(input.req, 'x-amz-date') ?? '' }
        : null;
    return { kind: 'signed', creds, scope: claim.scope, seed };
  } catch (e) {
    return rethrow(input.service, e);
  }
}

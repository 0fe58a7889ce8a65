import { randomUUID } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { AwsError } from '../../core/errors.js';
import { writeFully } from './content.js';
import { newContentFile } from './body.js';
import { createHasher } from './checksums.js';
import { encryptionFrom, requireBucket, type S3Call } from './common.js';
import { FormReader, boundaryOf, malformedPost } from './form-data.js';
import { header } from './request.js';
import { baseHeaders, encryptionHeaders, sendEmpty, sendXml } from './response.js';
import type { ObjectHeaders } from './store.js';

/** Largest object a POST upload may create, as on AWS. */
const MAX_POST_OBJECT = 5 * 1024 ** 3;

/** Fields S3 never requires the policy to mention. */
const EXEMPT = new Set(['policy', 'x-amz-signature', 'file', 'awsaccesskeyid', 'signature']);

type Condition =
  | { kind: 'eq' | 'starts-with'; field: string; value: string; raw: string }
  | { kind: 'range'; min: number; max: number };

const invalidPolicy = (detail: string) => new AwsError('InvalidPolicyDocument', `Invalid Policy: ${detail}`, 400);
const denied = (detail: string) => new AwsError('AccessDenied', `Invalid according to Policy: ${detail}`, 403);

/** The policy document's expiration and conditions, or InvalidPolicyDocument naming what is wrong. */
export function parsePolicy(base64: string): { expiration: number; conditions: Condition[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch {
    throw invalidPolicy('Invalid JSON.');
  }
  if (typeof doc !== 'object' || doc === null) throw invalidPolicy('Invalid JSON.');
  const { expiration, conditions } = doc as { expiration?: unknown; conditions?: unknown };
  const expires = typeof expiration === 'string' ? Date.parse(expiration) : NaN;
  if (Number.isNaN(expires)) throw invalidPolicy('Policy missing expiration.');
  if (!Array.isArray(conditions)) throw invalidPolicy('Policy missing conditions.');
  const out: Condition[] = conditions.map((c: unknown) => {
    const raw = JSON.stringify(c);
    if (Array.isArray(c)) {
      const [op, a, b] = c as unknown[];
      if (typeof op === 'string' && op.toLowerCase() === 'content-length-range') {
        const min = Number(a);
        const max = Number(b);
        if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min)
          throw invalidPolicy(`Invalid content-length-range: ${raw}`);
        return { kind: 'range', min, max };
      }
      if (
        c.length !== 3 ||
        typeof op !== 'string' ||
        typeof a !== 'string' ||
        typeof b !== 'string' ||
        !a.startsWith('$')
      )
        throw invalidPolicy(`Invalid Policy condition: ${raw}`);
      const kind = op.toLowerCase();
      if (kind !== 'eq' && kind !== 'starts-with') throw invalidPolicy(`Unknown condition: ${op}`);
      return { kind, field: a.slice(1).toLowerCase(), value: b, raw };
    }
    if (typeof c === 'object' && c !== null) {
      const entries = Object.entries(c as Record<string, unknown>);
      const [field, value] = entries[0] ?? [];
      if (entries.length !== 1 || field === undefined || typeof value !== 'string')
        throw invalidPolicy(`Invalid Policy condition: ${raw}`);
      return { kind: 'eq', field: field.toLowerCase(), value, raw };
    }
    throw invalidPolicy(`Invalid Policy condition: ${raw}`);
  });
  return { expiration: expires, conditions: out };
}

/** Whether a field value meets a condition; Content-Type may list several types, each must match. */
function meets(c: Extract<Condition, { field: string }>, value: string): boolean {
  if (c.kind === 'eq') return value === c.value;
  if (c.field === 'content-type') return value.split(',').every((v) => v.trim().startsWith(c.value));
  return value.startsWith(c.value);
}

/** Every condition holds and every field is covered by one (S3 refuses fields the signer did not allow). */
export function checkPolicy(
  conditions: Condition[],
  fields: Map<string, string>,
  now: number,
  expiration: number,
): void {
  if (now > expiration) throw denied('Policy expired.');
  const covered = new Set<string>();
  for (const c of conditions) {
    if (c.kind === 'range') continue;
    covered.add(c.field);
    if (!meets(c, fields.get(c.field) ?? '')) throw denied(`Policy Condition failed: ${c.raw}`);
  }
  const extra = [...fields.keys()].filter((f) => !EXEMPT.has(f) && !f.startsWith('x-ignore-') && !covered.has(f));
  if (extra.length) throw denied(`Extra input fields: ${extra.join(', ')}`);
}

/** The bucket's CORS rules allow a POST from `origin` (S3 adds no CORS headers otherwise). */
function corsAllows(cors: string | null, origin: string): boolean {
  if (!cors) return false;
  const rules = JSON.parse(cors) as Array<{ AllowedOrigin: string[]; AllowedMethod: string[] }>;
  const matches = (pattern: string) => {
    const star = pattern.indexOf('*');
    if (star < 0) return pattern === origin;
    return (
      origin.startsWith(pattern.slice(0, star)) &&
      origin.endsWith(pattern.slice(star + 1)) &&
      origin.length >= pattern.length - 1
    );
  };
  return rules.some((r) => r.AllowedMethod.includes('POST') && r.AllowedOrigin.some(matches));
}

/** What POST Object reads before a byte of the file: the fields, the policy they satisfy, the object key. */
export interface PostForm {
  form: FormReader;
  fields: Map<string, string>;
  file: { filename: string; contentType?: string };
  conditions: Condition[];
  key: string;
}

/**
 * S3 POST Object: a browser form (multipart/form-data) posted to the bucket URL, authorised by a signed
 * policy instead of a signed request. This reads the fields (they come first, the file last), makes the
 * policy's signer the caller and checks the policy, so the object's key is known before authorization.
 */
export async function readPostForm(call: S3Call): Promise<PostForm> {
  const { ctx } = call;
  const bucket = call.r.bucket ?? '';
  const row = requireBucket(call.store, bucket);
  // CORS for POST uploads follows the bucket's rules: a page on an origin they do not allow gets no
  // CORS headers, and its browser refuses it the answer.
  const origin = header(ctx.req, 'origin');
  if (origin && !corsAllows(row.cors, origin)) {
    ctx.res.removeHeader('Access-Control-Allow-Origin');
    ctx.res.removeHeader('Vary');
  }
  const boundary = boundaryOf(header(ctx.req, 'content-type'));
  if (!boundary) throw malformedPost();
  const form = new FormReader(ctx.req, boundary);

  const fields = new Map<string, string>();
  let file: { filename: string; contentType?: string } | undefined;
  for (let part = await form.next(); part; part = await form.next()) {
    const name = part.name.toLowerCase();
    if (name === 'file') {
      file = { filename: part.filename ?? '', ...(part.contentType ? { contentType: part.contentType } : {}) };
      break;
    }
    if (fields.has(name))
      throw new AwsError(
        'InvalidArgument',
        `POST requires exactly one value for each form field (${part.name}).`,
        400,
        { ArgumentName: part.name },
      );
    fields.set(name, await form.text());
  }
  if (!file)
    throw new AwsError('InvalidArgument', 'POST requires exactly one file upload per request.', 400, {
      ArgumentName: 'file',
      ArgumentValue: '0',
    });

  const rawKey = fields.get('key');
  if (rawKey === undefined || rawKey === '')
    throw new AwsError(
      'InvalidArgument',
      "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.",
      400,
      { ArgumentName: 'key', ArgumentValue: '' },
    );
  const policyB64 = fields.get('policy');
  if (policyB64 === undefined) throw new AwsError('AccessDenied', 'Access Denied', 403);
  for (const required of ['x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-signature']) {
    if (!fields.get(required))
      throw new AwsError(
        'InvalidArgument',
        `Bucket POST must contain a field named '${required}'.  If it is specified, please check the order of the fields.`,
        400,
        { ArgumentName: required, ArgumentValue: '' },
      );
  }
  if (fields.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256')
    throw new AwsError('InvalidArgument', 'Only AWS4-HMAC-SHA256 is supported for x-amz-algorithm.', 400, {
      ArgumentName: 'x-amz-algorithm',
      ArgumentValue: fields.get('x-amz-algorithm') ?? '',
    });
  const token = fields.get('x-amz-security-token');
  await ctx.authenticatePostPolicy({
    credential: fields.get('x-amz-credential') ?? '',
    amzDate: fields.get('x-amz-date') ?? '',
    policy: policyB64,
    signature: fields.get('x-amz-signature') ?? '',
    ...(token !== undefined ? { securityToken: token } : {}),
  });
  const policy = parsePolicy(policyB64);
  // The bucket comes from the URL; a policy may still name it.
  checkPolicy(policy.conditions, new Map([...fields, ['bucket', bucket]]), Date.now(), policy.expiration);
  const key = rawKey.replace(/\$\{filename\}/g, file.filename);
  if (Buffer.byteLength(key) > 1024) throw new AwsError('KeyTooLongError', 'Your key is too long', 400);
  return { form, fields, file, conditions: policy.conditions, key };
}

/** Stores the posted file once the caller may put its key: the size range is checked while it streams. */
export async function postObject(call: S3Call, post: PostForm): Promise<void> {
  const { form, fields, file, conditions, key } = post;
  const bucket = call.r.bucket ?? '';
  const encryption = encryptionFrom((name) => fields.get(name));

  const range = conditions.find((c): c is Extract<Condition, { kind: 'range' }> => c.kind === 'range');
  const max = Math.min(range?.max ?? MAX_POST_OBJECT, MAX_POST_OBJECT);
  const tmp = call.store.path(`tmp/${randomUUID()}`);
  const fh = await open(tmp, 'w');
  let isClosed = false;
  let size = 0;
  const md5 = createHasher('MD5');
  try {
    for await (const chunk of form.body()) {
      size += chunk.length;
      if (size > max)
        throw new AwsError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, {
          ProposedSize: String(size),
          MaxSizeAllowed: String(max),
        });
      md5.update(chunk);
      await writeFully(fh, chunk);
    }
    if (range && size < range.min)
      throw new AwsError('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', 400, {
        ProposedSize: String(size),
        MinSizeAllowed: String(range.min),
      });
    // Fields after the file are ignored, as S3 does; the form must still end properly.
    while (await form.next()) for await (const ignored of form.body()) void ignored;
    await fh.sync();
    await fh.close();
    isClosed = true;
    const etag = md5.digest().toString('hex');
    let contentFile: string | null = null;
    if (size > 0) {
      contentFile = newContentFile(call.store, 'objects');
      await rename(tmp, call.store.path(contentFile));
    } else await unlink(tmp);
    const headers: ObjectHeaders = {
      contentType: fields.get('content-type') ?? file.contentType ?? 'binary/octet-stream',
      metadata: {},
    };
    for (const [name, value] of fields)
      if (name.startsWith('x-amz-meta-')) headers.metadata[name.slice('x-amz-meta-'.length)] = value;
    const disposition = fields.get('content-disposition');
    const cacheControl = fields.get('cache-control');
    if (disposition !== undefined) headers.contentDisposition = disposition;
    if (cacheControl !== undefined) headers.cacheControl = cacheControl;
    Object.assign(headers, encryption);
    call.store.putObject({
      bucket,
      key,
      size,
      etag,
      lastModified: Date.now(),
      headers,
      checksumAlgorithm: null,
      checksumValue: null,
      file: contentFile,
    });
    respond(call, bucket, key, etag, fields, headers);
  } catch (e) {
    if (!isClosed) await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

function respond(
  call: S3Call,
  bucket: string,
  key: string,
  etag: string,
  fields: Map<string, string>,
  stored: ObjectHeaders,
): void {
  const { ctx } = call;
  const location = `${ctx.url.origin}/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const redirect = fields.get('success_action_redirect') ?? fields.get('redirect');
  if (redirect && /^https?:\/\//i.test(redirect)) {
    const target = new URL(redirect);
    target.searchParams.set('bucket', bucket);
    target.searchParams.set('key', key);
    target.searchParams.set('etag', `"${etag}"`);
    ctx.res.writeHead(303, {
      ...baseHeaders(ctx),
      Location: target.toString(),
      ETag: `"${etag}"`,
      'Content-Length': 0,
    });
    ctx.res.end();
    return;
  }
  const status = fields.get('success_action_status');
  const headers = { ETag: `"${etag}"`, Location: location, ...encryptionHeaders(stored) };
  if (status === '201')
    sendXml(ctx, 'PostResponse', { Location: location, Bucket: bucket, Key: key, ETag: `"${etag}"` }, 201, headers);
  else sendEmpty(ctx, status === '200' ? 200 : 204, headers);
}

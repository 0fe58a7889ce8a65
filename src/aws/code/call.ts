/** The services "Show as code" knows: the console's clients plus the ones other pages add. */
export type CodeService = 's3' | 'ec2' | 'dynamodb' | 'sqs' | 'sts' | 'lambda' | 'secretsmanager' | 'logs';

export type CodeLanguage = 'cli' | 'boto3' | 'sdk';
export const CODE_LANGUAGES: readonly CodeLanguage[] = ['cli', 'boto3', 'sdk'];

/**
 * One AWS call as the console makes it: the SDK v3 operation name (the command class without
 * "Command") and the command's input, in a region, against an endpoint when not AWS's own.
 */
export interface ApiCall {
  service: CodeService;
  operation: string;
  input: Readonly<Record<string, unknown>>;
  region: string;
  endpoint?: string;
}

/** A body the console sends from a file (an upload): the code names the file instead of inlining bytes. */
export class FileRef {
  constructor(
    readonly name: string,
    readonly size?: number,
  ) {}
}

export const SECRET_PLACEHOLDER = '<secret value>';
export const REDACTED = '<redacted>';

// Members whose value is a secret or a credential, in any service's input.
const SECRET_MEMBERS = new Set(['SecretString', 'SecretBinary']);
const CREDENTIAL_MEMBER = /^(SecretAccessKey|SessionToken|SecurityToken|Password|ClientSecret|PrivateKey|Token)$/i;
// A presigned URL's signature and credential scope, and anything shaped like an access key id.
const PRESIGN_PARAM = /(X-Amz-(?:Signature|Credential|Security-Token)=)[^&\s"'#]+/gi;
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g;
// Bytes above this size are not kept for code: a snippet names a file instead.
const MAX_INLINE_BYTES = 64 * 1024;

function cleanString(s: string): string {
  return s.replace(PRESIGN_PARAM, `$1${REDACTED}`).replace(ACCESS_KEY_ID, REDACTED);
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function cleanValue(value: unknown, key: string | undefined): unknown {
  if (key !== undefined && SECRET_MEMBERS.has(key) && value !== undefined) return SECRET_PLACEHOLDER;
  if (key !== undefined && CREDENTIAL_MEMBER.test(key) && typeof value === 'string') return REDACTED;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return cleanString(value);
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'object') return undefined;
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof FileRef) return value;
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return bytes.byteLength > MAX_INLINE_BYTES ? new FileRef('payload.bin', bytes.byteLength) : bytes.slice();
  }
  if (value instanceof ArrayBuffer) return cleanValue(new Uint8Array(value), key);
  if (Array.isArray(value)) return value.map((v) => cleanValue(v, undefined)).filter((v) => v !== undefined);
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    const name = (value as Partial<File>).name;
    return new FileRef(typeof name === 'string' && name ? name : '', value.size);
  }
  if (!isPlainObject(value)) {
    // A stream or a file slice (an upload part): named by a file, never read.
    const v = value as { name?: unknown; size?: unknown; file?: { name?: unknown } };
    const name = typeof v.name === 'string' ? v.name : typeof v.file?.name === 'string' ? v.file.name : '';
    return new FileRef(name, typeof v.size === 'number' ? v.size : undefined);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const c = cleanValue(v, k);
    if (c !== undefined) out[k] = c;
  }
  return out;
}

/**
 * The input as code may show it: secret values become `<secret value>`, credentials and presigned
 * signatures `<redacted>`, bodies a FileRef, undefined members dropped. Also applied before a call is
 * kept in the history, so nothing secret is ever stored there.
 */
export function cleanInput(input: unknown): Record<string, unknown> {
  if (input === null || typeof input !== 'object') return {};
  return cleanValue(input, undefined) as Record<string, unknown>;
}

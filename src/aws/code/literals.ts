import { FileRef } from './call';

/** A POSIX shell word: bare when it is safe, else single-quoted (a quote becomes '\''). */
export function shellQuote(s: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** The bytes as UTF-8 text, or undefined when they are not text a reader would recognise. */
export function asText(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

/** Input as JSON the CLI reads (blobs base64, dates ISO 8601), as `--cli-input-json` and JSON parameters expect. */
export function toCliJson(value: unknown): unknown {
  if (value instanceof Uint8Array) return toBase64(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof FileRef) return value.name;
  if (Array.isArray(value)) return value.map(toCliJson);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCliJson(v)]));
  return value;
}

/** Source text an emitter puts verbatim (a variable, a call). */
export class Expr {
  constructor(
    readonly python: string,
    readonly js: string,
  ) {}
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

function pyBytes(bytes: Uint8Array): string {
  const text = asText(bytes);
  if (text !== undefined && /^[\x20-\x7e\n\t]*$/.test(text) && text.length <= 200) return `b${JSON.stringify(text)}`;
  return `base64.b64decode(${JSON.stringify(toBase64(bytes))})`;
}

function pyDate(d: Date): string {
  const parts = [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  ];
  if (d.getUTCMilliseconds()) parts.push(d.getUTCMilliseconds() * 1000);
  return `datetime(${parts.join(', ')}, tzinfo=timezone.utc)`;
}

/** What a Python literal needs imported: `base64`, `datetime`. */
export function pythonNeeds(value: unknown, needs = new Set<string>()): Set<string> {
  if (value instanceof Uint8Array) {
    if (pyBytes(value).startsWith('base64')) needs.add('base64');
  } else if (value instanceof Date) needs.add('datetime');
  else if (Array.isArray(value)) value.forEach((v) => pythonNeeds(v, needs));
  else if (value !== null && typeof value === 'object' && !(value instanceof Expr) && !(value instanceof FileRef))
    Object.values(value).forEach((v) => pythonNeeds(v, needs));
  return needs;
}

/** A Python literal, indented as black would lay out a long one. */
export function pyLiteral(value: unknown, indent = ''): string {
  const inner = `${indent}    `;
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Expr) return value.python;
  if (value instanceof FileRef) return JSON.stringify(value.name);
  if (value instanceof Uint8Array) return pyBytes(value);
  if (value instanceof Date) return pyDate(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => pyLiteral(v, inner));
    const flat = `[${items.join(', ')}]`;
    if (flat.length + indent.length <= 88 && !flat.includes('\n')) return flat;
    return `[\n${items.map((i) => `${inner}${i},\n`).join('')}${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pyLiteral(v, inner)}`);
    const flat = `{${entries.join(', ')}}`;
    if (flat.length + indent.length <= 88 && !flat.includes('\n')) return flat;
    return `{\n${entries.map((e) => `${inner}${e},\n`).join('')}${indent}}`;
  }
  return 'None';
}

function jsBytes(bytes: Uint8Array): string {
  const text = asText(bytes);
  if (text !== undefined) return `new TextEncoder().encode(${JSON.stringify(text)})`;
  return `Buffer.from(${JSON.stringify(toBase64(bytes))}, "base64")`;
}

/** A JavaScript literal, laid out as Prettier would for a short or a long value. */
export function jsLiteral(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Expr) return value.js;
  if (value instanceof FileRef) return JSON.stringify(value.name);
  if (value instanceof Uint8Array) return jsBytes(value);
  if (value instanceof Date) return `new Date(${JSON.stringify(value.toISOString())})`;
  if (Array.isArray(value)) {
    const items = value.map((v) => jsLiteral(v, inner));
    const flat = `[${items.join(', ')}]`;
    if (flat.length + indent.length <= 80 && !flat.includes('\n')) return flat;
    return `[\n${items.map((i) => `${inner}${i},\n`).join('')}${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([k, v]) => `${IDENT.test(k) ? k : JSON.stringify(k)}: ${jsLiteral(v, inner)}`,
    );
    if (entries.length === 0) return '{}';
    const flat = `{ ${entries.join(', ')} }`;
    if (flat.length + indent.length <= 80 && !flat.includes('\n')) return flat;
    return `{\n${entries.map((e) => `${inner}${e},\n`).join('')}${indent}}`;
  }
  return 'undefined';
}

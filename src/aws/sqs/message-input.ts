/** What a user types for a message, checked against SQS's rules before anything is sent. */

export type AttributeType = 'String' | 'Number' | 'Binary';

export interface AttributeDraft {
  name: string;
  type: AttributeType;
  /** Text for String, digits for Number, base64 for Binary. */
  value: string;
}

/** The SDK's MessageAttributeValue for what we send (binary as bytes). */
export interface OutgoingAttribute {
  DataType: string;
  StringValue?: string;
  BinaryValue?: Uint8Array;
}

export const MAX_ATTRIBUTES = 10;
const RESERVED_PREFIX = /^(aws\.|amazon\.)/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// Characters SQS accepts in a body and a string attribute (XML 1.0 chars).
const INVALID_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDBFF\uDC00-\uDFFF]/u;

export function attributeNameError(name: string): string | undefined {
  if (name === '') return 'Enter a name';
  if (name.length > 256) return 'At most 256 characters';
  if (/[^A-Za-z0-9_.-]/.test(name)) return 'Use letters, digits, hyphens, underscores and periods only';
  if (RESERVED_PREFIX.test(name)) return 'Names starting with AWS. or Amazon. are reserved';
  if (name.startsWith('.') || name.endsWith('.')) return 'A name cannot start or end with a period';
  if (name.includes('..')) return 'A name cannot have two periods in a row';
  return undefined;
}

export function isBase64(text: string): boolean {
  return text.length > 0 && BASE64.test(text);
}

export function attributeValueError(type: AttributeType, value: string): string | undefined {
  if (value === '') return 'Enter a value';
  if (type === 'Number') {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value.trim())) return 'Not a number';
    const digits = value
      .replace(/^[-+]/, '')
      .replace(/[eE].*$/, '')
      .replace('.', '')
      .replace(/^0+/, '');
    if (digits.length > 38) return 'At most 38 significant digits';
    return undefined;
  }
  if (type === 'Binary')
    return isBase64(value.trim()) ? undefined : 'Not valid base64 (A–Z, a–z, 0–9, +, / and = padding)';
  if (INVALID_CHAR.test(value)) return 'Contains a character SQS does not accept';
  return undefined;
}

export interface AttributeErrors {
  name?: string;
  value?: string;
}

/** Per row errors, plus duplicate names. */
export function attributeErrors(drafts: AttributeDraft[]): AttributeErrors[] {
  const seen = new Map<string, number>();
  return drafts.map((d, i) => {
    const errors: AttributeErrors = {};
    const nameError = attributeNameError(d.name);
    const first = seen.get(d.name);
    if (nameError) errors.name = nameError;
    else if (first !== undefined) errors.name = `Same name as attribute ${first + 1}`;
    else seen.set(d.name, i);
    const valueError = attributeValueError(d.type, d.value);
    if (valueError) errors.value = valueError;
    return errors;
  });
}

export function decodeBase64(text: string): Uint8Array {
  const bin = atob(text.trim());
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function encodeBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Valid drafts as the SDK's MessageAttributes. */
export function toOutgoingAttributes(drafts: AttributeDraft[]): Record<string, OutgoingAttribute> {
  const out: Record<string, OutgoingAttribute> = {};
  for (const d of drafts) {
    out[d.name] =
      d.type === 'Binary'
        ? { DataType: 'Binary', BinaryValue: decodeBase64(d.value) }
        : { DataType: d.type, StringValue: d.type === 'Number' ? d.value.trim() : d.value };
  }
  return out;
}

const utf8 = new TextEncoder();

/** Bytes SQS counts toward the size limit: the body plus each attribute's name, type and value. */
export function messageSize(body: string, attributes: Record<string, OutgoingAttribute> = {}): number {
  let size = utf8.encode(body).length;
  for (const [name, a] of Object.entries(attributes)) {
    size += utf8.encode(name).length + utf8.encode(a.DataType).length;
    size += a.BinaryValue ? a.BinaryValue.length : utf8.encode(a.StringValue ?? '').length;
  }
  return size;
}

export function bodyError(body: string): string | undefined {
  if (body === '') return 'The body cannot be empty';
  if (INVALID_CHAR.test(body)) return 'The body contains a character SQS does not accept';
  return undefined;
}

/** FIFO ids: 1–128 characters, alphanumerics and punctuation. */
export function fifoIdError(label: string, id: string): string | undefined {
  if (id === '') return `Enter a ${label}`;
  if (id.length > 128) return 'At most 128 characters';
  if (/[^\x21-\x7e]/.test(id)) return 'Letters, digits and punctuation only (no spaces)';
  return undefined;
}

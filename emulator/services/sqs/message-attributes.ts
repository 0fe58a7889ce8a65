import { AwsError } from '../../core/errors.js';
import type { MessageAttributeValue } from './md5.js';

const NAME = /^(?!\.)(?!.*\.\.)(?!.*\.$)[A-Za-z0-9_.-]{1,256}$/;

const bad = (message: string) => new AwsError('InvalidParameterValue', message);

/** Validate MessageAttributes (or MessageSystemAttributes) from a JSON-shaped input; returns them and their size. */
export function readMessageAttributes(
  raw: unknown,
  kind: 'user' | 'system',
): { attributes: Record<string, MessageAttributeValue>; size: number } {
  if (raw === undefined || raw === null) return { attributes: {}, size: 0 };
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new AwsError('SerializationException', 'MessageAttributes must be a map.');
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > 10)
    throw bad(`Number of message attributes [${entries.length}] exceeds the allowed maximum [10].`);
  const attributes = Object.create(null) as Record<string, MessageAttributeValue>;
  let size = 0;
  for (const [name, value] of entries) {
    if (kind === 'system' && name !== 'AWSTraceHeader') {
      throw bad(`Message system attribute name '${name}' is invalid.`);
    }
    if (kind === 'user' && (!NAME.test(name) || /^(aws\.|amazon\.)/i.test(name))) {
      throw bad(
        `Message (user) attribute name '${name}' is invalid. Names can contain alphanumeric characters, hyphens, underscores and periods, and cannot start with AWS. or Amazon.`,
      );
    }
    if (!value || typeof value !== 'object')
      throw bad(`The message attribute '${name}' must contain a non-empty message attribute value.`);
    const v = value as Record<string, unknown>;
    const dataType = v.DataType;
    if (typeof dataType !== 'string' || dataType === '') {
      throw bad(`The message attribute '${name}' must contain a non-empty attribute type.`);
    }
    const base = dataType.split('.')[0];
    if (base !== 'String' && base !== 'Number' && base !== 'Binary') {
      throw bad(
        `The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`,
      );
    }
    if (kind === 'system' && dataType !== 'String')
      throw bad(`The message system attribute '${name}' must be of type String.`);
    const out: MessageAttributeValue = { DataType: dataType };
    if (base === 'Binary') {
      if (typeof v.BinaryValue !== 'string' || v.BinaryValue === '') {
        throw bad(`The message attribute '${name}' with type 'Binary' must use field 'Binary'.`);
      }
      out.BinaryValue = v.BinaryValue;
      size += Buffer.from(v.BinaryValue, 'base64').length;
    } else {
      if (typeof v.StringValue !== 'string' || v.StringValue === '') {
        throw bad(
          `The message attribute '${name}' must contain a non-empty message attribute value for message attribute type '${base}'.`,
        );
      }
      if (base === 'Number' && !Number.isFinite(Number(v.StringValue))) {
        throw bad(`Can't cast the value of message (user) attribute '${name}' to a number.`);
      }
      out.StringValue = v.StringValue;
      size += Buffer.byteLength(v.StringValue);
    }
    size += Buffer.byteLength(name) + Buffer.byteLength(dataType);
    attributes[name] = out;
  }
  return { attributes, size };
}

/** MessageAttributeNames filter: 'All' or '.*' for all, 'prefix.*' for a prefix, else exact names. */
export function selectMessageAttributes(
  attributes: Record<string, MessageAttributeValue>,
  names: string[],
): Record<string, MessageAttributeValue> {
  if (names.length === 0) return {};
  const all = names.includes('All') || names.includes('.*');
  const out = Object.create(null) as Record<string, MessageAttributeValue>;
  for (const [name, value] of Object.entries(attributes)) {
    const wanted = all || names.some((n) => (n.endsWith('.*') ? name.startsWith(n.slice(0, -1)) : n === name));
    if (wanted) out[name] = value;
  }
  return out;
}

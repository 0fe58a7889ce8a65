import { AwsError } from '../core/errors.js';
import { xmlChildren, escapeXml, type XmlNode, type XmlValue } from './xml.js';

/** EC2 query protocol: form-encoded `Action=...&Version=...` in, EC2's XML documents out. */

export const EC2_XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

import type { QueryParams } from './query-params.js';

/** Indexes N present under `prefix.N` (e.g. `InstanceId.1`, `Filter.2.Name`), in numeric order. */
function indexesUnder(params: QueryParams, prefix: string): number[] {
  const found = new Set<number>();
  const head = `${prefix}.`;
  for (const key of params.keys()) {
    if (!key.startsWith(head)) continue;
    const m = /^(\d+)(?:\.|$)/.exec(key.slice(head.length));
    if (m?.[1]) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** A list of strings: `Prefix.1`, `Prefix.2`, ... */
export function stringList(params: QueryParams, prefix: string): string[] {
  const out: string[] = [];
  for (const i of indexesUnder(params, prefix)) {
    const v = params.get(`${prefix}.${i}`);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** A list of structures: calls `read(sub)` with each member's prefix (`Prefix.N`). */
export function structList<T>(params: QueryParams, prefix: string, read: (sub: string) => T): T[] {
  return indexesUnder(params, prefix).map((i) => read(`${prefix}.${i}`));
}

export interface QueryFilter {
  name: string;
  values: string[];
}

export function filterList(params: QueryParams): QueryFilter[] {
  return structList(params, 'Filter', (sub) => ({
    name: params.get(`${sub}.Name`) ?? '',
    values: stringList(params, `${sub}.Value`),
  }));
}

export interface QueryTag {
  key: string;
  /** undefined when the caller sent no Value (DeleteTags treats that as "any value"). */
  value: string | undefined;
}

export function tagList(params: QueryParams, prefix: string): QueryTag[] {
  return structList(params, prefix, (sub) => ({
    key: params.get(`${sub}.Key`) ?? '',
    value: params.get(`${sub}.Value`),
  }));
}

export function booleanParam(params: QueryParams, name: string): boolean {
  const v = params.get(name);
  if (v === undefined) return false;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new AwsError('InvalidParameterValue', `Invalid value '${v}' for ${name}. Expecting a boolean.`);
}

/** An integer parameter, or undefined when absent; InvalidParameterValue when not an integer. */
export function integerParam(params: QueryParams, name: string): number | undefined {
  const v = params.get(name);
  if (v === undefined) return undefined;
  if (!/^-?\d{1,10}$/.test(v))
    throw new AwsError('InvalidParameterValue', `Invalid value '${v}' for ${name}. Expecting an integer.`);
  return Number(v);
}

/** An EC2 `<xxxSet><item>..</item></xxxSet>` list body. */
export function items(list: XmlValue[]): XmlNode {
  return { item: list };
}

export function ec2ResponseDocument(action: string, requestId: string, body: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${EC2_XMLNS}"><requestId>${escapeXml(requestId)}</requestId>${xmlChildren(body)}</${action}Response>`;
}

/** Characters XML 1.0 cannot carry; an error message may echo them from the input. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot carry
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafe(s: string): string {
  return s.replace(NOT_XML, '\ufffd');
}

/** EC2's error document (note `RequestID`, unlike the other query services' `RequestId`). */
export function ec2ErrorDocument(error: AwsError, requestId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(xmlSafe(error.message))}</Message></Error></Errors><RequestID>${escapeXml(requestId)}</RequestID></Response>`;
}

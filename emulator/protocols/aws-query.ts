import type { AwsError } from '../core/errors.js';
import { escapeXml, xmlChildren, type XmlNode } from './xml.js';

/**
 * The AWS query protocol (SQS's older clients, IAM, STS, and EC2's variant): form-encoded
 * `Action=...&Version=...&Name.1.Sub=value` in, an XML `<ActionResponse>` document out.
 */

import type { QueryParams } from './query-params.js';

/** A parameter tree: `A.1.B=x` becomes { A: { '1': { B: 'x' } } }. */
export type QueryTree = { [key: string]: QueryTree | string };

/** Whether a request looks like the query protocol (a form body or an Action in the URL). */
export function isQueryRequest(contentType: string | undefined, url: URL): boolean {
  return (
    (contentType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded') || url.searchParams.has('Action')
  );
}

/** A tree node without a prototype, so keys such as `__proto__` stay plain data. */
function newNode(): QueryTree {
  return Object.create(null) as QueryTree;
}

/** Nest dotted keys into a tree. A key that is both a leaf and a parent keeps the parent. */
export function queryTree(params: QueryParams): QueryTree {
  const root = newNode();
  for (const [key, value] of params) {
    const parts = key.split('.');
    let current: QueryTree = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i] as string;
      const next = current[part];
      if (typeof next === 'object') current = next;
      else {
        const child = newNode();
        current[part] = child;
        current = child;
      }
    }
    const last = parts[parts.length - 1] as string;
    if (typeof current[last] !== 'object') current[last] = value;
  }
  return root;
}

/** The members of a numbered list node (`X.1`, `X.2`, ...) in numeric order; other keys are ignored. */
export function treeList(node: QueryTree | string | undefined): Array<QueryTree | string> {
  if (!node || typeof node !== 'object') return [];
  return Object.keys(node)
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => node[k] as QueryTree | string);
}

/** A flattened map (`Attribute.N.Name` / `Attribute.N.Value`) as a plain object of strings or subtrees. */
export function treeMap(
  node: QueryTree | string | undefined,
  keyName = 'Name',
  valueName = 'Value',
): Record<string, QueryTree | string> {
  const out = Object.create(null) as Record<string, QueryTree | string>;
  for (const entry of treeList(node)) {
    if (typeof entry !== 'object') continue;
    const key = entry[keyName];
    const value = entry[valueName];
    if (typeof key === 'string' && value !== undefined) out[key] = value;
  }
  return out;
}

/** `<ActionResponse xmlns><ActionResult>...</ActionResult><ResponseMetadata>...` (no Result when empty). */
export function queryResponseDocument(
  action: string,
  result: XmlNode | null,
  xmlns: string,
  requestId: string,
): string {
  const inner = result ? `<${action}Result>${xmlChildren(result)}</${action}Result>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${xmlns}">${inner}` +
    `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata></${action}Response>`
  );
}

/** The query protocol's error document: `<ErrorResponse><Error><Type/><Code/><Message/>...`. */
export function queryErrorDocument(code: string, error: AwsError, xmlns: string, requestId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${xmlns}"><Error><Type>${error.fault}</Type>` +
    `<Code>${escapeXml(code)}</Code><Message>${escapeXml(error.message)}</Message><Detail/></Error>` +
    `<RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`
  );
}

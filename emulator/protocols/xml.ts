import type { ServerResponse } from 'node:http';

/** A tiny XML writer: enough for AWS response documents. */

export type XmlValue = string | number | boolean | null | undefined | Date | XmlNode | XmlValue[];
export interface XmlNode {
  [element: string]: XmlValue;
}

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

function text(v: string | number | boolean | Date): string {
  return escapeXml(v instanceof Date ? v.toISOString() : String(v));
}

/** Serialize children: arrays repeat the element name; null/undefined are omitted. */
export function xmlChildren(node: XmlNode): string {
  let out = '';
  for (const [name, value] of Object.entries(node)) out += xmlElement(name, value);
  return out;
}

export function xmlElement(name: string, value: XmlValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => xmlElement(name, v)).join('');
  if (typeof value === 'object' && !(value instanceof Date)) return `<${name}>${xmlChildren(value)}</${name}>`;
  return `<${name}>${text(value)}</${name}>`;
}

/** A whole document with one root element, optionally namespaced. */
export function xmlDocument(root: string, body: XmlNode, xmlns?: string): string {
  const ns = xmlns ? ` xmlns="${xmlns}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${ns}>${xmlChildren(body)}</${root}>`;
}

/** The one XML writer for the query protocols (SQS, EC2, STS): a whole document with the request id header. */
export function sendXml(
  res: ServerResponse,
  status: number,
  xml: string,
  requestId: string,
  contentType = 'text/xml',
): void {
  const payload = Buffer.from(xml);
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': String(payload.length),
    'x-amzn-RequestId': requestId,
  });
  res.end(payload);
}

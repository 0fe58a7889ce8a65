import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AwsError } from '../../core/errors.js';

/** A parsed element: text, or child elements by name (repeated names become arrays). */
export type XmlIn = string | { [name: string]: XmlIn | XmlIn[] };

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  removeNSPrefix: true,
});

export const malformedXml = () =>
  new AwsError(
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema',
  );

/** XML's five entities and numeric character references; anything else after `&` is not XML. */
const REFERENCE = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;

/**
 * Whether every `&` outside CDATA starts one of XML's own references. The parser also knows HTML's
 * entities (`&nbsp;`...), which S3 refuses as MalformedXML.
 */
function onlyXmlReferences(text: string): boolean {
  const outsideCdata = text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  for (let i = outsideCdata.indexOf('&'); i >= 0; i = outsideCdata.indexOf('&', i + 1)) {
    if (!REFERENCE.test(outsideCdata.slice(i, i + 16))) return false;
  }
  return true;
}

/** Parse an S3 request document and return its root element, which must be named `root`. */
export function parseXmlBody(data: Buffer, root: string): Record<string, XmlIn | XmlIn[]> {
  const text = data.toString('utf8');
  // No DTDs: S3 documents never need one, and entity declarations are an expansion-bomb risk.
  if (!text.trim() || /<!DOCTYPE/i.test(text) || !onlyXmlReferences(text) || XMLValidator.validate(text) !== true)
    throw malformedXml();
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch {
    throw malformedXml();
  }
  const top = (doc as Record<string, unknown>)[root];
  if (!top || typeof top !== 'object' || Array.isArray(top)) throw malformedXml();
  return top as Record<string, XmlIn | XmlIn[]>;
}

/** Children of one name as a list (absent: empty). Whitespace text nodes are ignored. */
export function children(node: XmlIn | XmlIn[] | undefined, name: string): XmlIn[] {
  if (!node || typeof node === 'string' || Array.isArray(node)) return [];
  const v = node[name];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/** Text of a child element, or undefined; an element child where text is expected is malformed. */
export function textOf(node: XmlIn | XmlIn[] | undefined, name: string): string | undefined {
  const [first, ...rest] = children(node, name);
  if (first === undefined) return undefined;
  if (rest.length) throw malformedXml();
  if (typeof first === 'string') return first;
  // <Key></Key> parses as an empty string; an object here has only whitespace text at most.
  const keys = Object.keys(first).filter((k) => k !== '#text');
  if (keys.length) throw malformedXml();
  return '';
}

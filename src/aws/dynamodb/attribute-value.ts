import { isJsonNumberText, JsonSyntaxError, lineColumnOf, parseJson, printJson, type JsonNode } from './exact-json';

/**
 * DynamoDB's low-level AttributeValue, the console's one representation of an item: every type exact
 * (numbers as decimal text, binary as bytes, sets as sets). Plain JSON and DynamoDB JSON are views of it.
 */
export type AttrValue =
  | { S: string }
  | { N: string }
  | { B: Uint8Array }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: Uint8Array[] }
  | { M: Record<string, AttrValue> }
  | { L: AttrValue[] }
  | { NULL: true }
  | { BOOL: boolean };

export type Item = Record<string, AttrValue>;
export type AttrType = 'S' | 'N' | 'B' | 'SS' | 'NS' | 'BS' | 'M' | 'L' | 'NULL' | 'BOOL';
export type ItemFormat = 'plain' | 'dynamodb';

/** The wrappers plain JSON uses for what JSON has no type for (documented in the editor). */
export const PLAIN_WRAPPERS = ['$SS', '$NS', '$BS', '$B', '$N', '$M'] as const;

export function typeOf(v: AttrValue): AttrType {
  return Object.keys(v)[0] as AttrType;
}

// ---------- base64 (no Buffer in the browser) ----------

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function fromBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new Error('is not valid base64');
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// ---------- numbers ----------

/** Why `text` is not a DynamoDB number, or undefined: up to 38 significant digits, 1E-130 to 9.9E+125. */
export function numberProblem(text: string): string | undefined {
  const t = text.trim();
  const m = /^[-+]?(\d*)(?:\.(\d*))?(?:[eE][-+]?\d+)?$/.exec(t);
  if (!m || (m[1] ?? '') + (m[2] ?? '') === '') return `"${text}" is not a number`;
  const canon = canonicalNumber(t);
  if (canon === '0') return undefined;
  const c = /^-?0\.(\d+)e(-?\d+)$/.exec(canon);
  if (!c) return `"${text}" is not a number`;
  if ((c[1] ?? '').length > 38) return `${t} has more than 38 significant digits`;
  const exp = Number(c[2]);
  if (exp > 126 || exp < -129) return `${t} is out of DynamoDB's range (1E-130 to 9.9E+125)`;
  return undefined;
}

// ---------- reading ----------

export class ItemParseError extends Error {
  constructor(
    message: string,
    /** Attribute path, e.g. tags[2] or address.city; empty for the whole document. */
    readonly path: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'ItemParseError';
  }
}

const child = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

function fail(path: string, message: string): never {
  throw new ItemParseError(message, path);
}

function stringsOf(node: JsonNode, path: string, what: string): string[] {
  if (node.kind !== 'array') fail(path, `${what} must be an array`);
  return node.items.map((n, i) => {
    if (n.kind === 'string') return n.value;
    return fail(child(path, i), `${what} elements must be strings`);
  });
}

function numbersOf(node: JsonNode, path: string): string[] {
  if (node.kind !== 'array') fail(path, 'a number set must be an array');
  return node.items.map((n, i) => numberText(n, child(path, i)));
}

function numberText(node: JsonNode, path: string): string {
  const text =
    node.kind === 'number' ? node.text : node.kind === 'string' ? node.value : fail(path, 'must be a number');
  const problem = numberProblem(text);
  if (problem) fail(path, problem);
  return text.trim();
}

function bytesOf(text: string, path: string): Uint8Array {
  try {
    return fromBase64(text);
  } catch {
    return fail(path, `"${text.length > 24 ? text.slice(0, 24) + '…' : text}" is not valid base64`);
  }
}

function checkSet(values: string[], path: string, what: string): void {
  if (values.length === 0) fail(path, `an empty ${what} cannot be stored`);
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) fail(path, `${what} has a duplicate: ${JSON.stringify(v)}`);
    seen.add(v);
  }
}

function checkNumberSet(values: string[], path: string): void {
  if (values.length === 0) fail(path, 'an empty number set cannot be stored');
  const seen = new Set<string>();
  for (const v of values) {
    const canon = canonicalNumber(v);
    if (seen.has(canon)) fail(path, `number set has a duplicate: ${v}`);
    seen.add(canon);
  }
}

/** A number's value as a canonical text (1.50 and 1.5 are one number), for equality only. */
export function canonicalNumber(text: string): string {
  const m = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text.trim());
  if (!m) return text;
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  const digits = (intPart + frac).replace(/^0+/, '');
  if (digits === '') return '0';
  const lead = (intPart + frac).length - digits.length;
  const exp = Number(m[4] ?? '0') + intPart.length - lead;
  return `${m[1] === '-' ? '-' : ''}0.${digits.replace(/0+$/, '')}e${exp}`;
}

/** One value of plain JSON. */
function fromPlain(node: JsonNode, path: string): AttrValue {
  switch (node.kind) {
    case 'string':
      return { S: node.value };
    case 'number':
      return { N: numberText(node, path) };
    case 'bool':
      return { BOOL: node.value };
    case 'null':
      return { NULL: true };
    case 'array':
      return { L: node.items.map((n, i) => fromPlain(n, child(path, i))) };
    case 'object': {
      const [only] = node.entries;
      if (node.entries.length === 1 && only) {
        const [key, inner] = only;
        switch (key) {
          case '$SS': {
            const values = stringsOf(inner, path, 'a string set');
            checkSet(values, path, 'string set');
            return { SS: values };
          }
          case '$NS': {
            const values = numbersOf(inner, path);
            checkNumberSet(values, path);
            return { NS: values };
          }
          case '$BS': {
            const values = stringsOf(inner, path, 'a binary set');
            checkSet(values, path, 'binary set');
            return { BS: values.map((v, i) => bytesOf(v, child(path, i))) };
          }
          case '$B':
            if (inner.kind !== 'string') fail(path, '$B must be a base64 string');
            return { B: bytesOf(inner.value, path) };
          case '$N':
            return { N: numberText(inner, path) };
          case '$M':
            if (inner.kind !== 'object') fail(path, '$M must be an object');
            return { M: mapOf(inner, path, fromPlain) };
        }
      }
      return { M: mapOf(node, path, fromPlain) };
    }
  }
}

function mapOf(
  node: Extract<JsonNode, { kind: 'object' }>,
  path: string,
  read: (n: JsonNode, p: string) => AttrValue,
): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  for (const [k, v] of node.entries) out[k] = read(v, child(path, k));
  return out;
}

/** One value of DynamoDB JSON ({"S": "x"}, {"N": "1"}, {"M": {...}}...). */
function fromDynamo(node: JsonNode, path: string): AttrValue {
  if (node.kind !== 'object' || node.entries.length !== 1 || !node.entries[0]) {
    return fail(path, 'must be an object with exactly one type key (S, N, B, SS, NS, BS, M, L, NULL, BOOL)');
  }
  const [type, inner] = node.entries[0];
  switch (type) {
    case 'S':
      if (inner.kind !== 'string') fail(path, 'S must be a string');
      return { S: inner.value };
    case 'N':
      return { N: numberText(inner, path) };
    case 'B':
      if (inner.kind !== 'string') fail(path, 'B must be a base64 string');
      return { B: bytesOf(inner.value, path) };
    case 'SS': {
      const values = stringsOf(inner, path, 'SS');
      checkSet(values, path, 'string set');
      return { SS: values };
    }
    case 'NS': {
      const values = numbersOf(inner, path);
      checkNumberSet(values, path);
      return { NS: values };
    }
    case 'BS': {
      const values = stringsOf(inner, path, 'BS');
      checkSet(values, path, 'binary set');
      return { BS: values.map((v, i) => bytesOf(v, child(path, i))) };
    }
    case 'M':
      if (inner.kind !== 'object') fail(path, 'M must be an object');
      return { M: mapOf(inner, path, fromDynamo) };
    case 'L':
      if (inner.kind !== 'array') fail(path, 'L must be an array');
      return { L: inner.items.map((n, i) => fromDynamo(n, child(path, i))) };
    case 'NULL':
      if (inner.kind !== 'bool' || !inner.value) fail(path, 'NULL must be true');
      return { NULL: true };
    case 'BOOL':
      if (inner.kind !== 'bool') fail(path, 'BOOL must be true or false');
      return { BOOL: inner.value };
    default:
      return fail(path, `unknown type "${type}" (expected S, N, B, SS, NS, BS, M, L, NULL or BOOL)`);
  }
}

function rootObject(text: string): Extract<JsonNode, { kind: 'object' }> {
  let node: JsonNode;
  try {
    node = parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      const { line, column } = lineColumnOf(text, e.offset);
      throw new ItemParseError(`Line ${line}: ${e.message}`, '', line, column);
    }
    throw e;
  }
  if (node.kind !== 'object') throw new ItemParseError('An item must be a JSON object', '');
  return node;
}

/** An item from editor text in either format; throws ItemParseError naming the attribute at fault. */
export function parseItem(text: string, format: ItemFormat): Item {
  return itemOfNode(rootObject(text), format);
}

export function itemOfNode(node: JsonNode, format: ItemFormat): Item {
  if (node.kind !== 'object') throw new ItemParseError('An item must be a JSON object', '');
  return mapOf(node, '', format === 'plain' ? fromPlain : fromDynamo);
}

/** Whether a parsed object looks like DynamoDB JSON (every attribute a one-key type object). */
export function looksLikeDynamoJson(node: JsonNode): boolean {
  if (node.kind !== 'object' || node.entries.length === 0) return false;
  return node.entries.every(
    ([, v]) => v.kind === 'object' && v.entries.length === 1 && TYPE_KEYS.has(v.entries[0]?.[0] ?? ''),
  );
}
const TYPE_KEYS = new Set(['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL']);

// ---------- writing ----------

const str = (value: string): JsonNode => ({ kind: 'string', value });
const obj = (entries: Array<[string, JsonNode]>): JsonNode => ({ kind: 'object', entries });
const numNode = (text: string): JsonNode =>
  isJsonNumberText(text) ? { kind: 'number', text } : obj([['$N', str(text)]]);

function toPlainNode(v: AttrValue): JsonNode {
  if ('S' in v) return str(v.S);
  if ('N' in v) return numNode(v.N);
  if ('BOOL' in v) return { kind: 'bool', value: v.BOOL };
  if ('NULL' in v) return { kind: 'null' };
  if ('B' in v) return obj([['$B', str(toBase64(v.B))]]);
  if ('SS' in v) return obj([['$SS', { kind: 'array', items: v.SS.map(str) }]]);
  if ('NS' in v)
    return obj([
      ['$NS', { kind: 'array', items: v.NS.map((n) => (isJsonNumberText(n) ? { kind: 'number', text: n } : str(n))) }],
    ]);
  if ('BS' in v) return obj([['$BS', { kind: 'array', items: v.BS.map((b) => str(toBase64(b))) }]]);
  if ('L' in v) return { kind: 'array', items: v.L.map(toPlainNode) };
  const entries = Object.entries(v.M).map(([k, x]): [string, JsonNode] => [k, toPlainNode(x)]);
  const [only] = entries;
  // A real map whose one key looks like a wrapper is wrapped itself, so it reads back as a map.
  if (entries.length === 1 && only && (PLAIN_WRAPPERS as readonly string[]).includes(only[0]))
    return obj([['$M', obj(entries)]]);
  return obj(entries);
}

function toDynamoNode(v: AttrValue): JsonNode {
  const arr = (items: JsonNode[]): JsonNode => ({ kind: 'array', items });
  if ('S' in v) return obj([['S', str(v.S)]]);
  if ('N' in v) return obj([['N', str(v.N)]]);
  if ('BOOL' in v) return obj([['BOOL', { kind: 'bool', value: v.BOOL }]]);
  if ('NULL' in v) return obj([['NULL', { kind: 'bool', value: true }]]);
  if ('B' in v) return obj([['B', str(toBase64(v.B))]]);
  if ('SS' in v) return obj([['SS', arr(v.SS.map(str))]]);
  if ('NS' in v) return obj([['NS', arr(v.NS.map(str))]]);
  if ('BS' in v) return obj([['BS', arr(v.BS.map((b) => str(toBase64(b))))]]);
  if ('L' in v) return obj([['L', arr(v.L.map(toDynamoNode))]]);
  return obj([['M', obj(Object.entries(v.M).map(([k, x]): [string, JsonNode] => [k, toDynamoNode(x)]))]]);
}

export function itemToNode(item: Item, format: ItemFormat): JsonNode {
  const write = format === 'plain' ? toPlainNode : toDynamoNode;
  return obj(Object.entries(item).map(([k, v]): [string, JsonNode] => [k, write(v)]));
}

/** Editor text of an item (two-space indented; `indent` 0 for one line). */
export function formatItem(item: Item, format: ItemFormat, indent = 2): string {
  return printJson(itemToNode(item, format), indent);
}

// ---------- comparing and showing ----------

/** A canonical text of a value: equal values (sets in any order, 1.0 and 1) give equal texts. */
export function valueKey(v: AttrValue): string {
  if ('N' in v) return `N:${canonicalNumber(v.N)}`;
  if ('NS' in v) return `NS:${v.NS.map(canonicalNumber).sort().join(',')}`;
  if ('SS' in v) return `SS:${JSON.stringify([...v.SS].sort())}`;
  if ('BS' in v) return `BS:${JSON.stringify(v.BS.map(toBase64).sort())}`;
  if ('B' in v) return `B:${toBase64(v.B)}`;
  if ('L' in v) return `L:[${v.L.map(valueKey).join(',')}]`;
  if ('M' in v)
    return `M:{${Object.keys(v.M)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${valueKey(v.M[k]!)}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

export function valuesEqual(a: AttrValue | undefined, b: AttrValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return valueKey(a) === valueKey(b);
}

export const TYPE_LABELS: Record<AttrType, string> = {
  S: 'String',
  N: 'Number',
  B: 'Binary',
  SS: 'String set',
  NS: 'Number set',
  BS: 'Binary set',
  M: 'Map',
  L: 'List',
  NULL: 'Null',
  BOOL: 'Boolean',
};

/** A short one-line text of a value for a table cell. */
export function compactText(v: AttrValue, max = 80): string {
  let text: string;
  if ('S' in v) text = v.S;
  else if ('N' in v) text = v.N;
  else if ('BOOL' in v) text = String(v.BOOL);
  else if ('NULL' in v) text = 'null';
  else if ('B' in v) text = toBase64(v.B);
  else if ('SS' in v) text = `{${v.SS.map((s) => JSON.stringify(s)).join(', ')}}`;
  else if ('NS' in v) text = `{${v.NS.join(', ')}}`;
  else if ('BS' in v) text = `{${v.BS.map(toBase64).join(', ')}}`;
  else text = printJson(toPlainNode(v), 0);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A value as one cell of a CSV export: strings and numbers as is, everything else as plain JSON. */
export function csvText(v: AttrValue): string {
  if ('S' in v) return v.S;
  if ('N' in v) return v.N;
  if ('BOOL' in v) return String(v.BOOL);
  if ('NULL' in v) return '';
  return printJson(toPlainNode(v), 0);
}

/** A typed scalar from a text field: a key value or a filter value. */
export function scalarOf(type: 'S' | 'N' | 'B', text: string): AttrValue {
  if (type === 'N') {
    const problem = numberProblem(text);
    if (problem) throw new Error(problem);
    return { N: text.trim() };
  }
  if (type === 'B') {
    try {
      return { B: fromBase64(text.trim()) };
    } catch {
      throw new Error(`"${text}" is not valid base64`);
    }
  }
  return { S: text };
}

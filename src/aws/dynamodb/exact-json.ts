/**
 * A JSON reader and writer that keep numbers as their decimal text. JSON.parse turns
 * 12345678901234567890123456789012345678 into 1.2345678901234568e37; DynamoDB numbers have 38 digits.
 */
export type JsonNode =
  | { kind: 'string'; value: string }
  | { kind: 'number'; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'object'; entries: Array<[string, JsonNode]> };

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Parses JSON text; numbers keep their text. Duplicate keys in one object are an error (they would be lost). */
export function parseJson(text: string): JsonNode {
  let i = 0;
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, i);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = (): string => {
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('Unterminated string');
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c < ' ') fail('Control character in string');
      if (c === '\\') {
        const e = text[i + 1];
        i += 2;
        if (e === 'u') {
          const hex = text.slice(i, i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
        } else if (e !== undefined && e in ESCAPES) out += ESCAPES[e];
        else fail('Bad escape');
      } else {
        out += c;
        i++;
      }
    }
  };
  const value = (depth: number): JsonNode => {
    if (depth > 64) fail('Nested too deeply');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: Array<[string, JsonNode]> = [];
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', entries };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('Expected a property name in double quotes');
        const keyAt = i;
        const key = string();
        if (seen.has(key)) {
          i = keyAt;
          fail(`Duplicate key "${key}"`);
        }
        seen.add(key);
        ws();
        if (text[i] !== ':') fail("Expected ':' after a property name");
        i++;
        entries.push([key, value(depth + 1)]);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return { kind: 'object', entries };
        } else fail("Expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', items };
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return { kind: 'array', items };
        } else fail("Expected ',' or ']'");
      }
    }
    if (c === '"') return { kind: 'string', value: string() };
    for (const [word, node] of LITERALS) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return node;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m) {
      i += m[0].length;
      return { kind: 'number', text: m[0] };
    }
    return fail(i >= text.length ? 'Unexpected end of JSON' : `Unexpected character '${text[i] ?? ''}'`);
  };
  const root = value(0);
  ws();
  if (i < text.length) fail('Unexpected text after the JSON value');
  return root;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const LITERALS: Array<[string, JsonNode]> = [
  ['true', { kind: 'bool', value: true }],
  ['false', { kind: 'bool', value: false }],
  ['null', { kind: 'null' }],
];

/** Line and column (1-based) of an offset, for messages. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** JSON text of a node, two-space indented (or on one line with `indent` 0); numbers exactly as held. */
export function printJson(node: JsonNode, indent = 2): string {
  const nl = (depth: number) => (indent > 0 ? '\n' + ' '.repeat(indent * depth) : '');
  const sep = indent > 0 ? ': ' : ':';
  const go = (n: JsonNode, depth: number): string => {
    switch (n.kind) {
      case 'string':
        return JSON.stringify(n.value);
      case 'number':
        return n.text;
      case 'bool':
        return n.value ? 'true' : 'false';
      case 'null':
        return 'null';
      case 'array':
        if (n.items.length === 0) return '[]';
        return `[${n.items.map((v) => nl(depth + 1) + go(v, depth + 1)).join(',')}${nl(depth)}]`;
      case 'object':
        if (n.entries.length === 0) return '{}';
        return `{${n.entries.map(([k, v]) => `${nl(depth + 1)}${JSON.stringify(k)}${sep}${go(v, depth + 1)}`).join(',')}${nl(depth)}}`;
    }
  };
  return go(node, 0);
}

export const isJsonNumberText = (text: string): boolean => {
  NUMBER.lastIndex = 0;
  const m = NUMBER.exec(text);
  return m !== null && m[0].length === text.length;
};

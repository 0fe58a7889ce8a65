// JSON checking and formatting without CodeMirror, so a page can validate a body before the
// editor's chunk has loaded (or without an editor at all).

export interface JsonError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** 0-based offset into the text. */
  offset: number;
}

/** null when `text` is valid JSON; otherwise the parser's message and where the error is. */
export function validateJson(text: string): JsonError | null {
  // The editor's linter, its status line and Format often ask about the same text in a row.
  if (last && last.text === text) return last.result;
  const result = check(text);
  last = { text, result };
  return result;
}

let last: { text: string; result: JsonError | null } | undefined;

function check(text: string): JsonError | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const offset = clamp(offsetFromMessage(raw, text) ?? scanError(text), text.length);
    const { line, column } = lineColumn(text, offset);
    return { message: cleanMessage(raw), line, column, offset };
  }
}

/** "Line 3: Unexpected token ..." */
export function describeJsonError(error: JsonError): string {
  return `Line ${error.line}: ${error.message}`;
}

function clamp(offset: number, length: number): number {
  return Math.max(0, Math.min(offset, length));
}

// V8: "... in JSON at position 12 (line 2 column 5)", older V8: "... at position 12";
// Firefox: "JSON.parse: ... at line 2 column 5 of the JSON data"; Safari gives no position.
function offsetFromMessage(message: string, text: string): number | undefined {
  const lc = /line (\d+) column (\d+)/i.exec(message);
  if (lc) return offsetOf(text, Number(lc[1]), Number(lc[2]));
  const pos = /position (\d+)/i.exec(message);
  if (pos) return Number(pos[1]);
  return undefined;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function cleanMessage(message: string): string {
  const cleaned = message
    .replace(/^JSON\.parse: /, '')
    .replace(/^JSON Parse error: /, '')
    .replace(/ (in JSON )?at position \d+( \(line \d+ column \d+\))?/, '')
    .replace(/ at line \d+ column \d+ of the JSON data/, '')
    // V8 quotes the surrounding source ("...", "{"a": x}" is not valid JSON): the editor shows it already.
    .replace(/, (\.\.\.)?"[\s\S]*" is not valid JSON$/, '')
    .trim();
  return cleaned ? cleaned[0]!.toUpperCase() + cleaned.slice(1) : 'Invalid JSON';
}

// ---------- locating an error when the engine does not say where ----------

class ScanError extends Error {
  constructor(readonly offset: number) {
    super('scan');
  }
}

/** Offset of the first JSON syntax error in `text` (a small recursive-descent checker). */
function scanError(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const fail = (): never => {
    throw new ScanError(i);
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) fail();
  };
  const digits = () => {
    const start = i;
    while (i < text.length && text[i]! >= '0' && text[i]! <= '9') i++;
    if (i === start) fail();
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail();
      if (c === 0x5c) {
        i++;
        const e = text[i];
        if (e === 'u') {
          i++;
          for (let k = 0; k < 4; k++, i++) if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail();
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail();
      } else i++;
    }
  };
  const value = (depth: number): void => {
    if (depth > 5000) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      if (c === '-') i++;
      if (text[i] === '0') i++;
      else digits();
      if (text[i] === '.') {
        i++;
        digits();
      }
      if (text[i] === 'e' || text[i] === 'E') {
        i++;
        if (text[i] === '+' || text[i] === '-') i++;
        digits();
      }
      return;
    }
    fail();
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail();
    return 0;
  } catch (error) {
    return error instanceof ScanError ? error.offset : 0;
  }
}

// ---------- formatting ----------

/**
 * Pretty-prints valid JSON with two-space indentation by re-spacing its tokens, so numbers keep
 * their exact digits (a DynamoDB number beyond 2^53 would change through JSON.parse/stringify).
 * Returns the text unchanged when it is not valid JSON.
 */
export function formatJson(text: string): string {
  if (validateJson(text) !== null) return text;
  let out = '';
  let depth = 0;
  const newline = () => '\n' + '  '.repeat(depth);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '{' || c === '[') {
      let j = i + 1;
      while (j < text.length && ' \t\n\r'.includes(text[j]!)) j++;
      if (text[j] === (c === '{' ? '}' : ']')) {
        out += c + text[j];
        i = j;
      } else {
        depth++;
        out += c + newline();
      }
    } else if (c === '}' || c === ']') {
      depth--;
      out += newline() + c;
    } else if (c === ',') out += ',' + newline();
    else if (c === ':') out += ': ';
    else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') out += c;
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { describeJsonError, formatJson, validateJson } from './json-validate';

describe('validateJson', () => {
  it('is null for valid JSON', () => {
    expect(validateJson('{"a": [1, 2, {"b": null}], "c": "x"}')).toBeNull();
    expect(validateJson('  42 ')).toBeNull();
  });

  it('gives the line and column of an error on line 3', () => {
    const error = validateJson('{\n  "a": 1,\n  "b": x\n}');
    expect(error).toMatchObject({ line: 3, column: 8 });
    expect(describeJsonError(error!)).toMatch(/^Line 3: Unexpected token/);
    expect(error!.message).not.toContain('is not valid JSON');
  });

  it('locates errors the engine gives no position for (end of input, bad literal)', () => {
    expect(validateJson('{\n  "a": [1,\n')).toMatchObject({ line: 3, column: 1 });
    expect(validateJson('[\n\ntru]')).toMatchObject({ line: 3, column: 4 });
    expect(validateJson('')).toMatchObject({ line: 1, column: 1 });
  });

  it('reports a trailing comma where it is', () => {
    expect(validateJson('{\n  "a": 1,\n}')).toMatchObject({ line: 3, column: 1 });
  });
});

describe('formatJson', () => {
  it('pretty-prints with two spaces and keeps numbers exact', () => {
    expect(formatJson('{"id":12345678901234567890,"tags":[],"m":{},"s":"a,b:{\\"c\\"}","l":[1,true]}')).toBe(
      [
        '{',
        '  "id": 12345678901234567890,',
        '  "tags": [],',
        '  "m": {},',
        '  "s": "a,b:{\\"c\\"}",',
        '  "l": [',
        '    1,',
        '    true',
        '  ]',
        '}',
      ].join('\n'),
    );
  });

  it('leaves invalid JSON as it is', () => {
    expect(formatJson('{"a": }')).toBe('{"a": }');
  });
});

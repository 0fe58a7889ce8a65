import { describe, expect, it } from 'vitest';
import { formatItem, ItemParseError, numberProblem, parseItem, valuesEqual, type Item } from './attribute-value';
import { parseJson, printJson } from './exact-json';

const bytes = (...b: number[]) => new Uint8Array(b);
const N38 = '12345678901234567890123456789012345678';

/** An item holding every type DynamoDB has, with values JSON.parse would damage. */
const everything: Item = {
  pk: { S: 'user#1' },
  big: { N: N38 },
  tiny: { N: '-0.000000000000000000000000000000000000001' },
  exp: { N: '1E+125' },
  bin: { B: bytes(0, 1, 2, 255) },
  ss: { SS: ['a', 'b "quoted"', 'ünïcode'] },
  ns: { NS: ['1', N38, '-3.5'] },
  bs: { BS: [bytes(1), bytes(2, 3)] },
  nothing: { NULL: true },
  yes: { BOOL: true },
  list: { L: [{ S: 'x' }, { N: '9007199254740993' }, { L: [] }, { M: {} }] },
  nested: { M: { deep: { M: { set: { SS: ['z'] }, n: { N: '0.1' } } } } },
  wrapperLike: { M: { $SS: { S: 'a real map whose only key is $SS' } } },
  empty: { S: '' },
};

describe('item text in plain JSON and DynamoDB JSON', () => {
  for (const format of ['plain', 'dynamodb'] as const) {
    it(`round-trips every type exactly through ${format} JSON`, () => {
      const text = formatItem(everything, format);
      const back = parseItem(text, format);
      expect(back).toEqual(everything);
      // And again: the text is stable.
      expect(formatItem(back, format)).toBe(text);
    });
  }

  it('writes plain JSON with numbers as exact literals and typed wrappers for sets and binary', () => {
    const text = formatItem(everything, 'plain', 0);
    expect(text).toContain(`"big":${N38}`);
    expect(text).toContain('"list":["x",9007199254740993,[],{}]');
    expect(text).toContain('"ss":{"$SS":["a","b \\"quoted\\"","ünïcode"]}');
    expect(text).toContain(`"ns":{"$NS":[1,${N38},-3.5]}`);
    expect(text).toContain('"bin":{"$B":"AAEC/w=="}');
    expect(text).toContain('"bs":{"$BS":["AQ==","AgM="]}');
    expect(text).toContain('"nothing":null');
    expect(text).toContain('"wrapperLike":{"$M":{"$SS":"a real map whose only key is $SS"}}');
  });

  it('switches between the formats without losing a digit', () => {
    const plain = formatItem(everything, 'plain');
    const dynamo = formatItem(parseItem(plain, 'plain'), 'dynamodb');
    expect(parseItem(dynamo, 'dynamodb')).toEqual(everything);
    expect(dynamo).toContain(`"N": "${N38}"`);
  });

  it('reads numbers given as strings in wrappers, keeping their text', () => {
    expect(parseItem('{"a": {"$N": "1.50"}, "b": {"$NS": ["2", 3]}}', 'plain')).toEqual({
      a: { N: '1.50' },
      b: { NS: ['2', '3'] },
    });
  });

  it('names the attribute at fault', () => {
    const cases: Array<[string, 'plain' | 'dynamodb', RegExp]> = [
      ['{"a": {"$SS": []}}', 'plain', /^a: an empty string set/],
      ['{"a": {"$SS": ["x", "x"]}}', 'plain', /^a: string set has a duplicate: "x"/],
      ['{"a": {"$NS": [1, 1.0]}}', 'plain', /^a: number set has a duplicate/],
      ['{"a": {"m": [1, {"$B": "not base64!"}]}}', 'plain', /^a\.m\[1\]: .*not valid base64/],
      [`{"n": 1${N38}}`, 'plain', /^n: .*more than 38 significant digits/],
      ['{"n": 1e200}', 'plain', /^n: .*out of DynamoDB's range/],
      ['{"a": {"X": "1"}}', 'dynamodb', /^a: unknown type "X"/],
      ['{"a": {"N": "abc"}}', 'dynamodb', /^a: "abc" is not a number/],
      ['{"a": {"S": "x", "N": "1"}}', 'dynamodb', /^a: must be an object with exactly one type key/],
      ['{"a": 1, "a": 2}', 'plain', /Duplicate key "a"/],
      ['[1]', 'plain', /must be a JSON object/],
      ['{"a": }', 'plain', /^Line 1: Unexpected character/],
    ];
    for (const [text, format, message] of cases) {
      let error: unknown;
      try {
        parseItem(text, format);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(ItemParseError);
      expect((error as Error).message, text).toMatch(message);
    }
  });

  it('checks DynamoDB number limits: 38 digits, 1E-130 to 9.9E+125', () => {
    expect(numberProblem(N38)).toBeUndefined();
    expect(numberProblem('0.' + '0'.repeat(100) + '1')).toBeUndefined();
    expect(numberProblem('1' + N38)).toMatch(/38 significant digits/);
    expect(numberProblem('100000000000000000000000000000000000000000000')).toBeUndefined();
    expect(numberProblem('1E-131')).toMatch(/range/);
    expect(numberProblem('1E+126')).toMatch(/range/);
    expect(numberProblem('0')).toBeUndefined();
    expect(numberProblem('1.')).toBeUndefined();
    expect(numberProblem('x')).toMatch(/not a number/);
  });

  it('compares values by meaning: sets in any order, 1.0 equals 1', () => {
    expect(valuesEqual({ SS: ['a', 'b'] }, { SS: ['b', 'a'] })).toBe(true);
    expect(valuesEqual({ N: '1.0' }, { N: '1' })).toBe(true);
    expect(valuesEqual({ N: N38 }, { N: '12345678901234567890123456789012345679' })).toBe(false);
    expect(valuesEqual({ M: { a: { N: '1' }, b: { S: 'x' } } }, { M: { b: { S: 'x' }, a: { N: '1' } } })).toBe(true);
    expect(valuesEqual({ L: [{ N: '1' }, { N: '2' }] }, { L: [{ N: '2' }, { N: '1' }] })).toBe(false);
    expect(valuesEqual({ S: '1' }, { N: '1' })).toBe(false);
  });

  it('prints JSON with the digits it read', () => {
    const text = `{"a":[${N38},-0.5e-7,true,null,"\\u00e9"]}`;
    expect(printJson(parseJson(text), 0)).toBe(`{"a":[${N38},-0.5e-7,true,null,"é"]}`);
  });
});

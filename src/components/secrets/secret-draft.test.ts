import { describe, expect, it } from 'vitest';
import { canUsePairs, draftProblem, draftText, jsonCheck, switchMode, type SecretDraft } from './secret-draft';
import { pairsOf } from './secret-json';
import { stageMoves } from './stage-moves';

const pairs = (...rows: Array<[string, string]>): SecretDraft => ({
  mode: 'pairs',
  pairs: rows.map(([key, value]) => ({ key, value })),
  raw: '',
});
const raw = (text: string): SecretDraft => ({ mode: 'raw', pairs: [], raw: text });

describe('secret values as rows', () => {
  it('reads only a flat JSON object as rows', () => {
    expect(pairsOf('{"user":"a","port":5432,"tls":true}')).toEqual([
      { key: 'user', value: 'a' },
      { key: 'port', value: '5432' },
      { key: 'tls', value: 'true' },
    ]);
    expect(pairsOf('{"nested":{"a":1}}')).toBeUndefined();
    expect(pairsOf('[1,2]')).toBeUndefined();
    expect(pairsOf('sk_live_123')).toBeUndefined();
    expect(pairsOf('{broken')).toBeUndefined();
  });

  it('stores rows as one JSON object and names the row that is wrong', () => {
    expect(draftText(pairs(['user', 'a'], ['pass', 'b']))).toBe('{"user":"a","pass":"b"}');
    expect(draftProblem(pairs(['user', 'a'], ['', 'b']))).toBe('Row 2: the key is empty');
    expect(draftProblem(pairs(['user', 'a'], ['user', 'b']))).toBe('Row 2: the key "user" is used twice');
    expect(draftProblem(pairs(['user', 'a']))).toBeUndefined();
  });
});

describe('the JSON check on raw text', () => {
  it('passes plain text, checks text that looks like JSON, and says where it breaks', () => {
    expect(jsonCheck('just a token')).toEqual({ isJson: false });
    expect(jsonCheck('{"a":1}')).toEqual({ isJson: true });
    expect(draftProblem(raw('{"a":1,}'))).toMatch(/^Not valid JSON\. Line 1:/);
    expect(draftProblem(raw(''))).toBe('Enter a value');
  });

  it('refuses a value over 64 KB, counting UTF-8 bytes', () => {
    expect(draftProblem(raw('x'.repeat(65_536)))).toBeUndefined();
    expect(draftProblem(raw('é'.repeat(32_769)))).toBe(
      'The value is 65,538 bytes; Secrets Manager takes at most 65,536',
    );
  });

  it('switches between rows and raw text keeping the content, and refuses rows for text that is not a flat object', () => {
    const asRaw = switchMode(pairs(['a', '1']), 'raw');
    expect(asRaw.raw).toBe('{"a":"1"}');
    expect(switchMode({ ...asRaw, raw: '{"b":"2"}' }, 'pairs').pairs).toEqual([{ key: 'b', value: '2' }]);
    expect(canUsePairs(raw('plain'))).toBe(false);
    expect(switchMode(raw('plain'), 'pairs').mode).toBe('raw');
  });
});

describe('stage moves', () => {
  it('reports AWSCURRENT and AWSPREVIOUS moving after a put, and a custom label appearing', () => {
    const before = { v1: ['AWSPREVIOUS'], v2: ['AWSCURRENT'] };
    const after = { v2: ['AWSPREVIOUS'], v3: ['AWSCURRENT', 'CANARY'] };
    expect(stageMoves(before, after)).toEqual([
      { stage: 'AWSCURRENT', from: 'v2', to: 'v3' },
      { stage: 'AWSPREVIOUS', from: 'v1', to: 'v2' },
      { stage: 'CANARY', to: 'v3' },
    ]);
    expect(stageMoves(before, before)).toEqual([]);
  });
});

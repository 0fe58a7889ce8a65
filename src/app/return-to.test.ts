import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to';

const ORIGIN = 'http://localhost:5173';

describe('safeReturnTo', () => {
  it('keeps a path of this origin with its query and hash', () => {
    expect(safeReturnTo('/buckets/demo-assets?prefix=a%2F&region=eu-west-1#x', ORIGIN)).toBe(
      '/buckets/demo-assets?prefix=a%2F&region=eu-west-1#x',
    );
  });

  it('sends anything that leaves the origin, however spelled, to the dashboard', () => {
    for (const value of [
      '/\t/evil.example/',
      '/\n/evil.example/',
      '/\r/evil.example/',
      '//evil.example/',
      '/\\evil.example/',
      '/\\\t/evil.example',
      '/.//evil.example/',
      'https://evil.example/',
      'javascript:alert(1)',
      '',
      null,
      42,
    ]) {
      expect(safeReturnTo(value, ORIGIN), JSON.stringify(value)).toBe('/dashboard');
    }
  });

  it('never returns to the sign-in routes themselves', () => {
    expect(safeReturnTo('/signin?returnTo=/x', ORIGIN)).toBe('/dashboard');
    expect(safeReturnTo('/auth/callback?code=1', ORIGIN)).toBe('/dashboard');
  });
});

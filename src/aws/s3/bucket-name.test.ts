import { describe, expect, it } from 'vitest';
import { bucketNameProblem } from './bucket-name';

describe('bucketNameProblem', () => {
  it('accepts valid names', () => {
    for (const name of ['abc', 'my-bucket', 'logs.example.com', 'a1-b2.c3', 'x'.repeat(63), '123bucket'])
      expect(bucketNameProblem(name), name).toBeUndefined();
  });

  it('names the rule each bad name breaks', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /Enter a bucket name/],
      ['ab', /at least 3/],
      ['x'.repeat(64), /at most 63 .*has 64/],
      ['My-bucket', /lower-case letters only \("M"/],
      ['my_bucket', /"_" is not allowed/],
      ['my bucket', /" " is not allowed/],
      ['-bucket', /begins with a letter or digit/],
      ['.bucket', /begins with a letter or digit/],
      ['bucket-', /ends with a letter or digit/],
      ['my..bucket', /no two dots/],
      ['my.-bucket', /next to a hyphen/],
      ['my-.bucket', /next to a hyphen/],
      ['192.168.5.4', /IP address/],
      ['xn--bucket', /"xn--" are reserved/],
      ['sthree-data', /"sthree-" are reserved/],
      ['data-s3alias', /"-s3alias" are reserved/],
      ['data--ol-s3', /"--ol-s3" are reserved/],
    ];
    for (const [name, rule] of cases) expect(bucketNameProblem(name), JSON.stringify(name)).toMatch(rule);
  });
});

import { describe, expect, it } from 'vitest';
import { gmt, isExpired, stateAt, TERMINATED_VISIBLE_MS } from './lifecycle.js';
import { wildcardMatcher } from './filters.js';
import type { InstanceRecord, StateName } from './model.js';
import { seedInstances } from '../../seed/ec2.js';

const T0 = Date.UTC(2026, 10, 26, 14, 0, 0);

function rec(state: StateName, extra: Partial<InstanceRecord> = {}): InstanceRecord {
  const [base] = seedInstances(T0);
  if (!base) throw new Error('seed is empty');
  return { ...base, state, transitionAt: T0, ...extra };
}

describe('states computed from stored timestamps', () => {
  it('settles each transitional state after its duration, whenever it is read', () => {
    expect(stateAt(rec('pending'), T0 + 1999)).toBe('pending');
    expect(stateAt(rec('pending'), T0 + 2000)).toBe('running');
    expect(stateAt(rec('stopping'), T0 + 2999)).toBe('stopping');
    expect(stateAt(rec('stopping'), T0 + 3000)).toBe('stopped');
    expect(stateAt(rec('shutting-down'), T0 + 3000)).toBe('terminated');
    expect(stateAt(rec('stopping', { transitionMs: 1000 }), T0 + 1000)).toBe('stopped');
    expect(stateAt(rec('running'), T0 + 10 ** 9)).toBe('running');
  });

  it('keeps terminated instances listed for an hour after they terminate, and only those', () => {
    expect(isExpired(rec('terminated'), T0 + TERMINATED_VISIBLE_MS - 1)).toBe(false);
    expect(isExpired(rec('terminated'), T0 + TERMINATED_VISIBLE_MS)).toBe(true);
    expect(isExpired(rec('shutting-down'), T0 + TERMINATED_VISIBLE_MS + 2999)).toBe(false);
    expect(isExpired(rec('shutting-down'), T0 + TERMINATED_VISIBLE_MS + 3000)).toBe(true);
    expect(isExpired(rec('stopped'), T0 + 100 * TERMINATED_VISIBLE_MS)).toBe(false);
  });

  it('formats transition times as EC2 does', () => {
    expect(gmt(T0)).toBe('2026-11-26 14:00:00 GMT');
  });
});

describe('filter wildcards', () => {
  it('treats * and ? as wildcards, \\ as escape, and everything else literally', () => {
    expect(wildcardMatcher('web-*')('web-prod-1')).toBe(true);
    expect(wildcardMatcher('web-?')('web-12')).toBe(false);
    expect(wildcardMatcher('a\\*b')('a*b')).toBe(true);
    expect(wildcardMatcher('a\\*b')('axb')).toBe(false);
    expect(wildcardMatcher('1.2.3.4')('1x2x3x4')).toBe(false);
    expect(wildcardMatcher('(x)[y]+')('(x)[y]+')).toBe(true);
    expect(wildcardMatcher('*a*b*c')('xxaxxbxxc')).toBe(true);
    expect(wildcardMatcher('*a*b*c')('xxaxxcxxb')).toBe(false);
    expect(wildcardMatcher('')('')).toBe(true);
    expect(wildcardMatcher('*')('')).toBe(true);
    expect(wildcardMatcher('?')('é')).toBe(true);
  });

  it('stays fast on patterns that make backtracking regexes explode', () => {
    const started = Date.now();
    expect(wildcardMatcher('*a'.repeat(60) + 'b')('a'.repeat(255))).toBe(false);
    expect(Date.now() - started).toBeLessThan(200);
  });
});

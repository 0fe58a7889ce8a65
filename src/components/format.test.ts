import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatCountOf, formatNumber, formatRelativeTime, pluralize } from './format';

describe('formatBytes', () => {
  it('uses binary units with one decimal', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1,023 B');
    expect(formatBytes(1024)).toBe('1.0 KiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 ** 2)).toBe('5.0 MiB');
    expect(formatBytes(1024 ** 3 * 2.25)).toBe('2.3 GiB');
    expect(formatBytes(1024 ** 4 * 3)).toBe('3.0 TiB');
    expect(formatBytes(1024 ** 5)).toBe('1,024.0 TiB');
  });

  it('moves up a unit instead of showing 1,024.0', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1.0 MiB');
  });

  it('shows a dash for a missing size', () => {
    expect(formatBytes(undefined)).toBe('–');
    expect(formatBytes(Number.NaN)).toBe('–');
  });
});

describe('formatCount and formatNumber', () => {
  it('groups digits and marks an open-ended count', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatCount(3, false)).toBe('3');
    expect(formatCount(1000, true)).toBe('1,000+');
    expect(formatCount(0, false)).toBe('0');
  });
});

describe('pluralize and formatCountOf', () => {
  it('picks the singular only for exactly one', () => {
    expect(pluralize(1, 'object')).toBe('object');
    expect(pluralize(0, 'object')).toBe('objects');
    expect(pluralize(2, 'entry', 'entries')).toBe('entries');
  });

  it('says what a count counts', () => {
    expect(formatCountOf(1, 'object')).toBe('1 object');
    expect(formatCountOf(3, 'object')).toBe('3 objects');
    expect(formatCountOf(1000, 'policy', 'policies')).toBe('1,000 policies');
  });
});

describe('formatRelativeTime', () => {
  const now = new Date('2024-06-15T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it('speaks in minutes, hours and days', () => {
    expect(formatRelativeTime(ago(10_000), now)).toBe('just now');
    expect(formatRelativeTime(ago(3 * 60_000), now)).toBe('3 min ago');
    expect(formatRelativeTime(ago(2 * 3_600_000), now)).toBe('2 h ago');
    expect(formatRelativeTime(ago(86_400_000), now)).toBe('1 day ago');
    expect(formatRelativeTime(ago(5 * 86_400_000), now)).toBe('5 days ago');
  });

  it('gives the date beyond about a month, and accepts ISO strings', () => {
    expect(formatRelativeTime('2024-03-03T10:00:00Z', now)).toBe('Mar 3, 2024');
    expect(formatRelativeTime(now.toISOString(), now)).toBe('just now');
  });

  it('handles the future and missing dates', () => {
    expect(formatRelativeTime(new Date(now.getTime() + 10 * 60_000), now)).toBe('in 10 min');
    expect(formatRelativeTime(undefined, now)).toBe('–');
    expect(formatRelativeTime('not a date', now)).toBe('–');
  });
});

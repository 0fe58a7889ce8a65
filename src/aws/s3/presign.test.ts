import { describe, expect, it } from 'vitest';
import { linkExpiry } from './presign';

const NOW = Date.UTC(2026, 0, 1, 12);
const HOUR = 3_600_000;

describe('linkExpiry', () => {
  it('does not call the default hour cut short when the credentials end seconds before it', () => {
    // Signed in just now: hour-long credentials end a few seconds before the hour-long link.
    const link = linkExpiry(NOW + HOUR, NOW + HOUR - 5_000);
    expect(link.isCutShort).toBe(false);
    expect(link.expiresAt.getTime()).toBe(NOW + HOUR - 5_000);
  });

  it('warns when the credentials end a minute or more before the chosen time', () => {
    const link = linkExpiry(NOW + 24 * HOUR, NOW + HOUR);
    expect(link).toEqual({ expiresAt: new Date(NOW + HOUR), isCutShort: true });
    expect(linkExpiry(NOW + HOUR, NOW + HOUR - 60_000).isCutShort).toBe(true);
  });

  it('keeps the chosen time when the credentials outlive it or never expire', () => {
    expect(linkExpiry(NOW + HOUR, NOW + 2 * HOUR)).toEqual({ expiresAt: new Date(NOW + HOUR), isCutShort: false });
    expect(linkExpiry(NOW + HOUR, undefined)).toEqual({ expiresAt: new Date(NOW + HOUR), isCutShort: false });
  });
});

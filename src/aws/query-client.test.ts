import { describe, expect, it } from 'vitest';
import { retryDelay, shouldRetry } from './query-client';

const err = (name: string, status: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

describe('query retry policy', () => {
  it('fails fast on a network error: an unreachable endpoint or a CORS refusal shows at once', () => {
    expect(shouldRetry(0, new TypeError('Failed to fetch'))).toBe(false);
  });

  it('never retries a 4xx other than throttling', () => {
    for (const [name, status] of [
      ['AccessDenied', 403],
      ['NoSuchBucket', 404],
      ['ValidationException', 400],
      ['ExpiredToken', 400],
      ['BucketNotEmpty', 409],
    ] as const)
      expect(shouldRetry(0, err(name, status)), name).toBe(false);
  });

  it('retries throttling with growing delays, and network and 5xx errors a little', () => {
    expect(shouldRetry(0, err('ThrottlingException', 400))).toBe(true);
    expect(shouldRetry(3, err('ThrottlingException', 400))).toBe(true);
    expect(shouldRetry(4, err('ThrottlingException', 400))).toBe(false);
    expect(shouldRetry(0, err('InternalError', 500))).toBe(true);
    expect(shouldRetry(2, err('InternalError', 500))).toBe(false);
    const throttled = err('SlowDown', 503);
    expect(retryDelay(3, throttled)).toBeGreaterThan(retryDelay(0, throttled) * 2);
    expect(retryDelay(0, throttled)).toBeGreaterThanOrEqual(750);
  });
});

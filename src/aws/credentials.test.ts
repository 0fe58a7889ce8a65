import { afterEach, describe, expect, it, vi } from 'vitest';
import { CredentialStore, type Credentials } from './credentials';

afterEach(() => vi.useRealTimers());

function source(lifetimeMs: number) {
  let n = 0;
  const fn = vi.fn(async (): Promise<Credentials> => {
    n += 1;
    return { accessKeyId: `AK${n}`, secretAccessKey: 's', expiration: new Date(Date.now() + lifetimeMs) };
  });
  return fn;
}

describe('CredentialStore', () => {
  it('fetches once for concurrent callers and reuses fresh credentials', async () => {
    const src = source(3_600_000);
    const store = new CredentialStore(src, 300);
    const [a, b] = await Promise.all([store.get(), store.get()]);
    expect(a.accessKeyId).toBe('AK1');
    expect(b.accessKeyId).toBe('AK1');
    expect((await store.get()).accessKeyId).toBe('AK1');
    expect(src).toHaveBeenCalledTimes(1);
    store.clear();
  });

  it('renews in the background before expiry (margin capped at half a short lifetime)', async () => {
    vi.useFakeTimers();
    const src = source(60_000);
    const store = new CredentialStore(src, 300);
    const seen: string[] = [];
    store.subscribe((c) => seen.push(c?.accessKeyId ?? 'none'));
    await store.get();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(src).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(src).toHaveBeenCalledTimes(2);
    expect(store.snapshot()?.accessKeyId).toBe('AK2');
    expect(store.generation).toBe(2);
    store.clear();
    expect(seen).toEqual(['AK1', 'AK2', 'none']);
  });

  it('refresh() forces new credentials (after ExpiredToken)', async () => {
    const store = new CredentialStore(source(3_600_000), 300);
    await store.get();
    expect((await store.refresh()).accessKeyId).toBe('AK2');
    store.clear();
    expect(store.snapshot()).toBeUndefined();
  });

  it('keeps static credentials without expiry forever', async () => {
    const src = vi.fn(async () => ({ accessKeyId: 'AKSTATIC', secretAccessKey: 's' }));
    const store = new CredentialStore(src);
    await store.get();
    await store.get();
    expect(src).toHaveBeenCalledTimes(1);
  });
});

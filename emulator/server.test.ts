import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './testing.js';

describe('emulator server', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.dispose());

  it('answers CORS preflights for any path with the requested headers and a one-day max age', async () => {
    const res = await fetch(`${emu.url}/bucket-that-does-not-exist`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization,x-amz-date,amz-sdk-invocation-id,x-amzn-query-mode',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'authorization,x-amz-date,amz-sdk-invocation-id,x-amzn-query-mode',
    );
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(res.headers.get('access-control-max-age')).toBe('86400');
  });

  it('allows the calling origin on answers and errors, without cookies, exposing ETag and x-amz-* headers', async () => {
    const res = await fetch(`${emu.url}/no-such-bucket-here`, { headers: { origin: 'http://localhost:5173' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const exposed = res.headers.get('access-control-expose-headers') ?? '';
    expect(exposed).toContain('ETag');
    expect(exposed).toContain('x-amz-request-id');
  });

  it('reports health without a token but guards the rest of the admin API', async () => {
    const health = await fetch(`${emu.url}/_emulator/health`);
    expect(health.status).toBe(200);
    const noToken = await fetch(`${emu.url}/_emulator/reset`, { method: 'POST' });
    expect(noToken.status).toBe(403);
    const fromBrowser = await fetch(`${emu.url}/_emulator/reset`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.adminToken}`, origin: 'http://evil.example' },
    });
    expect(fromBrowser.status).toBe(403);
    await expect(emu.admin('faults', { operation: 'ListBuckets', error: { code: 'SlowDown' } })).resolves.toMatchObject(
      {
        id: expect.any(Number),
      },
    );
    await expect(emu.admin('faults', { operation: 'X' })).rejects.toThrow(/error/);
  });
});

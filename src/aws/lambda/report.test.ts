import { describe, expect, it } from 'vitest';
import { decodeLogTail, parseReport } from './report';

describe('parseReport', () => {
  it('reads every figure of a cold start, init duration included', () => {
    const log =
      'START RequestId: abc Version: $LATEST\nhello\nEND RequestId: abc\n' +
      'REPORT RequestId: abc\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 57 MB\tInit Duration: 150.02 ms\t\n';
    expect(parseReport(log)).toEqual({
      requestId: 'abc',
      durationMs: 12.34,
      billedDurationMs: 13,
      memorySizeMb: 128,
      maxMemoryUsedMb: 57,
      initDurationMs: 150.02,
    });
  });

  it('has no init duration on a warm start and keeps a timeout status', () => {
    const r = parseReport(
      'REPORT RequestId: x Duration: 2000.00 ms Billed Duration: 2000 ms Memory Size: 128 MB Max Memory Used: 40 MB Status: timeout',
    );
    expect(r?.initDurationMs).toBeUndefined();
    expect(r?.durationMs).toBe(2000);
    expect(r?.status).toBe('timeout');
  });

  it('is undefined without a REPORT line', () => {
    expect(parseReport('START RequestId: a\nEND RequestId: a')).toBeUndefined();
  });
});

describe('decodeLogTail', () => {
  it('decodes base64 UTF-8, multi-byte characters included', () => {
    const text = 'héllo ✓\n';
    const b64 = btoa(String.fromCharCode(...new TextEncoder().encode(text)));
    expect(decodeLogTail(b64)).toBe(text);
    expect(decodeLogTail(undefined)).toBeUndefined();
  });
});
